package io.xcluster.driver.jdbc;

import io.xcluster.config.TableName;
import io.xcluster.config.XClusterConfig;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.driver.result.RowSource;
import io.xcluster.driver.result.XClusterResultSet;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.StatementKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Table metadata merged across clusters, so that tools and frameworks' schema validation see one database:
 * each cluster answers the same question, and of its rows only those of tables it owns (by the YAML's
 * mapping; unmapped tables by the default cluster) are kept, sorted as JDBC specifies. A MySQL cluster
 * asked with no catalog answers for its own database only (Connector/J would list every database of the
 * server). Questions about one table go to the cluster that owns it.
 */
final class MergedMetaData {
  /** One metadata question, asked of a cluster with the catalog to use there. */
  @FunctionalInterface
  interface Question {
    ResultSet ask(DatabaseMetaData metaData, String catalog) throws SQLException;
  }

  private final XClusterConnection connection;
  private final XClusterConfig config;

  MergedMetaData(XClusterConnection connection) {
    this.connection = connection;
    this.config = connection.runtime().config();
  }

  /** The cluster that owns a table; the primary cluster when none does. */
  String clusterOf(String schema, String table, String primary) {
    return table == null ? primary : owner(schema, table).orElse(primary);
  }

  /**
   * Every cluster's rows for its own tables, sorted by {@code sortColumns} (1-based, NULLs first as JDBC
   * tools expect), with the first cluster's column labels and types.
   *
   * @param catalogColumn, schemaColumn, tableColumn where each row names its table
   */
  ResultSet merged(String catalog, Question question, int catalogColumn, int schemaColumn, int tableColumn,
      int... sortColumns) throws SQLException {
    List<ColumnMeta> columns = null;
    List<Object[]> rows = new ArrayList<>();
    for (String cluster : config.clusters().keySet()) {
      Connection physical = connection.acquire(cluster, StatementKind.SESSION);
      try {
        boolean mysql = Dialect.ofUrl(config.cluster(cluster).url()) == Dialect.MYSQL;
        String asked = catalog == null && mysql ? physical.getCatalog() : catalog;
        try (ResultSet answer = question.ask(physical.getMetaData(), asked)) {
          ResultSetMetaData meta = answer.getMetaData();
          if (columns == null) {
            columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              columns.add(ColumnMeta.from(meta, i));
            }
          }
          int width = Math.min(columns.size(), meta.getColumnCount());
          while (answer.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < width; i++) {
              row[i] = answer.getObject(i + 1);
            }
            String schema = row[schemaColumn - 1] != null ? String.valueOf(row[schemaColumn - 1])
                : row[catalogColumn - 1] == null ? null : String.valueOf(row[catalogColumn - 1]);
            if (owner(schema, String.valueOf(row[tableColumn - 1])).filter(cluster::equals).isPresent()) {
              rows.add(row);
            }
          }
        }
      } finally {
        connection.release(physical);
      }
    }
    rows.sort(order(sortColumns));
    return new XClusterResultSet(columns == null ? List.of() : columns, RowSource.of(rows), null,
        ResultSet.TYPE_FORWARD_ONLY, () -> { });
  }

  private Optional<String> owner(String schema, String table) {
    try {
      return config.tables().lookup(new TableName(schema, table, true));
    } catch (XClusterException ambiguous) {
      return Optional.empty();
    }
  }

  private static Comparator<Object[]> order(int... columns) {
    Comparator<Object[]> order = (left, right) -> 0;
    for (int column : columns) {
      order = order.thenComparing(row -> row[column - 1], Comparator.nullsFirst(MergedMetaData::compare));
    }
    return order;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object left, Object right) {
    if (left instanceof Number a && right instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (left instanceof Comparable comparable && left.getClass() == right.getClass()) {
      return comparable.compareTo(right);
    }
    return String.valueOf(left).compareTo(String.valueOf(right));
  }
}
