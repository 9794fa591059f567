package io.xcluster.driver.differential;

import io.xcluster.testing.ColumnType;
import io.xcluster.testing.FixtureTable;
import io.xcluster.testing.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One top-level WHERE conjunct with a subquery over a table of another cluster, in one of the forms
 * xcluster decomposes: {@code o.k [NOT] IN (SELECT i.k FROM t i ...)}, {@code [NOT] EXISTS (SELECT
 * 1 FROM t i WHERE i.k = o.k [AND i.m = o.m] [AND ...])} correlated only by equalities of key
 * columns ({@link KeyDomains}), and {@code o.n <op> (SELECT AGG(i.n) FROM t i ...)}, uncorrelated
 * or correlated by a key; each sometimes under {@code OR} or {@code NOT}. The inner table is called by its usual alias
 * plus {@code 2}, so it never hides an outer one.
 */
final class SubqueryCondition {
  private static final List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=");
  private static final List<String> AGGREGATES = List.of("AVG", "MIN", "MAX", "SUM");

  private final Random random;
  private final Topology topology;
  private final PredicateGenerator predicates;

  SubqueryCondition(Random random, Topology topology, PredicateGenerator predicates) {
    this.random = random;
    this.topology = topology;
    this.predicates = predicates;
  }

  /** A pairing of an outer key column with an inner table's column of the same domain. */
  private record Link(JoinedTable.Column outer, KeyDomains.KeyColumn inner) {}

  /** One conjunct over the columns of {@code tree}. */
  SqlFragment generate(JoinTree tree) {
    int roll = random.nextInt(100);
    if (roll < 65) {
      SqlFragment semiJoin = roll < 25 ? membership(tree, false) : roll < 40 ? membership(tree, true)
          : roll < 55 ? exists(tree, false) : exists(tree, true);
      return random.nextInt(3) == 0 ? underOrOrNot(semiJoin, tree) : semiJoin;
    }
    SqlFragment scalar = roll < 80 ? aggregateComparison(tree) : correlatedAggregateComparison(tree);
    return random.nextInt(3) == 0 ? orNull(scalar, tree) : scalar;
  }

  /** {@code (<sub> OR <atom>)}, {@code NOT (<sub>)} or {@code NOT (<sub> OR <atom>)}. */
  private SqlFragment underOrOrNot(SqlFragment condition, JoinTree tree) {
    int roll = random.nextInt(4);
    SqlFragment wrapped = roll == 1 ? condition
        : condition.parenthesized().append(" OR ").append(predicates.atom(tree).parenthesized());
    return roll == 0 ? wrapped.parenthesized() : SqlFragment.of("NOT ").append(wrapped.parenthesized());
  }

  /** {@code (<condition> OR o.c IS NULL)}: a scalar subquery under OR. */
  private SqlFragment orNull(SqlFragment condition, JoinTree tree) {
    JoinedTable.Column column = tree.columns().get(random.nextInt(tree.columns().size()));
    return condition.append(" OR " + column.sql() + " IS NULL").parenthesized();
  }

  /**
   * {@code o.n <op> (SELECT AGG(i.x) FROM t i WHERE i.k = o.k [AND ...])}: a scalar subquery
   * correlated by a key, COUNT(*), MIN, MAX or SUM (not AVG, whose digits MySQL rounds).
   */
  private SqlFragment correlatedAggregateComparison(JoinTree tree) {
    Link link = pick(links(tree.columns()));
    FixtureTable inner = link.inner().table();
    List<AliasedColumn> numeric =
        innerColumns(inner).stream().filter(column -> isNumeric(column.column().type())).toList();
    String aggregate =
        random.nextInt(3) == 0
            ? "COUNT(*)"
            : List.of("MIN", "MAX", "SUM").get(random.nextInt(3))
                + "("
                + numeric.get(random.nextInt(numeric.size())).sql()
                + ")";
    SqlFragment subquery =
        SqlFragment.of("SELECT " + aggregate + " FROM " + named(inner))
            .append(innerWhere(inner, List.of(correlation(link))))
            .parenthesized();
    List<JoinedTable.Column> outerNumeric =
        tree.columns().stream().filter(column -> isNumeric(column.column().type())).toList();
    String outer = outerNumeric.get(random.nextInt(outerNumeric.size())).sql();
    String op = COMPARISONS.get(random.nextInt(COMPARISONS.size()));
    return random.nextBoolean()
        ? subquery.append(" " + op + " " + outer)
        : SqlFragment.of(outer + " " + op + " ").append(subquery);
  }

  /** {@code o.k [NOT] IN (SELECT [DISTINCT] i.k FROM t i [WHERE ...])}. */
  private SqlFragment membership(JoinTree tree, boolean negated) {
    Link link = pick(links(tree.columns()));
    FixtureTable inner = link.inner().table();
    String distinct = random.nextInt(5) == 0 ? "DISTINCT " : "";
    SqlFragment subquery =
        SqlFragment.of(
                "SELECT " + distinct + innerColumn(link.inner()).sql() + " FROM " + named(inner))
            .append(innerWhere(inner, List.of()));
    return SqlFragment.of(link.outer().sql() + (negated ? " NOT IN " : " IN "))
        .append(subquery.parenthesized());
  }

