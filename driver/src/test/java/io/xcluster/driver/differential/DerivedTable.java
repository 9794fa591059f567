package io.xcluster.driver.differential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A random derived table {@code (SELECT [DISTINCT] ... FROM <join tree> [WHERE ...] [ORDER BY ...
 * [LIMIT ...]]) x} whose join spans clusters. Its items are columns of the tree, now and then
 * integer arithmetic ({@code e1}...), mostly aliased {@code <table alias>_<column>} and sometimes
 * read by their own column name when that name is unique. An inner ORDER BY is total ({@link
 * OrderByClause}), so an inner LIMIT keeps the same rows on both sides.
 *
 * @param sql the parenthesized subquery and its alias
 * @param columns the outputs, in select-list order
 */
record DerivedTable(SqlFragment sql, List<DerivedColumn> columns) {
  DerivedTable {
    columns = List.copyOf(columns);
  }

  /**
   * A derived table over {@code tree} that outputs at least the {@code required} columns as is;
   * its ORDER BY is {@linkplain OrderByClause#generatePortable portable} when {@code
   * sentWholeToMysql}.
   */
  static DerivedTable generate(
      Random random,
      JoinTree tree,
      PredicateGenerator predicates,
      List<JoinedTable.Column> required,
      boolean sentWholeToMysql) {
    List<JoinedTable.Column> chosen = new ArrayList<>(required);
    for (JoinedTable.Column column : tree.columns()) {
      if (!chosen.contains(column) && random.nextInt(100) < 30) {
        chosen.add(column);
      }
    }
    if (chosen.isEmpty()) {
      chosen.add(tree.columns().get(random.nextInt(tree.columns().size())));
    }
    Collections.shuffle(chosen, random);
    List<DerivedColumn> columns = new ArrayList<>();
    for (JoinedTable.Column column : chosen) {
      columns.add(item(random, column, chosen, required.contains(column), columns.size() + 1));
    }
    boolean ordered = random.nextInt(100) < 15;
    boolean distinct = !ordered && random.nextInt(100) < 10;
    SqlFragment select =
        SqlFragment.of(
                "(SELECT "
                    + (distinct ? "DISTINCT " : "")
                    + columns.stream().map(DerivedColumn::render).collect(Collectors.joining(", "))
                    + " FROM ")
            .append(tree.from())
            .append(tree.where(predicates.where(tree)));
    if (ordered) {
      select =
          select.append(
              sentWholeToMysql
                  ? OrderByClause.generatePortable(random, tree)
                  : OrderByClause.generate(random, tree, selectList(columns), false));
    }
    return new DerivedTable(select.append(") " + DerivedColumn.QUALIFIER), columns);
  }

  private static DerivedColumn item(
      Random random,
      JoinedTable.Column column,
      List<JoinedTable.Column> chosen,
      boolean required,
      int position) {
    if (!required && Aggregate.isNumeric(column) && random.nextInt(100) < 20) {
      String op = List.of(" + ", " - ", " * ").get(random.nextInt(3));
      String inner = column.sql() + op + (2 + random.nextInt(5));
      return new DerivedColumn(inner, Optional.of("e" + position), column, false);
    }
    String name = column.column().name();
    long sameName = chosen.stream().filter(other -> other.column().name().equals(name)).count();
    Optional<String> alias =
        sameName == 1 && random.nextInt(100) < 30
            ? Optional.empty()
            : Optional.of(column.qualifier() + "_" + name);
    return new DerivedColumn(column.sql(), alias, column, false);
  }

  /** The inner items as a {@link SelectList}, for an inner ORDER BY that may name them. */
  private static SelectList selectList(List<DerivedColumn> columns) {
    return new SelectList(
        columns.stream()
            .map(
                column ->
                    new SelectList.Item(
                        column.render(), column.alias(), List.of(column.source().maybeNull())))
            .toList());
  }

  /** The parenthesized subquery without its alias: the body of {@code WITH x AS (...)}. */
  SqlFragment body() {
    String text = sql.sql();
    String suffix = " " + DerivedColumn.QUALIFIER;
    return new SqlFragment(text.substring(0, text.length() - suffix.length()), sql.params());
  }

  /** The same outputs read from a common table expression {@code x} instead of the subquery. */
  DerivedTable asCteReference() {
    return new DerivedTable(SqlFragment.of(DerivedColumn.QUALIFIER), columns);
  }

  /** The output that shows {@code column} unchanged. */
  DerivedColumn outputOf(JoinedTable.Column column) {
    return columns.stream()
        .filter(output -> output.source().equals(column) && output.inner().equals(column.sql()))
        .findFirst()
        .orElseThrow();
  }
}
