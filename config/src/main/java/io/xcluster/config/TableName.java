package io.xcluster.config;

/**
 * A table as an SQL statement names it, before resolution.
 *
 * @param schema the schema (or MySQL database) qualifier without quotes, or null when unqualified
 * @param name the table name without quotes
 * @param quoted true when the name was written quoted ({@code "Users"} or {@code `Users`})
 */
public record TableName(String schema, String name, boolean quoted) {

  public static TableName of(String name) {
    return new TableName(null, name, false);
  }

  /** As it would be written in SQL (quotes shown with double quotes), for messages. */
  @Override
  public String toString() {
    String table = quoted ? '"' + name + '"' : name;
    return schema == null ? table : schema + "." + table;
  }
}
