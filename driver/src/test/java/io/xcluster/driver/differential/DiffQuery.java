package io.xcluster.driver.differential;

import java.util.List;

/**
 * A query to run on both sides of a {@link Differential}: its SQL, how it is executed, how its rows
 * compare, and whether an empty expected result is acceptable.
 *
 * @param prepared run through a PreparedStatement (always, when there are parameters)
 * @param allowEmpty accept an empty expected result; otherwise an empty result fails the case,
 *     because agreeing on nothing proves nothing
 */
record DiffQuery(
    String sql, List<Param> params, RowOrder order, boolean prepared, boolean allowEmpty) {

  DiffQuery {
    params = List.copyOf(params);
    prepared = prepared || !params.isEmpty();
  }

  /** Rows compared as a sequence: {@code sql}'s ORDER BY must be total. */
  static DiffQuery ordered(String sql) {
    return new DiffQuery(sql, List.of(), RowOrder.ORDERED, false, false);
  }

  /** Rows compared as a multiset. */
  static DiffQuery unordered(String sql) {
    return new DiffQuery(sql, List.of(), RowOrder.UNORDERED, false, false);
  }

  /** This query through a PreparedStatement with {@code values} bound in order. */
  DiffQuery with(Param... values) {
    return new DiffQuery(sql, List.of(values), order, true, allowEmpty);
  }

  /** This query through a PreparedStatement, parameters or not. */
  DiffQuery viaPreparedStatement() {
    return new DiffQuery(sql, params, order, true, allowEmpty);
  }

  /** This query, accepting an empty result. */
  DiffQuery allowingEmpty() {
    return new DiffQuery(sql, params, order, prepared, true);
  }

  /** {@code Statement} or {@code PreparedStatement [setInt(1), ...]}, for messages. */
  String execution() {
    return prepared ? "PreparedStatement " + params : "Statement";
  }
}