  /** {@code [NOT] EXISTS (SELECT 1 FROM t i WHERE i.k = o.k [AND i.m = o.m] [AND (...)])}. */
  private SqlFragment exists(JoinTree tree, boolean negated) {
    List<Link> links = links(tree.columns());
    Link first = pick(links);
    FixtureTable inner = first.inner().table();
    List<SqlFragment> correlations = new ArrayList<>();
    correlations.add(correlation(first));
    List<Link> more =
        links.stream().filter(link -> link.inner().table() == inner && !link.equals(first)).toList();
    if (!more.isEmpty() && random.nextInt(10) < 3) {
      correlations.add(correlation(pick(more)));
    }
    SqlFragment subquery =
        SqlFragment.of("SELECT 1 FROM " + named(inner)).append(innerWhere(inner, correlations));
    return SqlFragment.of(negated ? "NOT EXISTS " : "EXISTS ").append(subquery.parenthesized());
  }

  /** {@code o.n <op> (SELECT AGG(i.n) FROM t i [WHERE ...])}, the subquery on either side. */
  private SqlFragment aggregateComparison(JoinTree tree) {
    List<JoinedTable.Column> numeric =
        tree.columns().stream().filter(column -> isNumeric(column.column().type())).toList();
    JoinedTable.Column outer = numeric.get(random.nextInt(numeric.size()));
    String outerCluster = topology.clusterOf(outer.table()).cluster();
    List<FixtureTable> tables =
        List.of(FixtureTable.values()).stream()
            .filter(table -> !topology.clusterOf(table).cluster().equals(outerCluster))
            .toList();
    FixtureTable inner = tables.get(random.nextInt(tables.size()));
    String aggregate;
    if (random.nextInt(6) == 0) {
      aggregate = "COUNT(*)";
    } else {
      List<AliasedColumn> columns =
          innerColumns(inner).stream().filter(column -> isNumeric(column.column().type())).toList();
      AliasedColumn column = columns.get(random.nextInt(columns.size()));
      aggregate = AGGREGATES.get(random.nextInt(AGGREGATES.size())) + "(" + column.sql() + ")";
    }
    SqlFragment subquery =
        SqlFragment.of("SELECT " + aggregate + " FROM " + named(inner))
            .append(innerWhere(inner, List.of()))
            .parenthesized();
    String op = COMPARISONS.get(random.nextInt(COMPARISONS.size()));
    return random.nextInt(4) == 0
        ? subquery.append(" " + op + " " + outer.sql())
        : SqlFragment.of(outer.sql() + " " + op + " ").append(subquery);
  }

  /**
   * Every pairing of a key column of the outer tree with a column of its domain in another table;
   * the inner table is mostly of another cluster than the outer column's.
   */
  private List<Link> links(List<JoinedTable.Column> columns) {
    boolean anyCluster = random.nextInt(5) == 0;
    List<Link> links = new ArrayList<>();
    for (JoinedTable.Column outer : columns) {
      Optional<FixtureTable> domain = KeyDomains.domainOf(outer.table(), outer.column());
      if (domain.isEmpty()) {
        continue;
      }
      String outerCluster = topology.clusterOf(outer.table()).cluster();
      for (KeyDomains.KeyColumn inner : KeyDomains.members(domain.get())) {
        boolean otherCluster = !topology.clusterOf(inner.table()).cluster().equals(outerCluster);
        if (otherCluster || anyCluster) {
          links.add(new Link(outer, inner));
        }
      }
    }
    return links;
  }

  private Link pick(List<Link> links) {
    return links.get(random.nextInt(links.size()));
  }

  /** {@code i.k = o.k} or {@code o.k = i.k}. */
  private SqlFragment correlation(Link link) {
    String inner = innerColumn(link.inner()).sql();
    String outer = link.outer().sql();
    return SqlFragment.of(random.nextBoolean() ? inner + " = " + outer : outer + " = " + inner);
  }

  /** {@code WHERE} with {@code correlations} and maybe a filter on the inner table. */
  private SqlFragment innerWhere(FixtureTable inner, List<SqlFragment> correlations) {
    List<SqlFragment> conditions = new ArrayList<>(correlations);
    predicates
        .where(innerColumns(inner))
        .ifPresent(
            filter -> conditions.add(conditions.isEmpty() ? filter : filter.parenthesized()));
    return conditions.isEmpty()
        ? SqlFragment.of("")
        : SqlFragment.of(" WHERE ").append(SqlFragment.join(" AND ", conditions));
  }

  private static String alias(FixtureTable table) {
    return ForeignKeys.alias(table) + "2";
  }

  private static String named(FixtureTable table) {
    return table.tableName() + " " + alias(table);
  }

  private static AliasedColumn innerColumn(KeyDomains.KeyColumn key) {
    return new AliasedColumn(alias(key.table()), key.table(), key.column());
  }

  private static List<AliasedColumn> innerColumns(FixtureTable table) {
    return table.columns().stream()
        .map(column -> new AliasedColumn(alias(table), table, column))
        .toList();
  }

  private static boolean isNumeric(ColumnType type) {
    return type == ColumnType.KEY || type == ColumnType.INT;
  }
}
