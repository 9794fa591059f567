package io.xcluster.config;

/**
 * One entry of a cluster's {@code tables} list: {@code users}, {@code audit.events}, {@code audit_*},
 * {@code "Users"} (quoted: matched case-sensitively), {@code *.logs}.
 *
 * @param text the entry exactly as written in the file
 * @param schema the schema part, or null when the entry names no schema (then it matches any schema)
 * @param name the table part (may contain {@code *} and {@code ?} globs)
 * @param caseSensitive true when the entry was quoted ("..." or `...`)
 * @param line the 1-based line in the YAML file where the entry stands, 0 when unknown
 */
public record TablePattern(String text, String schema, String name, boolean caseSensitive, int line) {

  /**
   * Parses an entry: {@code table}, {@code schema.table}, either part quoted with {@code "..."} or
   * {@code `...`} (a doubled quote inside stands for one). Quoting the table part makes the entry
   * case-sensitive; schemas are always compared ignoring case.
   *
   * @throws IllegalArgumentException saying what is wrong with the entry
   */
  public static TablePattern parse(String text, int line) {
    return TableEntryParser.parse(text, line);
  }

  public boolean isGlob() {
    return name.indexOf('*') >= 0 || name.indexOf('?') >= 0
        || (schema != null && (schema.indexOf('*') >= 0 || schema.indexOf('?') >= 0));
  }

  @Override
  public String toString() {
    return text;
  }
}
