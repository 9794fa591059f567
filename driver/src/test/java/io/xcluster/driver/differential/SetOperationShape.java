package io.xcluster.driver.differential;

import io.xcluster.testing.ColumnType;
import io.xcluster.testing.FixtureData;
import io.xcluster.testing.FixtureTable;
import io.xcluster.testing.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * {@code <branch> <op> <branch> [<op> <branch>] [ORDER BY ... [LIMIT ...]]} with branches in at
 * least two clusters: each branch a table or a {@link JoinTree} with an optional filter, selecting
 * the same number of columns of compatible types. The first column is mostly a key of one
 * {@linkplain KeyDomains domain} in every branch (user ids of users, subscriptions, posts,
 * comments), so INTERSECT and EXCEPT keep some rows; further columns are of one type family
 * (integers, text, timestamps). The operators are UNION [ALL] and EXCEPT [ALL], or INTERSECT
 * [ALL] alone, never mixed with the others (their precedence differs). The first branch names the
 * outputs, sometimes by aliases {@code o1}...; an ORDER BY names every output by position or name,
 * which is total. A quarter of the queries bind their literals as parameters.
 */
final class SetOperationShape implements QueryShape {
  /** What one output position holds in every branch: keys of a domain, or a type family. */
  private record Domain(Optional<FixtureTable> keys, ColumnType family) {
    boolean accepts(ColumnReference column) {
      if (keys.isPresent()) {
        return KeyDomains.domainOf(column.table(), column.column()).equals(keys);
      }
      return familyOf(column.column().type()) == family;
    }
  }

  /** One SELECT of the set operation and the columns it outputs. */
  private record Branch(
      boolean distinct, SqlFragment from, List<ColumnReference> outputs, Set<String> clusters) {}

  private static final List<ColumnType> FAMILIES =
      List.of(ColumnType.INT, ColumnType.TEXT, ColumnType.TIMESTAMP);
  private static final List<FixtureTable> DOMAINS =
      List.of(FixtureTable.USERS, FixtureTable.HUMANS, FixtureTable.POSTS, FixtureTable.SUBSCRIPTIONS);

  private final Topology topology;
  private final FixtureData data;

  SetOperationShape(Topology topology, FixtureData data) {
    this.topology = topology;
    this.data = data;
  }

  @Override
  public String name() {
    return "set operation";
  }

  @Override
  public GeneratedQuery generate(Random random) {
    boolean parameters = random.nextInt(4) == 0;
    PredicateGenerator predicates =
        new PredicateGenerator(random, new LiteralPicker(data, random, parameters));
    List<Domain> domains = domains(random);
    List<Branch> branches = branches(random, predicates, domains);
    List<String> names = columnNames(branches.get(0));
    boolean aliased = random.nextBoolean() || new HashSet<>(names).size() < names.size();
    if (aliased) {
      names = aliases(names.size());
    }
    boolean intersect = random.nextInt(100) < 35;
    SqlFragment sql = select(branches.get(0), aliased ? names : List.of());
    for (Branch branch : branches.subList(1, branches.size())) {
      sql = sql.append(" " + operator(random, intersect) + " ").append(select(branch, List.of()));
    }
    boolean ordered = random.nextBoolean();
    if (ordered) {
      sql = sql.append(orderBy(random, branches, names));
    }
    return new GeneratedQuery(
        name(),
        sql.sql(),
        sql.params(),
        ordered ? RowOrder.ORDERED : RowOrder.UNORDERED,
        parameters || random.nextInt(10) == 0);
  }

  /**
   * One to three output positions, the first mostly a key domain, redrawn until one table has a
   * column for each (humans' keys and timestamps never meet), so that branches can be found.
   */
  private static List<Domain> domains(Random random) {
    while (true) {
      List<Domain> domains = drawDomains(random);
      boolean satisfiable =
          List.of(FixtureTable.values()).stream()
              .anyMatch(
                  table ->
                      domains.stream()
                          .allMatch(
                              domain ->
                                  single(table).columns().stream().anyMatch(domain::accepts)));
      if (satisfiable) {
        return domains;
      }
    }
  }

