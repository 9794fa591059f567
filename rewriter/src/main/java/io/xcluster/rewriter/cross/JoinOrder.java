package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.CrossClusterPlan.JoinKind;
import io.xcluster.rewriter.cross.FromClause.JoinSpec;
import io.xcluster.rewriter.cross.FromClause.JoinType;
import io.xcluster.rewriter.cross.Scope.ColumnRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;

/**
 * Which FROM items run together as one cluster query, in what order, and where each condition goes: into a
 * cluster's query, into a join as a key or an extra condition, or into the filter after all joins.
 *
 * <p>Without outer joins, inner joins may be reordered freely: items of one cluster linked by conditions of
 * that cluster form one group (one query), conditions of one group are pushed into it, equalities between
 * groups become join keys, and the plan starts from the group with the most selective conditions, binding
 * keys into each next group linked to the ones already read.
 *
 * <p>With an outer join the written order is kept and each item is its own query. A WHERE condition is
 * pushed into an item's query only when that item can never be NULL-extended; an ON condition of an inner or
 * left join that names only the joined item is pushed into its query (it filters that side before the join);
 * every other condition is evaluated in memory where the database would evaluate it. Keys are bound only
 * into the non-preserved side of a join, never into a side whose unmatched rows must survive.
 */
final class JoinOrder {

  /** One group and how it joins the groups before it (the first step has no join). */
  record Step(Group group, JoinKind kind, List<ColumnRef[]> keys, List<Conjunct> conditions, boolean bindable) {}

  final List<Step> steps;
  final List<Conjunct> residual;

  private JoinOrder(List<Step> steps, List<Conjunct> residual) {
    this.steps = List.copyOf(steps);
    this.residual = List.copyOf(residual);
  }

  /**
   * @param sortLeaves the FROM items ORDER BY reads: among equally selective groups, one holding them all
   *     starts, so that its cluster can sort
   */
  static JoinOrder of(FromClause from, Scope scope, Expression where, Set<Integer> sortLeaves) {
    return from.hasOuterJoin() ? written(from, scope, where) : reordered(from, scope, where, sortLeaves);
  }

  // ---- inner joins only ---------------------------------------------------------------------------------

  private static JoinOrder reordered(FromClause from, Scope scope, Expression where, Set<Integer> sortLeaves) {
    List<Conjunct> conjuncts = new ArrayList<>();
    for (JoinSpec join : from.joins) {
      conjuncts.addAll(Conjunct.split(join.on(), scope));
    }
    conjuncts.addAll(Conjunct.split(where, scope));
    List<Group> groups = groupByCluster(from.leaves, conjuncts, scope);
    List<Conjunct> residual = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (Conjunct conjunct : conjuncts) {
      place(conjunct, groups, scope, edges, residual);
    }
    return new JoinOrder(innerSteps(groups, edges, sortLeaves), residual);
  }

  /** An equality between a column of one group and a column of another. */
  private record Edge(Group a, ColumnRef aColumn, Group b, ColumnRef bColumn) {
    ColumnRef[] from(Group earlierSide) {
      return earlierSide == a ? new ColumnRef[] {aColumn, bColumn} : new ColumnRef[] {bColumn, aColumn};
    }

    Group other(Group group) {
      return group == a ? b : group == b ? a : null;
    }
  }

  /**
   * Items of one cluster that a condition of that cluster links end up in one group (union-find). Tables of a
   * sharded cluster join in one group only through an equality of their shard keys: then every pair of rows
   * that joins lives on one shard, and each shard runs the join.
   */
  private static List<Group> groupByCluster(List<Leaf> leaves, List<Conjunct> conjuncts, Scope scope) {
    int[] parent = new int[leaves.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Conjunct conjunct : conjuncts) {
      List<Integer> linked = new ArrayList<>(conjunct.leaves());
      if (linked.size() < 2 || linked.stream().map(i -> leaves.get(i).cluster()).distinct().count() > 1
          || linked.stream().anyMatch(i -> leaves.get(i).isDerived())
          || (leaves.get(linked.get(0)).sharded() && !shardKeysEqual(conjunct, leaves, scope))) {
        continue;
      }
      for (int other : linked.subList(1, linked.size())) {
        parent[root(parent, other)] = root(parent, linked.get(0));
      }
    }
    List<Group> groups = new ArrayList<>();
    Group[] byRoot = new Group[leaves.size()];
    for (Leaf leaf : leaves) {
      int root = root(parent, leaf.position());
      if (byRoot[root] == null) {
        byRoot[root] = new Group(leaf);
        groups.add(byRoot[root]);
      } else {
        byRoot[root].leaves.add(leaf);
      }
    }
    return groups;
  }

