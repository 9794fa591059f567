package io.xcluster.driver.exec;

import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.error.SqlState;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The column types of a set operation whose branches ran on different clusters, resolved as PostgreSQL's
 * UNION does: numbers widen along int2 &lt; int4 &lt; int8 &lt; numeric &lt; float4 &lt; float8; among string
 * types {@code text} wins, else the first branch's (a {@code char(n)} value becoming varchar or text loses its
 * trailing blanks); anything else must be the same type in every branch. Each branch's values are then widened to the resolved type, so that
 * duplicates compare equal ({@code 5} from an int4 branch is the int8 {@code 5} of another) and {@code
 * getObject} returns one class per column.
 */
final class SetOperationColumns {
  private static final List<Integer> NUMBER_RANKS =
      List.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.REAL,
          Types.DOUBLE);

  /**
   * Wall-clock values as the resolved column's class: Connector/J reads DATETIME as java.time, pgjdbc reads
   * timestamp as java.sql; the same instant of the wall clock either way.
   */
  private static final Map<String, UnaryOperator<Object>> TEMPORAL = Map.of(
      Timestamp.class.getName(), value -> value instanceof LocalDateTime time ? Timestamp.valueOf(time) : value,
      LocalDateTime.class.getName(), value -> value instanceof Timestamp time ? time.toLocalDateTime() : value,
      java.sql.Date.class.getName(), value -> value instanceof LocalDate date ? java.sql.Date.valueOf(date) : value,
      LocalDate.class.getName(), value -> value instanceof java.sql.Date date ? date.toLocalDate() : value,
      java.sql.Time.class.getName(), value -> value instanceof LocalTime time ? java.sql.Time.valueOf(time) : value,
      LocalTime.class.getName(), value -> value instanceof java.sql.Time time ? time.toLocalTime() : value);

  private SetOperationColumns() {}

  /**
   * The resolved columns, labelled as the first branch labels them.
   *
   * @throws SQLException 42804 where PostgreSQL could not match the types either, e.g. text and integer
   */
  static List<ColumnMeta> resolve(List<List<ColumnMeta>> branches) throws SQLException {
    List<ColumnMeta> first = branches.get(0);
    List<ColumnMeta> resolved = new ArrayList<>(first.size());
    for (int column = 0; column < first.size(); column++) {
      ColumnMeta winner = first.get(column);
      for (List<ColumnMeta> branch : branches.subList(1, branches.size())) {
        winner = wider(winner, branch.get(column), column);
      }
      resolved.add(winner == first.get(column) ? winner : relabel(winner, first.get(column)));
    }
    return resolved;
  }

  /** Converts one branch's rows in place to the resolved types; nothing to do when they already match. */
  static void widen(List<Object[]> rows, List<ColumnMeta> described, List<ColumnMeta> resolved) {
    for (int column = 0; column < resolved.size(); column++) {
      UnaryOperator<Object> conversion = conversion(described.get(column), resolved.get(column));
      if (conversion == null) {
        continue;
      }
      for (Object[] row : rows) {
        if (row[column] != null) {
          row[column] = conversion.apply(row[column]);
        }
      }
    }
  }

  private static ColumnMeta wider(ColumnMeta a, ColumnMeta b, int column) throws SQLException {
    int rankA = numberRank(a);
    int rankB = numberRank(b);
    if (rankA >= 0 && rankB >= 0) {
      return rankB > rankA ? b : a;
    }
    if (isText(a) && isText(b)) {
      return isTextType(b) && !isTextType(a) ? b : a;
    }
    if (a.jdbcType() == b.jdbcType()) {
      return a;
    }
    throw SqlExceptions.of(SqlState.DATATYPE_MISMATCH, "the branches of the set operation give column "
        + (column + 1) + " different types, " + a.typeName() + " and " + b.typeName()
        + ", which cannot be brought to one. Fix: CAST the column to one type in every branch");
  }

  private static UnaryOperator<Object> conversion(ColumnMeta from, ColumnMeta to) {
    if (from.jdbcType() == Types.CHAR && to.jdbcType() != Types.CHAR && isText(to)) {
      return value -> ((String) value).stripTrailing();
    }
    if (!from.className().equals(to.className()) && TEMPORAL.containsKey(to.className())) {
      return TEMPORAL.get(to.className());
    }
    if (numberRank(from) < 0 || numberRank(to) <= numberRank(from)) {
      return null;
    }
    return switch (numberRank(to)) {
      case 3 -> value -> ((Number) value).longValue();
      case 4 -> value -> value instanceof BigDecimal ? value : new BigDecimal(value.toString());
      case 5 -> value -> ((Number) value).floatValue();
      case 6 -> value -> ((Number) value).doubleValue();
      default -> null;
    };
  }

  /** Position in PostgreSQL's implicit-cast chain of numbers, or -1 for a non-number. */
  private static int numberRank(ColumnMeta column) {
    int type = column.jdbcType() == Types.DECIMAL ? Types.NUMERIC
        : column.jdbcType() == Types.FLOAT ? Types.DOUBLE : column.jdbcType();
    return NUMBER_RANKS.indexOf(type);
  }

  private static boolean isText(ColumnMeta column) {
    return switch (column.jdbcType()) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> true;
      default -> false;
    };
  }

  /** PostgreSQL's preferred string type, which wins over varchar and char(n). */
  private static boolean isTextType(ColumnMeta column) {
    return column.typeName().equalsIgnoreCase("text");
  }

  /** The winning branch's type under the first branch's names, as the database reports a set operation. */
  private static ColumnMeta relabel(ColumnMeta type, ColumnMeta names) {
    return new ColumnMeta(names.label(), names.name(), names.tableName(), names.schemaName(),
        names.catalogName(), type.jdbcType(), type.typeName(), type.className(), type.precision(),
        type.scale(), names.nullable(), type.displaySize(), type.signed(), type.autoIncrement(),
        type.caseSensitive(), type.currency());
  }
}