  private static List<Domain> drawDomains(Random random) {
    int roll = random.nextInt(100);
    int count = roll < 60 ? 1 : roll < 95 ? 2 : 3;
    List<Domain> domains = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      if (index == 0 && random.nextInt(10) < 7) {
        FixtureTable keys = DOMAINS.get(random.nextInt(DOMAINS.size()));
        domains.add(new Domain(Optional.of(keys), ColumnType.INT));
      } else {
        domains.add(new Domain(Optional.empty(), FAMILIES.get(random.nextInt(FAMILIES.size()))));
      }
    }
    return domains;
  }

  /** Two or three branches that together read at least two clusters. */
  private List<Branch> branches(Random random, PredicateGenerator predicates, List<Domain> domains) {
    int count = random.nextInt(3) == 0 ? 3 : 2;
    while (true) {
      List<Branch> branches = new ArrayList<>();
      Set<String> clusters = new HashSet<>();
      for (int index = 0; index < count; index++) {
        Branch branch = branch(random, predicates, domains);
        branches.add(branch);
        clusters.addAll(branch.clusters());
      }
      if (clusters.size() >= 2) {
        return branches;
      }
    }
  }

  /** A join tree now and then, else one table, with a column for every domain. */
  private Branch branch(Random random, PredicateGenerator predicates, List<Domain> domains) {
    while (true) {
      JoinTree tree =
          random.nextInt(4) == 0
              ? JoinTree.generate(random, topology, predicates)
              : single(FixtureTable.values()[random.nextInt(FixtureTable.values().length)]);
      Optional<List<ColumnReference>> outputs = outputs(random, tree, domains);
      if (outputs.isEmpty()) {
        continue;
      }
      boolean distinct = random.nextInt(10) == 0;
      SqlFragment from =
          SqlFragment.of(" FROM ").append(tree.from()).append(tree.where(predicates.where(tree)));
      Set<String> clusters = new HashSet<>();
      tree.tables().forEach(table -> clusters.add(topology.clusterOf(table.table()).cluster()));
      return new Branch(distinct, from, outputs.get(), clusters);
    }
  }

  private static JoinTree single(FixtureTable table) {
    return new JoinTree(
        List.of(new JoinedTable(table, JoinedTable.Kind.FROM, SqlFragment.of(""), false)));
  }

  private static Optional<List<ColumnReference>> outputs(
      Random random, JoinTree tree, List<Domain> domains) {
    List<ColumnReference> outputs = new ArrayList<>();
    for (Domain domain : domains) {
      List<JoinedTable.Column> candidates =
          tree.columns().stream().filter(domain::accepts).toList();
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      outputs.add(candidates.get(random.nextInt(candidates.size())));
    }
    return Optional.of(outputs);
  }

  private static List<String> columnNames(Branch first) {
    return first.outputs().stream().map(column -> column.column().name()).toList();
  }

  /** {@code o1}, {@code o2}...: the first branch's aliases, when it names its outputs so. */
  private static List<String> aliases(int count) {
    List<String> aliases = new ArrayList<>();
    for (int position = 1; position <= count; position++) {
      aliases.add("o" + position);
    }
    return aliases;
  }

  /** {@code SELECT [DISTINCT] a [AS o1], b [AS o2] FROM ...}; no aliases when {@code aliases} is empty. */
  private static SqlFragment select(Branch branch, List<String> aliases) {
    List<String> items = new ArrayList<>();
    for (int index = 0; index < branch.outputs().size(); index++) {
      String sql = branch.outputs().get(index).sql();
      items.add(aliases.isEmpty() ? sql : sql + " AS " + aliases.get(index));
    }
    String head = branch.distinct() ? "SELECT DISTINCT " : "SELECT ";
    return SqlFragment.of(head + String.join(", ", items)).append(branch.from());
  }

  private static String operator(Random random, boolean intersect) {
    String all = random.nextBoolean() ? " ALL" : "";
    if (intersect) {
      return "INTERSECT" + all;
    }
    return (random.nextInt(3) < 2 ? "UNION" : "EXCEPT") + all;
  }

  /** Every output, by position or name, in random order, NULLS placed when any branch may be null. */
  private static String orderBy(Random random, List<Branch> branches, List<String> names) {
    List<Integer> positions = new ArrayList<>();
    for (int position = 1; position <= names.size(); position++) {
      positions.add(position);
    }
    Collections.shuffle(positions, random);
    List<String> keys = new ArrayList<>();
    for (int position : positions) {
      boolean maybeNull =
          branches.stream().anyMatch(branch -> branch.outputs().get(position - 1).maybeNull());
      String key = random.nextBoolean() ? String.valueOf(position) : names.get(position - 1);
      keys.add(OrderByClause.key(random, key, maybeNull));
    }
    return " ORDER BY " + String.join(", ", keys) + OrderByClause.limit(random).orElse("");
  }

  private static ColumnType familyOf(ColumnType type) {
    return type == ColumnType.KEY ? ColumnType.INT : type;
  }
}
