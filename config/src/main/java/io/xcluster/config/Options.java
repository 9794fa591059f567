package io.xcluster.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Top-level options of the YAML file; each can be overridden by a {@code ?key=value} on the JDBC URL.
 *
 * @param defaultCluster owner of unmapped tables and of statements that name no table or cannot be parsed
 * @param parseCacheSize how many distinct SQL strings keep their parse/plan cached (default 10,000)
 * @param parseTimeoutMillis the longest one SQL parse may take before it fails (default 5,000)
 * @param maxRowsInMemory the most rows a cross-cluster statement may hold in memory at once (default
 *     1,000,000); more fails the statement with SQLState 54000 rather than exhausting the heap
 * @param maxCrossJoinRows the most rows a join without any equality between two clusters may produce
 *     (default 100,000); more is refused
 * @param bindBatchSize the most join keys bound into one per-cluster query (default 1,000); more keys run as
 *     several queries
 * @param hashJoinThreshold above this many distinct join keys, a fetch with filters of its own runs once
 *     without binding them (a hash join in memory) instead of in key batches (default 10,000)
 * @param codePointTextOrder whether text sorted in memory may follow code-point order even when a cluster's
 *     collation orders it otherwise (default false: such a sort is refused; {@code textOrdering: codepoint})
 * @param listeners class names of query listeners every connection of this configuration reports to
 *     ({@code listeners: com.example.AuditListener, com.example.Other}); each needs a public no-argument
 *     constructor
 */
public record Options(
    Optional<String> defaultCluster,
    int parseCacheSize,
    long parseTimeoutMillis,
    long maxRowsInMemory,
    long maxCrossJoinRows,
    int bindBatchSize,
    long hashJoinThreshold,
    boolean codePointTextOrder,
    java.util.List<String> listeners) {

  public static final int DEFAULT_PARSE_CACHE_SIZE = 10_000;
  public static final long DEFAULT_PARSE_TIMEOUT_MILLIS = 5_000;
  public static final long DEFAULT_MAX_ROWS_IN_MEMORY = 1_000_000;
  public static final long DEFAULT_MAX_CROSS_JOIN_ROWS = 100_000;
  public static final int DEFAULT_BIND_BATCH_SIZE = 1_000;
  public static final long DEFAULT_HASH_JOIN_THRESHOLD = 10_000;

  public Options {
    Objects.requireNonNull(defaultCluster, "defaultCluster");
    listeners = java.util.List.copyOf(listeners);
  }

  /** The routing options alone, the cross-cluster limits at their defaults. */
  public Options(Optional<String> defaultCluster, int parseCacheSize, long parseTimeoutMillis) {
    this(defaultCluster, parseCacheSize, parseTimeoutMillis, DEFAULT_MAX_ROWS_IN_MEMORY,
        DEFAULT_MAX_CROSS_JOIN_ROWS, DEFAULT_BIND_BATCH_SIZE, DEFAULT_HASH_JOIN_THRESHOLD, false,
        java.util.List.of());
  }

  /** No default cluster, every option at its default: what a file without options gets. */
  public static Options defaults() {
    return new Options(Optional.empty(), DEFAULT_PARSE_CACHE_SIZE, DEFAULT_PARSE_TIMEOUT_MILLIS);
  }
}
