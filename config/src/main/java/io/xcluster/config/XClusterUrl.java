package io.xcluster.config;

import java.util.Map;
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

  /** A pure prefix check, no side effects: what {@code Driver.acceptsURL} answers. */
  public static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  /**
   * Parses an xcluster URL.
   *
   * @return empty when the URL is not an xcluster URL (the driver then returns null from connect)
   * @throws io.xcluster.error.XClusterException (CONFIGURATION) when it is ours but malformed: empty
   *     location, a query pair without '=', an empty key
   */
  public static Optional<XClusterUrl> parse(String url) {
    throw new UnsupportedOperationException("implemented by the config work");
  }
}
