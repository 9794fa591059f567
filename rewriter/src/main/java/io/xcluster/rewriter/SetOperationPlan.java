package io.xcluster.rewriter;

import java.util.List;
import java.util.Optional;

/**
 * UNION / INTERSECT / EXCEPT whose branches live in different clusters: each branch runs on its own (one
 * cluster's query, or a cross-cluster plan), and the rows are combined in memory with SQL's set semantics,
 * then ordered and limited as a whole. Columns are named and typed after the first branch.
 *
 * @param sql the original statement
 * @param branches the SELECTs, in order
 * @param operators {@code operators.get(i)} combines the rows so far with {@code branches.get(i + 1)}
 * @param order ORDER BY over the combined rows: output positions (0-based) with direction and NULL placement
 * @param limit LIMIT, if any
 * @param offset OFFSET, if any
 */
public record SetOperationPlan(
    String sql,
    List<Branch> branches,
    List<Operator> operators,
    List<OrderKey> order,
    Optional<CrossClusterPlan.Bound> limit,
    Optional<CrossClusterPlan.Bound> offset) implements Plan {

  public SetOperationPlan {
    branches = List.copyOf(branches);
    operators = List.copyOf(operators);
    order = List.copyOf(order);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.QUERY;
  }

  /** A SELECT of the set operation: one cluster's query, or a plan across clusters. */
  public sealed interface Branch permits OneCluster, Decomposed {}

  /**
   * @param sql the branch as that cluster's SQL
   * @param parameters the statement's 1-based parameter indexes, in the order {@code sql} uses them
   */
  public record OneCluster(String cluster, String sql, List<Integer> parameters) implements Branch {
    public OneCluster {
      parameters = List.copyOf(parameters);
    }
  }

  public record Decomposed(CrossClusterPlan plan) implements Branch {}

  /** How two row sets combine; {@code all} keeps duplicates (multiset semantics). */
  public record Operator(Kind kind, boolean all) {
    @Override
    public String toString() {
      return kind + (all ? " ALL" : "");
    }
  }

  public enum Kind { UNION, INTERSECT, EXCEPT }

  public record OrderKey(int output, boolean ascending, boolean nullsFirst) {
    @Override
    public String toString() {
      return "#" + (output + 1) + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  public String describe() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < branches.size(); i++) {
      if (i > 0) {
        text.append(operators.get(i - 1)).append('\n');
      }
      Branch branch = branches.get(i);
      text.append(i + 1).append(". ").append(branch instanceof OneCluster one ? one.cluster() + ": " + one.sql()
          : "across clusters:\n   " + ((Decomposed) branch).plan().describe().replace("\n", "\n   ")).append('\n');
    }
    if (!order.isEmpty()) {
      text.append("order ").append(order).append('\n');
    }
    limit.ifPresent(bound -> text.append("limit ").append(bound).append('\n'));
    offset.ifPresent(bound -> text.append("offset ").append(bound).append('\n'));
    return text.toString().strip();
  }
}
