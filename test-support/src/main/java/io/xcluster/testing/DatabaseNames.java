package io.xcluster.testing;

import java.util.regex.Pattern;

/**
 * Guards every database name that reaches SQL text. Names are limited to lower-case ASCII letters,
 * digits and underscores, start with a letter or underscore and fit PostgreSQL's 63-byte limit, so
 * they mean the same on every engine (no case folding, no case-sensitive file systems) and cannot
 * inject SQL.
 */
public final class DatabaseNames {
  private static final Pattern SIMPLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private DatabaseNames() {}

  /**
   * Returns {@code name} unchanged if it is a simple identifier.
   *
   * @throws IllegalArgumentException naming the offending value otherwise
   */
  public static String requireSimple(String name) {
    if (name == null || !SIMPLE.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Database name must match " + SIMPLE.pattern() + " (at most 63 characters): " + name);
    }
    return name;
  }
}
