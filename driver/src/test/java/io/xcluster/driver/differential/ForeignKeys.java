package io.xcluster.driver.differential;

import static io.xcluster.testing.FixtureTable.COMMENTS;
import static io.xcluster.testing.FixtureTable.DOGS;
import static io.xcluster.testing.FixtureTable.HUMANS;
import static io.xcluster.testing.FixtureTable.POSTS;
import static io.xcluster.testing.FixtureTable.SUBSCRIPTIONS;
import static io.xcluster.testing.FixtureTable.TREATS;
import static io.xcluster.testing.FixtureTable.USERS;

import io.xcluster.testing.FixtureTable;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The natural foreign-key edges of the fixture schema (the data has no constraints and holds
 * orphans, but these are the joins an application writes), and the alias each table gets in
 * generated SQL.
 */
final class ForeignKeys {
  /** {@code child.childColumn} references {@code parent.id}. */
  record ForeignKey(FixtureTable parent, FixtureTable child, String childColumn) {
    /** The table at the other end from {@code table}. */
    FixtureTable other(FixtureTable table) {
      return table == parent ? child : parent;
    }
  }

  static final List<ForeignKey> ALL =
      List.of(
          new ForeignKey(USERS, SUBSCRIPTIONS, "user_id"),
          new ForeignKey(SUBSCRIPTIONS, POSTS, "subscription_id"),
          new ForeignKey(USERS, POSTS, "user_id"),
          new ForeignKey(POSTS, COMMENTS, "post_id"),
          new ForeignKey(USERS, COMMENTS, "user_id"),
          new ForeignKey(HUMANS, DOGS, "human_id"),
          new ForeignKey(HUMANS, TREATS, "human_id"));

  private ForeignKeys() {}

  /** The edges between {@code table} and any of {@code joined}. */
  static List<ForeignKey> between(FixtureTable table, Collection<FixtureTable> joined) {
    return ALL.stream()
        .filter(key -> key.parent() == table || key.child() == table)
        .filter(key -> joined.contains(key.other(table)))
        .toList();
  }

  /** The tables outside {@code joined} with an edge into it, in enum order. */
  static List<FixtureTable> neighbours(Collection<FixtureTable> joined) {
    return Arrays.stream(FixtureTable.values())
        .filter(table -> !joined.contains(table))
        .filter(table -> !between(table, joined).isEmpty())
        .toList();
  }

  /** The alias of {@code table} in generated SQL: {@code u, s, p, c, h, d, t}. */
  static String alias(FixtureTable table) {
    return switch (table) {
      case USERS -> "u";
      case SUBSCRIPTIONS -> "s";
      case POSTS -> "p";
      case COMMENTS -> "c";
      case HUMANS -> "h";
      case DOGS -> "d";
      case TREATS -> "t";
    };
  }
}
