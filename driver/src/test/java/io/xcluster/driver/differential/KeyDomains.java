package io.xcluster.driver.differential;

import io.xcluster.driver.differential.ForeignKeys.ForeignKey;
import io.xcluster.testing.FixtureColumn;
import io.xcluster.testing.FixtureTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key domains of the fixture schema, from the {@linkplain ForeignKeys natural foreign keys}:
 * each parent's {@code id} with every column that references it ({@code users.id}, {@code
 * subscriptions.user_id}, {@code posts.user_id}, {@code comments.user_id}). Columns of one domain
 * hold comparable values, so subqueries and set operations over them keep some rows and drop
 * others.
 */
final class KeyDomains {
  /** One column of a domain. */
  record KeyColumn(FixtureTable table, FixtureColumn column) {}

  private KeyDomains() {}

  /** The table whose {@code id} values {@code column} of {@code table} holds, if it is a key. */
  static Optional<FixtureTable> domainOf(FixtureTable table, FixtureColumn column) {
    if (column.name().equals("id")) {
      return Optional.of(table);
    }
    return ForeignKeys.ALL.stream()
        .filter(key -> key.child() == table && key.childColumn().equals(column.name()))
        .map(ForeignKey::parent)
        .findFirst();
  }

  /** Every column of {@code domain}: its {@code id} and the columns referencing it. */
  static List<KeyColumn> members(FixtureTable domain) {
    List<KeyColumn> members = new ArrayList<>();
    members.add(new KeyColumn(domain, column(domain, "id")));
    for (ForeignKey key : ForeignKeys.ALL) {
      if (key.parent() == domain) {
        members.add(new KeyColumn(key.child(), column(key.child(), key.childColumn())));
      }
    }
    return members;
  }

  /** The column called {@code name} of {@code table}. */
  static FixtureColumn column(FixtureTable table, String name) {
    return table.columns().stream()
        .filter(column -> column.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
