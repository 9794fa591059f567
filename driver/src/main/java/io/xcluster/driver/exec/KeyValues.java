package io.xcluster.driver.exec;

import java.math.BigDecimal;
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
