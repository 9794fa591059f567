package io.xcluster.bench;

import static io.xcluster.testing.ColumnType.KEY;

import io.xcluster.testing.Dialect;
import io.xcluster.testing.FixtureColumn;
import io.xcluster.testing.FixtureTable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark's tables. Users, subscriptions and posts have the columns and types of the tests'
 * Rails-style schema ({@link FixtureTable}: BIGINT keys on PostgreSQL, INT on MySQL, so joins across
 * engines meet differently typed keys, as in the differential tests). Bookmarks exist only here: each
 * names a distinct post, which gives the key-scaling benchmark exactly N keys and N rows for any N up
 * to the table's size. Secondary indexes are created after the rows are in.
 */
enum BenchTable {
  USERS(FixtureTable.USERS.columns(), List.of()),
  SUBSCRIPTIONS(
      FixtureTable.SUBSCRIPTIONS.columns(),
      List.of("CREATE INDEX subscriptions_user_id ON subscriptions (user_id)")),
  POSTS(
      FixtureTable.POSTS.columns(),
      List.of("CREATE INDEX posts_subscription_id ON posts (subscription_id)")),
  BOOKMARKS(
      List.of(
          new FixtureColumn("id", KEY, false),
          new FixtureColumn("user_id", KEY, false),
          new FixtureColumn("post_id", KEY, false)),
      List.of());

  private final List<FixtureColumn> columns;
  private final List<String> indexes;

  BenchTable(List<FixtureColumn> columns, List<String> indexes) {
    this.columns = List.copyOf(columns);
    this.indexes = List.copyOf(indexes);
  }

  String tableName() {
    return name().toLowerCase(Locale.ROOT);
  }

  List<FixtureColumn> columns() {
    return columns;
  }

  /** The secondary indexes; the primary key on {@code id} is part of {@link #createSql}. */
  List<String> indexSql() {
    return indexes;
  }

  int rows(BenchSizes sizes) {
    return switch (this) {
      case USERS -> sizes.users();
      case SUBSCRIPTIONS -> sizes.subscriptions();
      case POSTS -> sizes.posts();
      case BOOKMARKS -> sizes.bookmarks();
    };
  }

  String createSql(Dialect dialect) {
    String definitions =
        columns.stream()
            .map(c -> c.name() + " " + c.type().sqlType(dialect) + (c.nullable() ? " NULL" : " NOT NULL"))
            .collect(Collectors.joining(", "));
    return "CREATE TABLE " + tableName() + " (" + definitions + ", PRIMARY KEY (id))";
  }

  /** {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?)...} with {@code rows} row constructors. */
  String insertSql(int rows) {
    String names = columns.stream().map(FixtureColumn::name).collect(Collectors.joining(", "));
    String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(tableName());
    sql.append(" (").append(names).append(") VALUES ");
    for (int row = 0; row < rows; row++) {
      sql.append(row == 0 ? "" : ", ").append(marks);
    }
    return sql.toString();
  }
}
