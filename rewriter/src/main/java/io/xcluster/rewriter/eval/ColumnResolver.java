package io.xcluster.rewriter.eval;

import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;

/**
 * Where a column's value is in the row the evaluator receives, and optionally its type family.
 *
 * <p>Declaring kinds is optional but makes answers more complete: PostgreSQL types
 * {@code COALESCE(price, 0)} by the column ({@code numeric} gives the numeric 0), and without a declared
 * kind the evaluator can only learn the column's type from a non-NULL value in the same row, so it refuses
 * the rows where it cannot tell. A planner that knows the source columns' JDBC types (for example from the
 * source queries' result set metadata) should declare them.
 */
@FunctionalInterface
public interface ColumnResolver {

  /**
   * @return the column's index in the row
   * @throws io.xcluster.error.XClusterException when the column is unknown or ambiguous
   */
  int slotOf(Column column);

  /**
   * Whose rules the few dialect-dependent operators follow: PostgreSQL's (the default), or MySQL's for a
   * statement whose answer is MySQL's (division: {@link MysqlDivision}).
   */
  default io.xcluster.rewriter.Dialect dialect() {
    return io.xcluster.rewriter.Dialect.POSTGRESQL;
  }

  /** The column's kind, when known; the evaluator checks every value against it. */
  default Optional<ValueKind> kindOf(Column column) {
    return Optional.empty();
  }

  /**
   * A whole sub-expression that is already computed and sits in a slot of the row, such as an aggregate's
   * result or a GROUP BY expression after grouping; the compiler reads that slot instead of compiling it.
   * Empty (the default) for an expression to compile as usual.
   */
  default Optional<Computed> computed(Expression expression) {
    return Optional.empty();
  }

  /**
   * @param slot where the value is
   * @param kind its kind, when known
   */
  record Computed(int slot, Optional<ValueKind> kind) {}
}
