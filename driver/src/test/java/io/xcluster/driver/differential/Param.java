package io.xcluster.driver.differential;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * One PreparedStatement parameter and the setter that binds it, applied identically to xcluster and
 * to the colocated database.
 *
 * @param description how a failure message shows it, e.g. {@code setInt(5)}
 */
record Param(String description, Binder binder) {
  /** Binds the value at a 1-based index. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement, int index) throws SQLException;
  }

  /** {@code setObject(index, value)}. */
  static Param object(Object value) {
    return new Param(
        "setObject(" + value + ")", (statement, index) -> statement.setObject(index, value));
  }

  static Param ofInt(int value) {
    return new Param("setInt(" + value + ")", (statement, index) -> statement.setInt(index, value));
  }

  static Param ofLong(long value) {
    return new Param(
        "setLong(" + value + ")", (statement, index) -> statement.setLong(index, value));
  }

  static Param ofString(String value) {
    return new Param(
        "setString('" + value + "')", (statement, index) -> statement.setString(index, value));
  }

  static Param ofBigDecimal(BigDecimal value) {
    return new Param(
        "setBigDecimal(" + value + ")",
        (statement, index) -> statement.setBigDecimal(index, value));
  }

  static Param ofTimestamp(LocalDateTime value) {
    return new Param(
        "setTimestamp(" + value + ")",
        (statement, index) -> statement.setTimestamp(index, Timestamp.valueOf(value)));
  }

  @Override
  public String toString() {
    return description;
  }
}
