package io.xcluster.driver.exec;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Join keys read from one cluster, made bindable into another: as the elements of a PostgreSQL array of the
 * key column's type, or as single parameters (a UUID as its canonical text, which MySQL's CHAR(36) columns
 * hold and which every driver binds the same way).
 */
final class KeyValues {
  private KeyValues() {}

  /** Keys of one column as array elements of {@code type} (a PostgreSQL type name). */
  static Object[] forArray(List<Object[]> keys, String type) {
    Object[] elements = new Object[keys.size()];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = element(Keys.jdbcToJava(keys.get(i)[0]), type);
    }
    return elements;
  }

  /**
   * Keys of one int8 or int4 column as a {@code long[]} or {@code int[]}, which pgjdbc binds as a binary array
   * (no key turned into text, nor parsed back by the server); null for other types, for a key that is not a
   * number, and for a statement that is not pgjdbc's own, which then bind {@link #forArray} portably.
   */
  static Object primitiveArray(List<Object[]> keys, String type, PreparedStatement statement) {
    if (!(type.equals("int8") || type.equals("int4")) || !isPgjdbc(statement)) {
      return null;
    }
    long[] longs = type.equals("int8") ? new long[keys.size()] : null;
    int[] ints = longs == null ? new int[keys.size()] : null;
    for (int i = 0; i < keys.size(); i++) {
      Object element = element(Keys.jdbcToJava(keys.get(i)[0]), type);
      if (longs != null && element instanceof Long number) {
        longs[i] = number;
      } else if (ints != null && element instanceof Integer number) {
        ints[i] = number;
      } else {
        return null;
      }
    }
    return longs != null ? longs : ints;
  }

  /**
   * Told by the class's name, so that xcluster needs no PostgreSQL driver to compile or run; a driver that
   * refuses to unwrap keeps the portable array.
   */
  private static boolean isPgjdbc(PreparedStatement statement) {
    try {
      return statement.isWrapperFor(PreparedStatement.class)
          && statement.unwrap(PreparedStatement.class).getClass().getName().startsWith("org.postgresql.");
    } catch (SQLException refused) {
      return false;
    }
  }

  private static Object element(Object value, String type) {
    return switch (type) {
      case "int2", "int4" -> value instanceof Number number && !(value instanceof Integer)
          ? (Object) number.intValue() : value;
      case "int8" -> value instanceof Number number && !(value instanceof Long) ? (Object) number.longValue() : value;
      case "numeric" -> value instanceof Number number && !(value instanceof BigDecimal)
          ? new BigDecimal(number.toString()) : value;
      case "text", "varchar" -> value.toString();
      case "uuid" -> value instanceof String text ? UUID.fromString(text) : value;
      default -> value;
    };
  }

  /**
   * Binds one key part at {@code position}: a Long with {@code setLong}, which is what {@code setObject} does
   * for it after testing the value against every class it knows (Connector/J tests a dozen), anything else as
   * {@link #forBinding} makes it.
   */
  static void bind(java.sql.PreparedStatement statement, int position, Object part, java.sql.Connection target)
      throws java.sql.SQLException {
    if (part instanceof Long number) {
      statement.setLong(position, number);
    } else {
      statement.setObject(position, forBinding(part, target));
    }
  }

  /**
   * One key part bound as a parameter. pgjdbc binds a UUID as PostgreSQL's uuid; other drivers (MySQL's
   * serializes unknown objects) get its text.
   */
  static Object forBinding(Object part, java.sql.Connection target) throws java.sql.SQLException {
    if (part instanceof UUID uuid && !"PostgreSQL".equals(target.getMetaData().getDatabaseProductName())) {
      return uuid.toString();
    }
    return part;
  }
}
