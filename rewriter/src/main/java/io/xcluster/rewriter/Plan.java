package io.xcluster.rewriter;

import io.xcluster.config.TableName;
import java.util.List;

/**
 * What to do with one SQL string: an immutable value the driver executes, tests assert on and EXPLAIN prints.
 * Later work adds cross-cluster plans to this sealed hierarchy.
 */
public sealed interface Plan permits Plan.PassThrough, CrossClusterPlan, SetOperationPlan {

  /** The statement's kind. */
  StatementKind kind();

  /**
   * Send the SQL, verbatim (never re-printed, so dialect features survive), to one cluster.
   *
   * @param cluster the logical cluster that runs it
   * @param sql the original SQL text, unchanged
   * @param kind what the statement does
   * @param tables the tables it names (CTE names and aliases excluded), in order of first appearance
   * @param reason why this cluster was chosen
   * @param shards for a sharded cluster, the shards it reaches (resolved from its key values when it runs);
   *     {@link ShardPick#ALL} otherwise
   * @param move for an UPDATE that sets the shard key, the check that it moves no row between shards
   */
  record PassThrough(String cluster, String sql, StatementKind kind, List<TableName> tables, Reason reason,
      ShardPick shards, java.util.Optional<ShardPick.Move> move) implements Plan {
    public PassThrough {
      tables = List.copyOf(tables);
    }

    public PassThrough(String cluster, String sql, StatementKind kind, List<TableName> tables, Reason reason) {
      this(cluster, sql, kind, tables, reason, ShardPick.ALL, java.util.Optional.empty());
    }

    /** The same statement on one server (a shard of its cluster). */
    public PassThrough on(String server) {
      return new PassThrough(server, sql, kind, tables, reason, shards, move);
    }
  }

  /** Why a pass-through went where it went; shown in logs and EXPLAIN. */
  enum Reason {
    /** Every table the statement names lives in this cluster. */
    TABLES,
    /** The statement names no table (SELECT 1, SET ...): the default cluster, else the first declared. */
    NO_TABLES,
    /** JSqlParser could not parse it, and a defaultCluster is configured. */
    UNPARSED_TO_DEFAULT,
    /** A leading {@code /* xcluster:cluster=NAME *&#47;} comment chose the cluster. */
    HINT,
    /** Its table's shard key picks the shards of a sharded cluster (or, unpinned, every shard). */
    SHARD_KEY
  }
}
