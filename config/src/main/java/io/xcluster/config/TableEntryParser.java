package io.xcluster.config;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code tables} entry into its optionally quoted schema and table parts. */
final class TableEntryParser {
  private final String text;
  private int position;

  private TableEntryParser(String text) {
    this.text = text;
  }

  static TablePattern parse(String text, int line) {
    List<Part> parts = new TableEntryParser(text.strip()).parts();
    if (parts.size() > 2) {
      throw new IllegalArgumentException("it has " + parts.size() + " dot-separated parts; use table or schema.table");
    }
    Part table = parts.get(parts.size() - 1);
    String schema = parts.size() == 2 ? parts.get(0).text() : null;
    return new TablePattern(text, schema, table.text(), table.quoted(), line);
  }

  private List<Part> parts() {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("it is empty");
    }
    List<Part> parts = new ArrayList<>();
    parts.add(part());
    while (position < text.length()) {
      if (text.charAt(position) != '.') {
        throw new IllegalArgumentException("a quoted name must be followed by '.' or end the entry");
      }
      position++;
      parts.add(part());
    }
    return parts;
  }

  private Part part() {
    char first = position < text.length() ? text.charAt(position) : '.';
    Part part = first == '"' || first == '`' ? quoted(first) : plain();
    if (part.text().isEmpty()) {
      throw new IllegalArgumentException("it has an empty name part");
    }
    return part;
  }

  private Part quoted(char quote) {
    StringBuilder name = new StringBuilder();
    position++;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c != quote) {
        name.append(c);
      } else if (position < text.length() && text.charAt(position) == quote) {
        name.append(quote);
        position++;
      } else {
        return new Part(name.toString(), true);
      }
    }
    throw new IllegalArgumentException("the quote " + quote + " is not closed");
  }

  private Part plain() {
    int start = position;
    while (position < text.length() && text.charAt(position) != '.') {
      char c = text.charAt(position++);
      if (c == '"' || c == '`') {
        throw new IllegalArgumentException("a quote may only start a name part");
      }
      if (Character.isWhitespace(c)) {
        throw new IllegalArgumentException("an unquoted name cannot contain spaces; quote it");
      }
    }
    return new Part(text.substring(start, position), false);
  }

  private record Part(String text, boolean quoted) {}
}
