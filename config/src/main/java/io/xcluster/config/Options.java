package io.xcluster.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Top-level options of the YAML file; each can be overridden by a {@code ?key=value} on the JDBC URL.
 *
 * @param defaultCluster owner of unmapped tables and of statements that name no table or cannot be parsed
 * @param parseCacheSize how many distinct SQL strings keep their parse/plan cached (default 10,000)
 * @param parseTimeoutMillis the longest one SQL parse may take before it fails (default 5,000)
 */
public record Options(Optional<String> defaultCluster, int parseCacheSize, long parseTimeoutMillis) {

  public static final int DEFAULT_PARSE_CACHE_SIZE = 10_000;
  public static final long DEFAULT_PARSE_TIMEOUT_MILLIS = 5_000;

  public Options {
    Objects.requireNonNull(defaultCluster, "defaultCluster");
  }

  /** No default cluster, default cache size and timeout: what a file without options gets. */
  public static Options defaults() {
    return new Options(Optional.empty(), DEFAULT_PARSE_CACHE_SIZE, DEFAULT_PARSE_TIMEOUT_MILLIS);
  }
}
