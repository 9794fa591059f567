package io.xcluster.rewriter.eval;

import java.util.List;
import java.util.Optional;

/**
 * CASE, searched ({@code CASE WHEN cond THEN ...}) or simple ({@code CASE subject WHEN value THEN ...},
 * which compares with {@code =}, so a NULL subject matches no branch). The result of the first branch whose
 * condition is TRUE, else the ELSE result (NULL without ELSE), converted to the common type of all results.
 *
 * @param conditions the WHEN expressions, in order
 * @param results the THEN results in the same order, followed by the ELSE result
 */
record CaseWhen(Optional<Expr> subject, List<Expr> conditions, Unification results) implements Expr {

  CaseWhen {
    conditions = List.copyOf(conditions);
  }

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object value = subject.isPresent() ? subject.get().eval(row, params) : null;
    int chosen = conditions.size();
    for (int i = 0; i < conditions.size(); i++) {
      if (matches(value, conditions.get(i), row, params)) {
        chosen = i;
        break;
      }
    }
    return results.convert(results.branches().get(chosen).eval(row, params), chosen, row, params);
  }

  private boolean matches(Object value, Expr condition, Object[] row, Object[] params) {
    Object tested = condition.eval(row, params);
    if (subject.isEmpty()) {
      return Boolean.TRUE.equals(Truth.of(tested, "CASE WHEN"));
    }
    return Boolean.TRUE.equals(Comparison.test(CompareOp.EQUAL, subject.get(), value, condition, tested));
  }

  @Override
  public Optional<ValueKind> kind() {
    return results.kind();
  }

  @Override
  public Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    return results.kindIn(row, params);
  }
}
