package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.CrossClusterPlan.Aggregate;
import io.xcluster.rewriter.CrossClusterPlan.Computed;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import io.xcluster.rewriter.CrossClusterPlan.Slot;
import io.xcluster.rewriter.CrossClusterPlan.SortKey;
import io.xcluster.rewriter.CrossClusterPlan.Value;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Refuses an in-memory sort of text that a cluster's collation orders differently. xcluster sorts text by
 * code point; a database with a linguistic collation (en_US.UTF-8, utf8mb4_general_ci) orders 'B' and 'a'
 * the other way round, so the merged order would silently differ from what one database would return. The
 * configuration's {@code textOrdering: codepoint} accepts code-point order instead.
 */
final class TextOrder {
  private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "bpchar", "char", "name", "citext");

  private TextOrder() {}

  static void check(CrossClusterPlan plan, ColumnMeta[] slotMeta, ExecutionContext context) throws SQLException {
    for (SortKey key : plan.order()) {
      Set<String> clusters = textSources(key, plan, slotMeta);
      if (!clusters.isEmpty()) {
        refuseConflicts(() -> "ORDER BY " + key.value() + " would sort", clusters, context,
            "order by columns of the first table read (its cluster then sorts), ");
      }
    }
  }

  /** MIN and MAX of text compare by code point in memory too, so they meet the same collation rule. */
  static void checkExtremes(CrossClusterPlan plan, ColumnMeta[] slotMeta, ExecutionContext context)
      throws SQLException {
    for (Aggregate aggregate : plan.aggregation().orElseThrow().aggregates()) {
      if ((aggregate.function().equals("MIN") || aggregate.function().equals("MAX"))
          && aggregate.argument().isPresent()) {
        Set<String> clusters = new LinkedHashSet<>();
        Value argument = aggregate.argument().get();
        if (argument instanceof Slot slot) {
          if (isText(slotMeta[slot.slot()])) {
            addClusters(fetchOf(plan, slot.slot()), clusters);
          }
        } else if (TEXT_TYPES.contains(aggregate.typeName()) || aggregate.typeName().isEmpty()) {
          plan.fetches().forEach(fetch -> addClusters(fetch, clusters));
        }
        if (!clusters.isEmpty()) {
          refuseConflicts(() -> aggregate + " would compare", clusters, context, "");
        }
      }
    }
  }

  /** {@code what} names the sort or comparison; it is only asked for when there is something to refuse. */
  private static void refuseConflicts(Supplier<String> what, Set<String> clusters, ExecutionContext context,
      String firstFix) throws SQLException {
    for (String cluster : clusters) {
      Optional<String> collation = context.conflictingCollation(cluster);
      if (collation.isPresent()) {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, what.get() + " text of cluster '" + cluster
            + "' in memory by code point, but its collation " + collation.get() + " orders text differently,"
            + " so the answer could differ from one database's. Fix: " + firstFix + "give the columns a binary"
            + " collation (C, utf8mb4_bin), or set 'textOrdering: codepoint' to accept code-point order");
      }
    }
  }

  /** The clusters whose text a sort key orders: none unless its values are text. */
  private static Set<String> textSources(SortKey key, CrossClusterPlan plan, ColumnMeta[] slotMeta) {
    Set<String> clusters = new LinkedHashSet<>();
    if (plan.aggregation().isPresent()) {
      groupedSources(key, plan, slotMeta, clusters);
      return clusters;
    }
    if (key.value() instanceof Slot slot) {
      if (isText(slotMeta[slot.slot()])) {
        addClusters(fetchOf(plan, slot.slot()), clusters);
      }
    } else if (TEXT_TYPES.contains(((Computed) key.value()).typeName())
        || ((Computed) key.value()).typeName().isEmpty()) {
      plan.fetches().forEach(fetch -> addClusters(fetch, clusters));
    }
    return clusters;
  }

  /**
   * For a grouped result: a GROUP BY column's cluster when it is text; MIN/MAX and expressions may be text
   * from any cluster; COUNT, SUM and AVG never are.
   */
  private static void groupedSources(SortKey key, CrossClusterPlan plan, ColumnMeta[] slotMeta, Set<String> clusters) {
    var aggregation = plan.aggregation().get();
    int keys = aggregation.keys().size();
    if (key.value() instanceof Slot slot && slot.slot() < keys && aggregation.keys().get(slot.slot()) instanceof Slot s) {
      if (isText(slotMeta[s.slot()])) {
        addClusters(fetchOf(plan, s.slot()), clusters);
      }
      return;
    }
    if (key.value() instanceof Slot slot && slot.slot() >= keys) {
      String function = aggregation.aggregates().get(slot.slot() - keys).function();
      if (!function.equals("MIN") && !function.equals("MAX")) {
        return;
      }
    }
    if (key.value() instanceof Computed computed && !TEXT_TYPES.contains(computed.typeName())
        && !computed.typeName().isEmpty()) {
      return;
    }
    plan.fetches().forEach(fetch -> addClusters(fetch, clusters));
  }

  /** A cluster query's cluster; every cluster a derived table's plan reads. */
  static void addClusters(Fetch fetch, Set<String> clusters) {
    if (fetch.isDerived()) {
      fetch.derived().fetches().forEach(inner -> addClusters(inner, clusters));
    } else {
      clusters.add(fetch.cluster());
    }
  }

  static boolean isText(ColumnMeta column) {
    if (column == null) {
      return false;
    }
    return switch (column.jdbcType()) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB -> true;
      default -> TEXT_TYPES.contains(column.typeName().toLowerCase(java.util.Locale.ROOT));
    };
  }

  private static Fetch fetchOf(CrossClusterPlan plan, int slot) {
    for (Fetch fetch : plan.fetches()) {
      if (slot >= fetch.offset() && slot < fetch.offset() + fetch.width()) {
        return fetch;
      }
    }
    throw new IllegalStateException("no fetch holds slot " + slot);
  }
}
