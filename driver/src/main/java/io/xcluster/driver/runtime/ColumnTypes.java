package io.xcluster.driver.runtime;

import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.eval.ValueKind;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's description of a column, as the planner needs it: its kind for the in-memory evaluator, and
 * its type in PostgreSQL's spelling (MySQL's INT is int4, BIGINT int8, DATETIME timestamp...), so that an
 * expression computed in memory can be typed as PostgreSQL would type it.
 */
public final class ColumnTypes {
  private static final Map<String, String> MYSQL_NAMES = Map.ofEntries(
      Map.entry("TINYINT", "int2"), Map.entry("SMALLINT", "int2"), Map.entry("MEDIUMINT", "int4"),
      Map.entry("INT", "int4"), Map.entry("INTEGER", "int4"), Map.entry("BIGINT", "int8"),
      Map.entry("INT UNSIGNED", "int8"), Map.entry("BIGINT UNSIGNED", "numeric"),
      Map.entry("DECIMAL", "numeric"), Map.entry("FLOAT", "float4"), Map.entry("DOUBLE", "float8"),
      Map.entry("VARCHAR", "varchar"), Map.entry("CHAR", "bpchar"), Map.entry("TEXT", "text"),
      Map.entry("DATETIME", "timestamp"), Map.entry("TIMESTAMP", "timestamp"), Map.entry("DATE", "date"),
      Map.entry("TIME", "time"), Map.entry("BIT", "bool"), Map.entry("BOOLEAN", "bool"));

  private ColumnTypes() {}

  public static CatalogColumn describe(ResultSetMetaData meta, int column) throws SQLException {
    String name = meta.getColumnLabel(column);
    String typeName = postgresName(meta.getColumnTypeName(column));
    return new CatalogColumn(name, typeName, kind(meta.getColumnType(column), typeName));
  }

  private static String postgresName(String typeName) {
    String upper = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    String mapped = MYSQL_NAMES.get(upper);
    return mapped != null ? mapped : upper.toLowerCase(Locale.ROOT);
  }

  private static Optional<ValueKind> kind(int jdbcType, String typeName) {
    ValueKind kind = switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ValueKind.INTEGER;
      case Types.NUMERIC, Types.DECIMAL -> ValueKind.NUMERIC;
      case Types.REAL -> ValueKind.REAL;
      case Types.FLOAT, Types.DOUBLE -> ValueKind.DOUBLE;
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB -> ValueKind.TEXT;
      case Types.BOOLEAN -> ValueKind.BOOLEAN;
      case Types.BIT -> typeName.equals("bool") ? ValueKind.BOOLEAN : null;
      case Types.DATE -> ValueKind.DATE;
      case Types.TIME -> ValueKind.TIME;
      case Types.TIMESTAMP -> typeName.equals("timestamptz") ? ValueKind.TIMESTAMPTZ : ValueKind.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> ValueKind.TIMESTAMPTZ;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueKind.BYTEA;
      default -> typeName.equals("uuid") ? ValueKind.UUID : null;
    };
    return Optional.ofNullable(kind);
  }
}
