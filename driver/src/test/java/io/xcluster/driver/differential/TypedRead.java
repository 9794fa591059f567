package io.xcluster.driver.differential;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A value read with the typed getter an application uses for its column's class ({@code getLong}
 * for {@code java.lang.Long}, {@code getInt} for {@code Integer}, {@code getString} for {@code
 * String}, {@code getTimestamp} for {@code Timestamp}...) before {@code getObject} reads it: xcluster
 * may answer some of those getters straight from a cluster's result, converts for the others, and
 * either way they must agree with {@code getObject} and {@code wasNull}.
 */
final class TypedRead {
  /** What {@code getObject} must then equal; {@link #NOT_READ} for other classes. */
  static final Object NOT_READ = new Object();

  private TypedRead() {}

  static Object first(ResultSet results, int column, String className) throws SQLException {
    Object value;
    switch (className) {
      case "java.lang.Long" -> value = results.getLong(column);
      case "java.lang.Integer" -> value = results.getInt(column);
      case "java.lang.String" -> value = results.getString(column);
      case "java.lang.Double" -> value = results.getDouble(column);
      case "java.lang.Boolean" -> value = results.getBoolean(column);
      case "java.math.BigDecimal" -> value = results.getBigDecimal(column);
      case "java.sql.Timestamp" -> value = results.getTimestamp(column);
      case "java.sql.Date" -> value = results.getDate(column);
      default -> {
        return NOT_READ;
      }
    }
    return results.wasNull() ? null : value;
  }

  /** A disagreement is thrown unchecked, so that the differential reports it with its side and query. */
  static void check(Object typed, Object raw, String label) {
    if (typed != NOT_READ && !Objects.equals(typed, raw)) {
      throw new IllegalStateException("column " + label + ": the typed getter read " + describe(typed)
          + " but getObject read " + describe(raw));
    }
  }

  /** {@code getObject} must return the class {@code getColumnClassName} announces (or a subclass). */
  static void checkClass(Object raw, String className, String label) {
    if (raw == null || className.equals(Object.class.getName())) {
      return;
    }
    Class<?> announced;
    try {
      announced = Class.forName(className);
    } catch (ClassNotFoundException unknown) {
      return;
    }
    if (!announced.isInstance(raw)) {
      throw new IllegalStateException("column " + label + ": getColumnClassName says " + className
          + " but getObject returned " + describe(raw));
    }
  }

  private static String describe(Object value) {
    return value == null ? "NULL" : value + " (" + value.getClass().getName() + ")";
  }
}
