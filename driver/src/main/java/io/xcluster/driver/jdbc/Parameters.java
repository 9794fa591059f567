package io.xcluster.driver.jdbc;

import io.xcluster.error.SqlState;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The parameter values set on a PreparedStatement, kept as the setter calls that made them: replaying a
 * {@link Binder} calls the same setter, with the same type, on the physical statement. The index a binder is
 * replayed at is a parameter of the replay, so that a plan can move a parameter to another position. The
 * value itself is kept too, for what a cross-cluster plan evaluates in memory (LIMIT ?, expressions).
 */
final class Parameters {

  /** One recorded setter call. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement target, int index) throws SQLException;
  }

  private static final Binder[] NONE = new Binder[0];
  static final Object[] NO_VALUES = new Object[0];

  /** One batch entry: its setter calls, and its values (which pick a sharded statement's shard). */
  record Entry(Binder[] binders, Object[] values) {}
  private Binder[] binders = new Binder[8];
  private Object[] values = new Object[8];
  private int highest;

  void set(int index, Object value, Binder binder) throws SQLException {
    if (index < 1) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "parameter index must be >= 1, was " + index);
    }
    if (index > binders.length) {
      int size = Math.max(index, binders.length * 2);
      binders = Arrays.copyOf(binders, size);
      values = Arrays.copyOf(values, size);
    }
    binders[index - 1] = binder;
    values[index - 1] = value;
    highest = Math.max(highest, index);
  }

  void clear() {
    Arrays.fill(binders, 0, highest, null);
    Arrays.fill(values, 0, highest, null);
    highest = 0;
  }

  /** The setter call recorded for a 1-based index, or null when it was not set. */
  Binder binder(int index) {
    return index <= highest ? binders[index - 1] : null;
  }

  /** The values by 1-based index (position 0 holds index 1), as the application set them. */
  Object[] values() {
    return Arrays.copyOf(values, highest);
  }

  /** The values set so far, for a batch entry. */
  Entry snapshot() {
    return highest == 0 ? new Entry(NONE, NO_VALUES) : new Entry(Arrays.copyOf(binders, highest), values());
  }

  void bindTo(PreparedStatement target) throws SQLException {
    bind(binders, highest, target);
  }

  static void bindTo(Binder[] values, PreparedStatement target) throws SQLException {
    bind(values, values.length, target);
  }

  /** Unset positions are left unset: the cluster's driver then reports the missing value itself. */
  private static void bind(Binder[] values, int count, PreparedStatement target) throws SQLException {
    for (int i = 0; i < count; i++) {
      if (values[i] != null) {
        values[i].bind(target, i + 1);
      }
    }
  }
}
