package io.xcluster.config;

import java.util.List;

/**
 * The best-scoring entries seen so far for one lookup: the first entry at the best score and, if another
 * cluster reaches the same score, one rival from that cluster (which makes the lookup ambiguous).
 */
final class BestMatch {
  private int score = TableEntry.NO_MATCH;
  private TableEntry first;
  private TableEntry rival;

  void consider(List<TableEntry> entries, TableName table) {
    for (int i = 0; i < entries.size(); i++) {
      consider(entries.get(i), entries.get(i).score(table));
    }
  }

  private void consider(TableEntry entry, int entryScore) {
    if (entryScore > score) {
      score = entryScore;
      first = entry;
      rival = null;
    } else if (entryScore == score && score != TableEntry.NO_MATCH && rival == null
        && !entry.cluster().equals(first.cluster())) {
      rival = entry;
    }
  }

  boolean isEmpty() {
    return first == null;
  }

  boolean isAmbiguous() {
    return rival != null;
  }

  String cluster() {
    return first.cluster();
  }

  TableEntry first() {
    return first;
  }

  TableEntry rival() {
    return rival;
  }
}
