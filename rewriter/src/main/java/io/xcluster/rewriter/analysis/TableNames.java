package io.xcluster.rewriter.analysis;

import io.xcluster.config.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.schema.Table;

/**
 * JSqlParser's names to {@link TableName}s. JSqlParser keeps identifiers as written, quotes included
 * ({@code "Users"}, {@code `Users`}), and its own unquoting leaves doubled quotes ({@code "a""b"}) escaped;
 * here quotes are stripped and unescaped, and a quoted name is flagged because it matches case-sensitively.
 */
public final class TableNames {
  private TableNames() {}

  /** Catalog parts are dropped: {@code cat.schema.table} is schema + table. */
  public static TableName of(Table table) {
    return of(table.getSchemaName(), table.getName());
  }

  /** From text such as {@code s."T"} or {@code `db`.`t`}: the last part is the name, the one before it the schema. */
  static TableName parse(String dotted) {
    List<String> parts = split(dotted);
    String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
    return of(schema, parts.get(parts.size() - 1));
  }

  /** How SQL compares names: quoted exactly, unquoted ignoring case. Used for CTE names and de-duplication. */
  static String identity(String written) {
    return isQuoted(written) ? unquote(written) : written.toLowerCase(Locale.ROOT);
  }

  static String identity(TableName table) {
    String schema = table.schema() == null ? "" : table.schema().toLowerCase(Locale.ROOT);
    String name = table.quoted() ? table.name() : table.name().toLowerCase(Locale.ROOT);
    return schema + '\0' + name;
  }

  private static TableName of(String schema, String name) {
    String unquotedSchema = schema == null || schema.isEmpty() ? null : unquote(schema);
    return new TableName(unquotedSchema, unquote(name), isQuoted(name));
  }

  static boolean isQuoted(String part) {
    return part.length() >= 2 && isQuote(part.charAt(0)) && part.charAt(part.length() - 1) == part.charAt(0);
  }

  private static String unquote(String part) {
    if (!isQuoted(part)) {
      return part;
    }
    String quote = part.substring(0, 1);
    return part.substring(1, part.length() - 1).replace(quote + quote, quote);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '`';
  }

  private static List<String> split(String dotted) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    char open = 0;
    for (int i = 0; i < dotted.length(); i++) {
      char c = dotted.charAt(i);
      if (open == 0 && isQuote(c)) {
        open = c;
      } else if (c == open) {
        open = 0;
      } else if (open == 0 && c == '.') {
        parts.add(dotted.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(dotted.substring(start));
    return parts;
  }
}
