package io.xcluster.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before anything is measured, that the paths compared return the same rows: a benchmark
 * that is fast because it answers a different question proves nothing.
 */
final class SameResults {
  private SameResults() {}

  /** Runs one path into a fresh recording sink. */
  @FunctionalInterface
  interface Path {
    void run(RowSink sink) throws Exception;
  }

  static List<String> rows(Path path) throws Exception {
    RecordingSink sink = new RecordingSink();
    path.run(sink);
    return sink.rows();
  }

  /**
   * @param ordered whether the order is part of the answer (the query has an ORDER BY)
   * @throws IllegalStateException naming the query, the paths and the first difference
   */
  static void check(String query, String expectedPath, List<String> expected, String actualPath,
      List<String> actual, boolean ordered) {
    List<String> want = ordered ? expected : sorted(expected);
    List<String> got = ordered ? actual : sorted(actual);
    if (want.isEmpty()) {
      throw new IllegalStateException(query + ": " + expectedPath + " returned no rows; the data is not loaded right");
    }
    if (!want.equals(got)) {
      int at = 0;
      while (at < Math.min(want.size(), got.size()) && want.get(at).equals(got.get(at))) {
        at++;
      }
      throw new IllegalStateException(query + ": " + actualPath + " returned " + got.size() + " rows, "
          + expectedPath + " " + want.size() + "; first difference at row " + at + ": "
          + (at < got.size() ? got.get(at) : "(none)") + " vs " + (at < want.size() ? want.get(at) : "(none)"));
    }
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }
}