  /** {@code a.k = b.k} where k is each table's shard key. */
  private static boolean shardKeysEqual(Conjunct conjunct, List<Leaf> leaves, Scope scope) {
    Column[] equality = conjunct.columnEquality();
    if (equality == null) {
      return false;
    }
    for (Column column : equality) {
      ColumnRef ref = scope.resolve(column);
      Leaf leaf = leaves.get(ref.leaf());
      if (leaf.shardKey().isEmpty() || !leaf.columnName(ref.column()).equalsIgnoreCase(leaf.shardKey().get())) {
        return false;
      }
    }
    return true;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void place(Conjunct conjunct, List<Group> groups, Scope scope, List<Edge> edges,
      List<Conjunct> residual) {
    List<Group> touched = groups.stream()
        .filter(g -> conjunct.leaves().stream().anyMatch(g::contains)).toList();
    if (touched.size() == 1 && !touched.get(0).isDerived()) {
      touched.get(0).pushed.add(conjunct);
      return;
    }
    Column[] equality = conjunct.columnEquality();
    if (touched.size() == 2 && equality != null) {
      ColumnRef left = scope.resolve(equality[0]);
      ColumnRef right = scope.resolve(equality[1]);
      Group leftGroup = groupOf(groups, left);
      edges.add(new Edge(leftGroup, left, groupOf(groups, right), right));
      return;
    }
    residual.add(conjunct);
  }

  private static Group groupOf(List<Group> groups, ColumnRef column) {
    return groups.stream().filter(g -> g.contains(column.leaf())).findFirst().orElseThrow();
  }

  /** Most selective group first; then, repeatedly, the most selective group linked to those read so far. */
  private static List<Step> innerSteps(List<Group> groups, List<Edge> edges, Set<Integer> sortLeaves) {
    List<Group> remaining = new ArrayList<>(groups);
    List<Group> done = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    Comparator<Group> mostSelective = Comparator.comparingInt(JoinOrder::selectivity).reversed()
        .thenComparing(group -> !sortLeaves.isEmpty() && sortLeaves.stream().allMatch(group::contains) ? 0 : 1);
    while (!remaining.isEmpty()) {
      List<Group> linked = remaining.stream()
          .filter(g -> edges.stream().anyMatch(e -> done.contains(e.other(g)))).toList();
      Group next = (linked.isEmpty() ? remaining : linked).stream().min(mostSelective).orElseThrow();
      List<ColumnRef[]> keys = new ArrayList<>();
      for (Edge edge : edges) {
        Group earlier = edge.other(next);
        if (earlier != null && done.contains(earlier)) {
          keys.add(edge.from(earlier));
        }
      }
      steps.add(new Step(next, JoinKind.INNER, keys, List.of(), !next.isDerived()));
      remaining.remove(next);
      done.add(next);
    }
    return steps;
  }

  /** Equalities with a literal or parameter (key lookups) count most, other conditions less. */
  private static int selectivity(Group group) {
    int score = 0;
    for (Conjunct conjunct : group.pushed) {
      score += conjunct.expression() instanceof EqualsTo equals && isConstant(equals) ? 10 : 3;
    }
    return score;
  }

  /** {@code column = literal-or-parameter}, either way round. */
  private static boolean isConstant(EqualsTo equals) {
    return equals.getLeftExpression() instanceof Column != equals.getRightExpression() instanceof Column;
  }

  // ---- with outer joins: the written order -------------------------------------------------------------

  private static JoinOrder written(FromClause from, Scope scope, Expression where) {
    boolean[] nullable = nullable(from);
    List<Group> groups = from.leaves.stream().map(Group::new).toList();
    List<Conjunct> residual = new ArrayList<>();
    for (Conjunct conjunct : Conjunct.split(where, scope)) {
      int only = conjunct.leaves().size() == 1 ? conjunct.leaves().iterator().next() : -1;
      if (only >= 0 && !nullable[only] && !groups.get(only).isDerived()) {
        groups.get(conjunct.leaves().iterator().next()).pushed.add(conjunct);
      } else {
        residual.add(conjunct);
      }
    }
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(groups.get(0), JoinKind.INNER, List.of(), List.of(), false));
    for (int i = 1; i < groups.size(); i++) {
      steps.add(writtenStep(i, from.joins.get(i - 1), groups.get(i), scope));
    }
    return new JoinOrder(steps, residual);
  }

  private static Step writtenStep(int position, JoinSpec join, Group group, Scope scope) {
    JoinKind kind = JoinKind.valueOf(join.type().name());
    boolean filtersJoinedSide = (join.type() == JoinType.INNER || join.type() == JoinType.LEFT)
        && !group.isDerived();
    List<ColumnRef[]> keys = new ArrayList<>();
    List<Conjunct> conditions = new ArrayList<>();
    for (Conjunct conjunct : Conjunct.split(join.on(), scope)) {
      if (filtersJoinedSide && conjunct.leaves().equals(Set.of(position))) {
        group.pushed.add(conjunct);
        continue;
      }
      ColumnRef[] key = keyOf(conjunct, position, scope);
      if (key != null) {
        keys.add(key);
      } else {
        conditions.add(conjunct);
      }
    }
    return new Step(group, kind, keys, conditions, filtersJoinedSide);
  }

  /** {@code earlier.x = joined.y} (either way round): [earlier column, joined column]; otherwise null. */
  private static ColumnRef[] keyOf(Conjunct conjunct, int position, Scope scope) {
    Column[] equality = conjunct.columnEquality();
    if (equality == null) {
      return null;
    }
    ColumnRef left = scope.resolve(equality[0]);
    ColumnRef right = scope.resolve(equality[1]);
    if (right.leaf() == position && left.leaf() < position) {
      return new ColumnRef[] {left, right};
    }
    if (left.leaf() == position && right.leaf() < position) {
      return new ColumnRef[] {right, left};
    }
    return null;
  }

  /** Items that an outer join may NULL-extend: the right of a LEFT, everything before a RIGHT, both of FULL. */
  private static boolean[] nullable(FromClause from) {
    boolean[] nullable = new boolean[from.leaves.size()];
    for (int i = 1; i < nullable.length; i++) {
      JoinType type = from.joins.get(i - 1).type();
      if (type == JoinType.LEFT || type == JoinType.FULL) {
        nullable[i] = true;
      }
      if (type == JoinType.RIGHT || type == JoinType.FULL) {
        for (int j = 0; j < i; j++) {
          nullable[j] = true;
        }
      }
    }
    return nullable;
  }
}
