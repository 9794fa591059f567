package io.xcluster.rewriter.eval;

import java.util.Optional;

/**
 * {@code NULLIF(left, right)}: NULL when {@code left = right} is TRUE, else {@code left}. As in PostgreSQL,
 * what is returned is the left operand of that {@code =}, so it is promoted when the comparison needs it:
 * {@code NULLIF(1, 2.5)} is the numeric 1, {@code NULLIF('1', 2)} the integer 1. When the right side's type
 * is unknown in a row (a NULL column of undeclared kind), a left value that could be promoted is refused.
 */
record NullIf(Expr left, Expr right) implements Expr {

  @Override
  public Object eval(Object[] row, Object[] params) {
    Object value = left.eval(row, params);
    if (value == null) {
      return null;
    }
    Object other = right.eval(row, params);
    if (Boolean.TRUE.equals(Comparison.test(CompareOp.EQUAL, left, value, right, other))) {
      return null;
    }
    Optional<ValueKind> otherKind = right.kind()
        .or(() -> other != null ? Optional.of(ValueKind.of(other)) : right.kindIn(row, params));
    if (Const.isNull(right) || Const.isUntyped(right)) {
      return value;
    }
    if (otherKind.isEmpty()) {
      if (Const.isUntyped(left) || promotable(ValueKind.of(value))) {
        throw EvalErrors.unsupported("NULLIF", "its result takes the type of the comparison with the second "
            + "argument, whose type is unknown in this row because it is NULL; cast the arguments to one type");
      }
      return value;
    }
    return promote(value, otherKind.get());
  }

  private Object promote(Object value, ValueKind otherKind) {
    if (Const.isUntyped(left)) {
      return TextInput.parse((String) value, otherKind);
    }
    return promoted(ValueKind.of(value), otherKind).map(kind -> KindRules.widen(value, kind)).orElse(value);
  }

  /** The kind an integer or numeric left operand is promoted to by the right operand's kind, if any. */
  private static Optional<ValueKind> promoted(ValueKind leftKind, ValueKind rightKind) {
    if (!promotable(leftKind) || leftKind == rightKind || !rightKind.isNumeric()) {
      return Optional.empty();
    }
    if (rightKind == ValueKind.REAL) {
      throw EvalErrors.unsupported("NULLIF(" + leftKind.sqlName() + ", real)",
          "PostgreSQL's choice of operator for this mix is not reproduced; cast the arguments to one type");
    }
    return rightKind == ValueKind.INTEGER ? Optional.empty() : Optional.of(rightKind);
  }

  private static boolean promotable(ValueKind kind) {
    return kind == ValueKind.INTEGER || kind == ValueKind.NUMERIC;
  }

  @Override
  public Optional<ValueKind> kind() {
    Optional<ValueKind> leftKind = left.kind();
    Optional<ValueKind> rightKind = right.kind();
    if (Const.isUntyped(left)) {
      return Const.isNull(right) ? Optional.of(ValueKind.TEXT) : rightKind;
    }
    if (leftKind.isEmpty() || Const.isNull(right) || Const.isUntyped(right)) {
      return leftKind;
    }
    if (rightKind.isEmpty()) {
      return promotable(leftKind.get()) ? Optional.empty() : leftKind;
    }
    if (promotable(leftKind.get()) && rightKind.get() == ValueKind.REAL) {
      return Optional.empty();
    }
    return Optional.of(promoted(leftKind.get(), rightKind.get()).orElse(leftKind.get()));
  }
}
