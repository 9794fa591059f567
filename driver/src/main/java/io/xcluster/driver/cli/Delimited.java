package io.xcluster.driver.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A result as CSV (RFC 4180: fields holding the separator, a quote or a line break are quoted, quotes
 * doubled) or TSV (tabs and line breaks escaped as \t, \n; backslashes doubled), with a header line. NULL
 * is an empty field in CSV and {@code \N} in TSV, as PostgreSQL's COPY writes them.
 */
final class Delimited {
  private Delimited() {}

  static void print(PrintStream out, List<String> labels, List<List<String>> rows, char separator) {
    out.println(line(labels, separator));
    for (List<String> row : rows) {
      out.println(line(row, separator));
    }
  }

  private static String line(List<String> fields, char separator) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      text.append(i == 0 ? "" : String.valueOf(separator)).append(field(fields.get(i), separator));
    }
    return text.toString();
  }

  private static String field(String value, char separator) {
    if (separator == '\t') {
      return value == null ? "\\N"
          : value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
    if (value == null) {
      return "";
    }
    boolean quote = value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
