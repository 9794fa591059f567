package io.xcluster.driver.cli;

import java.io.PrintStream;
import java.util.List;

/** A result as an aligned text table, like psql's: a header, a rule, the rows, the row count. */
final class Table {
  private Table() {}

  static void print(PrintStream out, List<String> labels, List<List<String>> rows, int maxWidth) {
    int[] widths = new int[labels.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.min(maxWidth, labels.get(i).length());
      for (List<String> row : rows) {
        widths[i] = Math.min(maxWidth, Math.max(widths[i], shown(row.get(i)).length()));
      }
    }
    out.println(line(labels, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    for (List<String> row : rows) {
      out.println(line(row.stream().map(Table::shown).toList(), widths));
    }
    out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
  }

  private static String shown(String value) {
    return value == null ? "NULL" : value.replace('\n', ' ').replace('\t', ' ');
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      if (cell.length() > widths[i]) {
        cell = cell.substring(0, widths[i] - 1) + "…";
      }
      text.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - cell.length()));
    }
    return text.toString().stripTrailing();
  }
}
