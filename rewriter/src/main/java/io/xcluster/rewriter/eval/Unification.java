package io.xcluster.rewriter.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The common type of the branches of COALESCE, CASE, GREATEST and LEAST, and the conversion of the chosen
 * value to it. PostgreSQL gives these constructs one result type ({@code select_common_type}):
 * {@code CASE WHEN c THEN 1 ELSE 2.5 END} is the numeric 1, so dividing it by 2 gives 0.5, not 0.
 *
 * <p>When every branch's kind is known before evaluation (literals, casts, declared columns), the common
 * kind is fixed at compile time and untyped string literals are read as it then. Otherwise the other
 * branches' kinds are learned from the row ({@link Expr#kindIn}, which evaluates nothing); if one cannot be
 * told (a NULL column of undeclared kind), a result that a wider kind could still change (integer, numeric,
 * real, date, timestamp, time, or an untyped literal) is refused rather than returned with the wrong type.
 * Declaring the column kinds in the {@link ColumnResolver}, or casting the branches to one type, avoids that.
 *
 * @param branches the branch expressions, with untyped literals already converted when possible
 * @param known the common kind of the branches whose kind is known (all of them when {@code complete})
 */
record Unification(String construct, List<Expr> branches, Optional<ValueKind> known, boolean complete) {

  Unification {
    branches = List.copyOf(branches);
  }

  static Unification of(String construct, List<Expr> branches) {
    Optional<ValueKind> known = Optional.empty();
    boolean complete = true;
    boolean untyped = false;
    for (Expr branch : branches) {
      Optional<ValueKind> kind = branch.kind();
      if (kind.isPresent()) {
        known = Optional.of(merge(construct, known, kind.get()));
      } else if (Const.isUntyped(branch)) {
        untyped = true;
      } else if (!Const.isNull(branch)) {
        complete = false;
      }
    }
    if (!complete) {
      return new Unification(construct, branches, known, false);
    }
    Optional<ValueKind> target = known.isPresent() || !untyped ? known : Optional.of(ValueKind.TEXT);
    return new Unification(construct, target.map(kind -> typed(branches, kind)).orElse(branches), target, true);
  }

  /** The kind of every non-null result, when fixed at compile time. */
  Optional<ValueKind> kind() {
    return complete ? known : Optional.empty();
  }

  /** The common kind in this row, when it can be told without evaluating anything. */
  Optional<ValueKind> kindIn(Object[] row, Object[] params) {
    if (complete) {
      return known;
    }
    Optional<ValueKind> kind = known;
    boolean unknown = false;
    for (Expr branch : branches) {
      if (branch.kind().isEmpty() && !(branch instanceof Const)) {
        Optional<ValueKind> next = branch.kindIn(row, params);
        unknown |= next.isEmpty();
        kind = next.isEmpty() ? kind : kind.isEmpty() ? next : KindRules.common(kind.get(), next.get());
      }
    }
    return unknown && kind.isPresent() && !KindRules.isWidest(kind.get()) ? Optional.empty() : kind;
  }

  /** Converts the value produced by branch {@code source} to the common kind. */
  Object convert(Object value, int source, Object[] row, Object[] params) {
    if (value == null) {
      return null;
    }
    if (complete) {
      return KindRules.widen(value, known.orElseThrow());
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      values.add(i == source ? value : null);
    }
    return KindRules.widen(value, runtimeKind(values, source, row, params));
  }

  /** Converts all the values (one per branch, nulls kept) to the common kind, for GREATEST and LEAST. */
  List<Object> convertAll(List<Object> values, Object[] row, Object[] params) {
    if (values.stream().allMatch(Objects::isNull)) {
      return values;
    }
    ValueKind kind = complete ? known.orElseThrow() : runtimeKind(values, -1, row, params);
    List<Object> converted = new ArrayList<>();
    for (Object value : values) {
      converted.add(value == null ? null : KindRules.widen(value, kind));
    }
    return converted;
  }

  /**
   * The common kind given the row; refuses when a branch's kind cannot be told and the kind could still
   * widen. {@code values} holds the evaluated branches (null where not evaluated), {@code chosen} the branch
   * of the returned value (-1 for all of them).
   */
  private ValueKind runtimeKind(List<Object> values, int chosen, Object[] row, Object[] params) {
    Optional<ValueKind> kind = known;
    boolean unknown = false;
    boolean untypedChosen = false;
    for (int i = 0; i < branches.size(); i++) {
      Expr branch = branches.get(i);
      if (Const.isUntyped(branch)) {
        untypedChosen |= i == chosen;
      } else if (branch.kind().isEmpty() && !Const.isNull(branch)) {
        Object value = values.get(i);
        Optional<ValueKind> next = value != null ? Optional.of(ValueKind.of(value)) : branch.kindIn(row, params);
        unknown |= next.isEmpty();
        if (next.isPresent()) {
          kind = Optional.of(merge(construct, kind, next.get()));
        }
      }
    }
    if (unknown && (untypedChosen || kind.isEmpty() || !KindRules.isWidest(kind.get()))) {
      throw EvalErrors.unsupported(construct, "its result type is PostgreSQL's common type of all its "
          + "arguments, and in this row the type of an argument cannot be told (it is NULL and its column "
          + "kind was not declared); cast the arguments to one type");
    }
    return kind.orElse(ValueKind.TEXT);
  }

  private static ValueKind merge(String construct, Optional<ValueKind> known, ValueKind next) {
    return known.isEmpty() ? next : KindRules.commonOrRefuse(construct, known.get(), next);
  }

  /** Untyped literals read as the common kind, at compile time, as PostgreSQL reads them. */
  private static List<Expr> typed(List<Expr> branches, ValueKind kind) {
    List<Expr> typed = new ArrayList<>();
    for (Expr branch : branches) {
      typed.add(Const.isUntyped(branch)
          ? Const.of(TextInput.parse((String) ((Const) branch).value(), kind)) : branch);
    }
    return typed;
  }
}
