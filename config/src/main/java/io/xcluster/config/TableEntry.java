package io.xcluster.config;

/**
 * One compiled {@code tables} entry of one cluster. Its score for a table orders the rules of {@link TableMap}:
 * the rank (quoted exact, plain, glob) first, then how the schema matched (equal, by glob, not named).
 */
final class TableEntry {
  static final int NO_MATCH = -1;
  private static final int QUOTED = 3;
  private static final int PLAIN = 2;
  private static final int GLOB = 1;

  private final String cluster;
  private final TablePattern pattern;
  private final int rank;
  private final Glob nameGlob;
  private final Glob schemaGlob;

  TableEntry(String cluster, TablePattern pattern) {
    this.cluster = cluster;
    this.pattern = pattern;
    this.rank = pattern.isGlob() ? GLOB : pattern.caseSensitive() ? QUOTED : PLAIN;
    this.nameGlob = new Glob(pattern.name(), pattern.caseSensitive());
    this.schemaGlob = new Glob(pattern.schema() == null ? "" : pattern.schema(), false);
  }

  String cluster() {
    return cluster;
  }

  /** Higher is more specific; {@link #NO_MATCH} when the entry does not match the table. */
  int score(TableName table) {
    int schemaScore = schemaScore(table.schema());
    if (schemaScore == NO_MATCH || !nameMatches(table.name())) {
      return NO_MATCH;
    }
    return rank * 3 + schemaScore;
  }

  private boolean nameMatches(String name) {
    if (rank == GLOB) {
      return nameGlob.matches(name);
    }
    return rank == QUOTED ? pattern.name().equals(name) : pattern.name().equalsIgnoreCase(name);
  }

  private int schemaScore(String schema) {
    if (pattern.schema() == null) {
      return 0;
    }
    if (schema == null || !schemaGlob.matches(schema)) {
      return NO_MATCH;
    }
    return isSchemaGlob() ? 1 : 2;
  }

  private boolean isSchemaGlob() {
    return pattern.schema().indexOf('*') >= 0 || pattern.schema().indexOf('?') >= 0;
  }

  String describe() {
    String where = pattern.line() > 0 ? ", line " + pattern.line() : "";
    return "'" + pattern.text() + "' (cluster '" + cluster + "'" + where + ")";
  }
}
