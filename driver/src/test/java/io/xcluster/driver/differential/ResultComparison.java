package io.xcluster.driver.differential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares an actual result with the expected one and describes every difference a reader needs to
 * find the bug: columns first (count, labels, types), then rows (the first differing position for
 * ordered results, the rows missing and unexpected for unordered ones). Pure: no JDBC.
 */
final class ResultComparison {
  /** How many differing rows a description shows on each side. */
  static final int SHOWN_ROWS = 5;

  private ResultComparison() {}

  /** The differences between the results, or empty if they agree. */
  static Optional<String> differences(
      ResultTable expected, ResultTable actual, RowOrder order, TypeCheck typeCheck) {
    List<String> problems = new ArrayList<>(columnProblems(expected, actual, typeCheck));
    rowProblem(expected, actual, order).ifPresent(problems::add);
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
  }

  private static List<String> columnProblems(
      ResultTable expected, ResultTable actual, TypeCheck typeCheck) {
    List<ColumnInfo> want = expected.columns();
    List<ColumnInfo> got = actual.columns();
    if (want.size() != got.size()) {
      return List.of(
          "column count: expected "
              + want.size()
              + " "
              + labels(want)
              + ", actual "
              + got.size()
              + " "
              + labels(got));
    }
    List<String> problems = new ArrayList<>();
    for (int index = 0; index < want.size(); index++) {
      columnProblem(index + 1, want.get(index), got.get(index), typeCheck).ifPresent(problems::add);
    }
    return problems;
  }

  private static Optional<String> columnProblem(
      int position, ColumnInfo want, ColumnInfo got, TypeCheck typeCheck) {
    String prefix =
        "column "
            + position
            + ": expected "
            + want.describe()
            + ", actual "
            + got.describe()
            + " (";
    if (!want.label().toLowerCase(Locale.ROOT).equals(got.label().toLowerCase(Locale.ROOT))) {
      return Optional.of(prefix + "label differs)");
    }
    if (typeCheck == TypeCheck.EXACT) {
      if (want.jdbcType() != got.jdbcType()) {
        return Optional.of(prefix + "JDBC type differs)");
      }
      if (!got.valueClasses().isEmpty()
          && !want.valueClasses().isEmpty()
          && !want.valueClasses().equals(got.valueClasses())) {
        return Optional.of(prefix + "getObject classes differ)");
      }
    } else if (!TypeCheck.family(want.jdbcType()).equals(TypeCheck.family(got.jdbcType()))) {
      return Optional.of(
          prefix
              + "type family differs: "
              + TypeCheck.family(want.jdbcType())
              + " vs "
              + TypeCheck.family(got.jdbcType())
              + ")");
    }
    return Optional.empty();
  }

  private static Optional<String> rowProblem(
      ResultTable expected, ResultTable actual, RowOrder order) {
    return order == RowOrder.ORDERED
        ? orderedProblem(expected.rows(), actual.rows())
        : unorderedProblem(expected.rows(), actual.rows());
  }

  private static Optional<String> orderedProblem(List<List<Object>> want, List<List<Object>> got) {
    int common = Math.min(want.size(), got.size());
    int first = 0;
    while (first < common && want.get(first).equals(got.get(first))) {
      first++;
    }
    if (first == common && want.size() == got.size()) {
      return Optional.empty();
    }
    String kind = first < common ? "rows differ" : "row count differs";
    boolean sameMultiset = unorderedProblem(want, got).isEmpty();
    return Optional.of(
        kind
            + " from position "
            + (first + 1)
            + " (1-based)"
            + (sameMultiset ? "; the same rows in a different order" : "")
            + "\n"
            + "  expected rows "
            + window(want, first)
            + "\n"
            + "  actual rows   "
            + window(got, first));
  }

  private static String window(List<List<Object>> rows, int first) {
    if (first >= rows.size()) {
      return "(none after position " + first + ")";
    }
    List<String> shown = new ArrayList<>();
    for (int index = first; index < Math.min(rows.size(), first + SHOWN_ROWS); index++) {
      shown.add("\n    #" + (index + 1) + " " + Values.render(rows.get(index)));
    }
    String more =
        rows.size() > first + SHOWN_ROWS
            ? "\n    ... " + (rows.size() - first - SHOWN_ROWS) + " more"
            : "";
    return String.join("", shown) + more;
  }

  private static Optional<String> unorderedProblem(
      List<List<Object>> want, List<List<Object>> got) {
    Map<List<Object>, Integer> balance = new HashMap<>();
    want.forEach(row -> balance.merge(row, 1, Integer::sum));
    got.forEach(row -> balance.merge(row, -1, Integer::sum));
    List<String> missing = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    balance.forEach(
        (row, count) -> {
          for (int copy = 0; copy < Math.abs(count); copy++) {
            (count > 0 ? missing : unexpected).add(Values.render(row));
          }
        });
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "rows differ as multisets: "
            + missing.size()
            + " expected row(s) missing, "
            + unexpected.size()
            + " unexpected row(s)\n"
            + "  missing (only expected):"
            + shown(missing)
            + "\n"
            + "  unexpected (only actual):"
            + shown(unexpected));
  }

  private static String shown(List<String> rows) {
    if (rows.isEmpty()) {
      return " none";
    }
    List<String> sorted = rows.stream().sorted(Comparator.naturalOrder()).toList();
    StringBuilder text = new StringBuilder();
    sorted.stream().limit(SHOWN_ROWS).forEach(row -> text.append("\n    ").append(row));
    if (sorted.size() > SHOWN_ROWS) {
      text.append("\n    ... ").append(sorted.size() - SHOWN_ROWS).append(" more");
    }
    return text.toString();
  }

  private static List<String> labels(List<ColumnInfo> columns) {
    return columns.stream().map(ColumnInfo::label).toList();
  }
}
