package io.xcluster.config;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code jdbc:xcluster:<location>[?key=value&...]} URL.
 *
 * <p>{@code location} is {@code classpath:<resource>} or a filesystem path (absolute, or relative to the
 * working directory). The query part overrides top-level options of the YAML file (see {@link Options});
 * values are URL-decoded (UTF-8). The prefix is stripped once, by position.
 *
 * @param location where the YAML file is, exactly as written after the prefix (without the query part)
 * @param overrides top-level option overrides in the order written; never null
 */
public record XClusterUrl(String location, Map<String, String> overrides) {
  public static final String PREFIX = "jdbc:xcluster:";
  private static final String FORM = "jdbc:xcluster:<path>[?key=value&...] or jdbc:xcluster:classpath:<resource>";

  public XClusterUrl {
    Objects.requireNonNull(location, "location");
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }

  /** A pure prefix check, no side effects: what {@code Driver.acceptsURL} answers. */
  public static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  /**
   * Parses an xcluster URL. Empty {@code &}-separated segments are skipped; a key given twice is malformed.
   *
   * @return empty when the URL is not an xcluster URL (the driver then returns null from connect)
   * @throws io.xcluster.error.XClusterException (CONFIGURATION) when it is ours but malformed: empty
   *     location, a query pair without '=', an empty key
   */
  public static Optional<XClusterUrl> parse(String url) {
    if (!accepts(url)) {
      return Optional.empty();
    }
    String rest = url.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String location = query < 0 ? rest : rest.substring(0, query);
    checkLocation(location);
    Map<String, String> overrides = query < 0 ? Map.of() : overrides(rest.substring(query + 1));
    return Optional.of(new XClusterUrl(location, overrides));
  }

  private static void checkLocation(String location) {
    if (location.isBlank()) {
      throw malformed("the URL names no configuration file");
    }
    if (location.equals(ConfigFiles.CLASSPATH)) {
      throw malformed("the URL names no classpath resource after 'classpath:'");
    }
  }

  private static Map<String, String> overrides(String query) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw malformed("URL parameter '" + pair + "' has no '=value'");
      }
      String key = decode(pair.substring(0, eq));
      if (key.isBlank()) {
        throw malformed("a URL parameter has an empty name");
      }
      if (overrides.put(key, decode(pair.substring(eq + 1))) != null) {
        throw malformed("URL parameter '" + key + "' is given twice");
      }
    }
    return overrides;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed("URL parameter '" + text + "' has an invalid %-escape");
    }
  }

  private static XClusterException malformed(String problem) {
    return new XClusterException(SqlState.CONFIGURATION,
        "malformed xcluster URL: " + problem + ". Fix: write it as " + FORM);
  }
}
