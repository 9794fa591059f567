package io.xcluster.rewriter.eval;

import java.util.Optional;

/**
 * A compiled scalar expression: an immutable tree, safe to share between threads and to cache with a plan.
 *
 * <p>Columns are slots (indexes into the row array); JDBC parameters are positions into a separate
 * parameter array supplied at evaluation time, so that one compiled expression serves every execution of
 * a prepared statement without being rebuilt: {@code params[0]} is the statement's first {@code ?}
 * (JSqlParser numbers the {@code ?} of a whole statement in textual order, and {@code $1}/{@code ?1} keep
 * their own number). Row and parameter values may be raw driver values; they are normalized with
 * {@link Values#normalize} when read, and never modified.
 *
 * <p>{@code eval} returns a normalized value, or {@code null} for SQL NULL; a predicate returns
 * {@code Boolean} or {@code null} (use {@link Predicate#isTrue} to filter). It throws
 * {@link io.xcluster.error.XClusterException}: FEATURE_NOT_SUPPORTED when the evaluator cannot be sure to give
 * PostgreSQL's answer for these values, INVALID_PARAMETER where PostgreSQL itself raises an error (division
 * by zero, out of range, invalid input).
 */
public sealed interface Expr permits Const, ColumnRef, Param, Arithmetic, Signed, Concatenation, Comparison,
    InList, BetweenRange, And, Or, Not, NullTest, TruthTest, DistinctTest, LikeMatch, CaseWhen, Coalesce,
    Extremum, NullIf, CastTo, Call, MysqlDivision {

  Object eval(Object[] row, Object[] params);

  /** Evaluates an expression that has no parameters. */
  default Object eval(Object[] row) {
    return eval(row, new Object[0]);
  }

  /**
   * The kind of every non-null result, when known before evaluation (from literals, casts, functions and the
   * column kinds the {@link ColumnResolver} declared); empty when it depends on the row.
   */
  Optional<ValueKind> kind();

  /**
   * The kind the result has in this row, learned from the classes of the row's and parameters' values
   * without evaluating any operation (so without errors); empty when it cannot be told, for example for a
   * NULL column whose kind was not declared. PostgreSQL types an expression by its columns' types, which a
   * non-NULL value reveals.
   */
  default Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    return kind();
  }
}
