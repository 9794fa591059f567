package io.xcluster.driver.jdbc;

import io.xcluster.error.SqlState;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The parameter values set on a PreparedStatement, kept as the setter calls that made them: replaying a
 * {@link Binder} calls the same setter, with the same type, on the physical statement. The index a binder is
 * replayed at is a parameter of the replay, so that a plan can move a parameter to another position.
 */
final class Parameters {

  /** One recorded setter call. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement target, int index) throws SQLException;
  }

  private static final Binder[] NONE = new Binder[0];
  private Binder[] binders = new Binder[8];
  private int highest;

  void set(int index, Binder binder) throws SQLException {
    if (index < 1) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "parameter index must be >= 1, was " + index);
    }
    if (index > binders.length) {
      binders = Arrays.copyOf(binders, Math.max(index, binders.length * 2));
    }
    binders[index - 1] = binder;
    highest = Math.max(highest, index);
  }

  void clear() {
    Arrays.fill(binders, 0, highest, null);
    highest = 0;
  }

  /** The values set so far, for a batch entry. */
  Binder[] snapshot() {
    return highest == 0 ? NONE : Arrays.copyOf(binders, highest);
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
