package io.xcluster.driver.differential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL text and the values of the {@code ?} markers in it, in text order, so that
 * fragments concatenated in the order they are printed keep their parameters in binding order.
 */
record SqlFragment(String sql, List<Object> params) {
  SqlFragment {
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  static SqlFragment of(String sql) {
    return new SqlFragment(sql, List.of());
  }

  /** A {@code ?} bound to {@code value}. */
  static SqlFragment param(Object value) {
    return new SqlFragment("?", List.of(value));
  }

  SqlFragment append(String text) {
    return new SqlFragment(sql + text, params);
  }

  SqlFragment append(SqlFragment other) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(other.params);
    return new SqlFragment(sql + other.sql, all);
  }

  /** {@code parts} separated by {@code separator}. */
  static SqlFragment join(String separator, List<SqlFragment> parts) {
    SqlFragment joined = of("");
    for (int index = 0; index < parts.size(); index++) {
      joined = joined.append(index == 0 ? "" : separator).append(parts.get(index));
    }
    return joined;
  }

  /** {@code (this)}. */
  SqlFragment parenthesized() {
    return of("(").append(this).append(")");
  }
}
