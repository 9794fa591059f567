package io.xcluster.config;

/**
 * A password or other secret: its {@link #toString()} never reveals the value. Call {@link #reveal()} only
 * where the value is handed to a database driver.
 */
public final class Secret {
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
   * property parameters (case-insensitive, also {@code pwd}, {@code passwd}, {@code sslpassword}).
   */
  public static String maskUrl(String url) {
    throw new UnsupportedOperationException("implemented by the config work");
  }

  @Override
  public String toString() {
    return isEmpty() ? "(none)" : "****";
  }
}
