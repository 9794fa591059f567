package io.xcluster.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A password or other secret: its {@link #toString()} never reveals the value. Call {@link #reveal()} only
 * where the value is handed to a database driver.
 */
public final class Secret {
  private static final String MASK = "****";
  /** {@code //user:secret@host}; the secret runs to the last '@' of the authority. */
  private static final Pattern USER_INFO = Pattern.compile("//([^/?#;@:]*):[^/?#;]*@");
  /** Oracle's {@code jdbc:oracle:thin:user/secret@host}. */
  private static final Pattern ORACLE_USER =
      Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:)([^/@:]+)/[^@]*@");
  /** Any parameter named {@code ...password}, {@code pwd} or {@code passwd}; SQL Server may brace the value. */
  private static final Pattern PARAMETER = Pattern.compile(
      "(?i)([?&;]\\s*(?:[\\w.-]*password|pwd|passwd)\\s*=)(\\{[^}]*}|[^&;]*)");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself; may be null or empty when no password is set. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value == null || value.isEmpty();
  }

  /**
   * Masks credentials embedded in a JDBC URL: {@code user:secret@host} and {@code password=...} query or
   * property parameters (case-insensitive, also {@code pwd}, {@code passwd}, {@code sslpassword} and any other
   * parameter whose name ends in {@code password}). Returns null for null.
   */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String masked = USER_INFO.matcher(url).replaceAll("//$1:" + MASK + "@");
    masked = ORACLE_USER.matcher(masked).replaceAll("$1$2/" + MASK + "@");
    return PARAMETER.matcher(masked).replaceAll("$1" + MASK);
  }

  /** Pool properties made safe to print: secret-looking keys masked, URL-looking values passed through maskUrl. */
  static Map<String, String> maskProperties(Map<String, String> properties) {
    Map<String, String> masked = new LinkedHashMap<>();
    properties.forEach((key, value) -> masked.put(key, isSecretKey(key) ? MASK : maskUrl(value)));
    return masked;
  }

  private static boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("password") || lower.contains("secret") || lower.equals("pwd")
        || lower.equals("passwd");
  }

  @Override
  public String toString() {
    return isEmpty() ? "(none)" : MASK;
  }
}
