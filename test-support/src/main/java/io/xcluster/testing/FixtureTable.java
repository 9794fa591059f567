package io.xcluster.testing;

import static io.xcluster.testing.ColumnType.INT;
import static io.xcluster.testing.ColumnType.KEY;
import static io.xcluster.testing.ColumnType.TEXT;
import static io.xcluster.testing.ColumnType.TIMESTAMP;
import static io.xcluster.testing.FixtureColumn.nullable;
import static io.xcluster.testing.FixtureColumn.required;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The tables of the Rails-style example schema. Every table's first column is its primary key
 * {@code id}; there are no foreign-key constraints, because the referenced rows usually live in
 * another database and because the data deliberately holds orphans.
 */
public enum FixtureTable {
  USERS(
      required("id", KEY),
      required("name", TEXT),
      required("email", TEXT),
      required("created_at", TIMESTAMP),
      nullable("score", INT)),
  SUBSCRIPTIONS(
      required("id", KEY),
      required("user_id", KEY),
      required("plan", TEXT),
      required("created_at", TIMESTAMP)),
  POSTS(
      required("id", KEY),
      required("subscription_id", KEY),
      required("user_id", KEY),
      required("title", TEXT),
      nullable("score", INT),
      required("created_at", TIMESTAMP)),
  COMMENTS(
      required("id", KEY),
      required("post_id", KEY),
      required("user_id", KEY),
      required("body", TEXT)),
  HUMANS(required("id", KEY), required("name", TEXT)),
  DOGS(required("id", KEY), required("name", TEXT), nullable("human_id", KEY)),
  TREATS(
      required("id", KEY),
      required("human_id", KEY),
      required("name", TEXT),
      nullable("calories", INT));

  private final List<FixtureColumn> columns;

  FixtureTable(FixtureColumn... columns) {
    this.columns = List.of(columns);
  }

  /** The SQL name, e.g. {@code users}. */
  public String tableName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public List<FixtureColumn> columns() {
    return columns;
  }

  /** {@code CREATE TABLE} with the dialect's types and a primary key on {@code id}. */
  public String createTableSql(Dialect dialect) {
    String definitions =
        columns.stream()
            .map(column -> column.definition(dialect))
            .collect(Collectors.joining(", "));
    return "CREATE TABLE " + tableName() + " (" + definitions + ", PRIMARY KEY (id))";
  }

  /** {@code INSERT} of every column, in {@link #columns()} order, as positional parameters. */
  String insertSql() {
    String names = columns.stream().map(FixtureColumn::name).collect(Collectors.joining(", "));
    String marks = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO " + tableName() + " (" + names + ") VALUES (" + marks + ")";
  }

  /**
   * The table called {@code tableName}, ignoring case.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static FixtureTable byName(String tableName) {
    return Arrays.stream(values())
        .filter(table -> table.tableName().equalsIgnoreCase(tableName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No fixture table " + tableName));
  }
}
