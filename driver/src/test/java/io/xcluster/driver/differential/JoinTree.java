package io.xcluster.driver.differential;

import io.xcluster.driver.differential.ForeignKeys.ForeignKey;
import io.xcluster.testing.FixtureTable;
import io.xcluster.testing.ClusterPlacement;
import io.xcluster.testing.Dialect;
import io.xcluster.testing.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A random FROM clause: 2 to 4 distinct tables, each attached to the ones before it along the
 * {@linkplain ForeignKeys natural foreign keys}, mostly by INNER JOIN, sometimes LEFT JOIN, RIGHT JOIN
 * (which makes every table before it nullable), FULL JOIN (both sides nullable; about one join in thirty)
 * or CROSS JOIN with the condition in WHERE; when a table has edges to several joined tables, the condition
 * sometimes uses all of them (a multi-column key across clusters). Always spans at least two
 * clusters of the topology.
 */
record JoinTree(List<JoinedTable> tables) {
  JoinTree {
    tables = List.copyOf(tables);
  }

  static JoinTree generate(Random random, Topology topology, PredicateGenerator predicates) {
    while (true) {
      JoinTree tree = attempt(random, predicates);
      long clusters =
          tree.tables.stream().map(joined -> topology.clusterOf(joined.table())).distinct().count();
      if (clusters >= 2) {
        return tree;
      }
    }
  }

  /**
   * Whether xcluster sends this tree's SQL whole to a MySQL/MariaDB cluster (all its tables live
   * there), so that an ORDER BY in it must be written in syntax MySQL knows.
   */
  boolean sentWholeToMysql(Topology topology) {
    List<ClusterPlacement> clusters =
        tables.stream().map(joined -> topology.clusterOf(joined.table())).distinct().toList();
    return clusters.size() == 1 && clusters.get(0).dialect() == Dialect.MYSQL;
  }

  private static JoinTree attempt(Random random, PredicateGenerator predicates) {
    int wanted = 2 + random.nextInt(3);
    FixtureTable[] all = FixtureTable.values();
    FixtureTable first = all[random.nextInt(all.length)];
    List<JoinedTable> joined = new ArrayList<>();
    joined.add(new JoinedTable(first, JoinedTable.Kind.FROM, SqlFragment.of(""), false));
    while (joined.size() < wanted) {
      List<FixtureTable> candidates = ForeignKeys.neighbours(tablesOf(joined));
      if (candidates.isEmpty()) {
        break;
      }
      FixtureTable next = candidates.get(random.nextInt(candidates.size()));
      JoinedTable attached = attach(random, predicates, next, joined);
      if (attached.kind() == JoinedTable.Kind.RIGHT || attached.kind() == JoinedTable.Kind.FULL) {
        joined.replaceAll(JoinedTable::asNullable);
      }
      joined.add(attached);
    }
    return new JoinTree(joined);
  }

  private static JoinedTable attach(
      Random random, PredicateGenerator predicates, FixtureTable next, List<JoinedTable> joined) {
    List<ForeignKey> edges = ForeignKeys.between(next, tablesOf(joined));
    List<ForeignKey> used =
        edges.size() > 1 && random.nextInt(3) == 0
            ? edges
            : List.of(edges.get(random.nextInt(edges.size())));
    int roll = random.nextInt(100);
    JoinedTable.Kind kind =
        roll < 22
            ? JoinedTable.Kind.LEFT
            : roll < 30
                ? JoinedTable.Kind.RIGHT
                : roll < 33
                    ? JoinedTable.Kind.FULL
                    : roll < 42 ? JoinedTable.Kind.CROSS : JoinedTable.Kind.INNER;
    List<SqlFragment> conditions = new ArrayList<>();
    for (ForeignKey edge : used) {
      conditions.add(SqlFragment.of(equality(random, edge)));
    }
    JoinedTable provisional = new JoinedTable(next, kind, SqlFragment.of(""), false);
    boolean onFilter =
        kind == JoinedTable.Kind.LEFT || kind == JoinedTable.Kind.RIGHT
            ? random.nextInt(10) < 3
            : kind == JoinedTable.Kind.INNER && random.nextInt(10) == 0;
    if (onFilter) {
      List<JoinedTable.Column> columns = provisional.columns();
      conditions.add(predicates.atomOn(columns.get(random.nextInt(columns.size()))));
    }
    return new JoinedTable(next, kind, SqlFragment.join(" AND ", conditions),
        kind == JoinedTable.Kind.LEFT || kind == JoinedTable.Kind.FULL);
  }

  /** {@code p.user_id = u.id} or {@code u.id = p.user_id}. */
  private static String equality(Random random, ForeignKey edge) {
    String child = ForeignKeys.alias(edge.child()) + "." + edge.childColumn();
    String parent = ForeignKeys.alias(edge.parent()) + ".id";
    return random.nextBoolean() ? child + " = " + parent : parent + " = " + child;
  }

  private static List<FixtureTable> tablesOf(List<JoinedTable> joined) {
    return joined.stream().map(JoinedTable::table).toList();
  }

  /** Every column of every table, in FROM order. */
  List<JoinedTable.Column> columns() {
    return tables.stream().flatMap(table -> table.columns().stream()).toList();
  }

  /** The FROM clause's body: {@code users u JOIN posts p ON ...}. */
  SqlFragment from() {
    SqlFragment from = SqlFragment.of("");
    for (JoinedTable table : tables) {
      from = from.append(table.render());
    }
    return from;
  }

  /**
   * {@code WHERE} with the CROSS JOINs' conditions and {@code filter}, starting with a space; empty
   * text when there is neither.
   */
  SqlFragment where(Optional<SqlFragment> filter) {
    List<SqlFragment> conditions = new ArrayList<>(crossConditions());
    filter.ifPresent(
        condition -> conditions.add(conditions.isEmpty() ? condition : condition.parenthesized()));
    return conditions.isEmpty()
        ? SqlFragment.of("")
        : SqlFragment.of(" WHERE ").append(SqlFragment.join(" AND ", conditions));
  }

  /** The conditions of CROSS JOINs, which belong in WHERE. */
  List<SqlFragment> crossConditions() {
    return tables.stream()
        .filter(table -> table.kind() == JoinedTable.Kind.CROSS)
        .map(JoinedTable::condition)
        .toList();
  }
}
