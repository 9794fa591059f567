package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FixtureDataTest {
  private final FixtureData data = FixtureData.generate(FixtureSizes.small(), 7);

  @Test
  void sameSeedGivesSameRowsAndOtherSeedOtherRows() {
    FixtureData again = FixtureData.generate(FixtureSizes.small(), 7);
    FixtureData other = FixtureData.generate(FixtureSizes.small(), 8);

    for (FixtureTable table : FixtureTable.values()) {
      assertEquals(data.rows(table), again.rows(table));
    }
    assertNotEquals(data.rows(FixtureTable.USERS), other.rows(FixtureTable.USERS));
  }

  @Test
  void everyTableHasItsSizeWithIdsInOrder() {
    for (FixtureTable table : FixtureTable.values()) {
      List<List<Object>> rows = data.rows(table);
      assertEquals(FixtureSizes.small().of(table), rows.size(), table.tableName());
      for (int index = 0; index < rows.size(); index++) {
        assertEquals((long) index + 1, rows.get(index).get(0));
        assertEquals(table.columns().size(), rows.get(index).size());
      }
    }
  }

  @Test
  void nullableColumnsHoldNulls() {
    assertTrue(column(FixtureTable.USERS, "score").contains(null));
    assertTrue(column(FixtureTable.POSTS, "score").contains(null));
    assertTrue(column(FixtureTable.DOGS, "human_id").contains(null));
    assertTrue(column(FixtureTable.TREATS, "calories").contains(null));
  }

  @Test
  void someRowsJoinToNothingAndSomeAreNeverJoined() {
    Set<Object> userIds = ids(FixtureTable.USERS);
    Set<Object> subscribers = Set.copyOf(column(FixtureTable.SUBSCRIPTIONS, "user_id"));
    Set<Object> commentedPosts = Set.copyOf(column(FixtureTable.COMMENTS, "post_id"));

    assertTrue(subscribers.stream().anyMatch(id -> !userIds.contains(id)), "orphan subscription");
    assertTrue(userIds.stream().anyMatch(id -> !subscribers.contains(id)), "user without one");
    assertTrue(ids(FixtureTable.POSTS).stream().anyMatch(id -> !commentedPosts.contains(id)));
    assertTrue(
        commentedPosts.stream().anyMatch(id -> !ids(FixtureTable.POSTS).contains(id)));
    Set<Object> dogOwners = Set.copyOf(nonNull(column(FixtureTable.DOGS, "human_id")));
    assertTrue(dogOwners.stream().anyMatch(id -> !ids(FixtureTable.HUMANS).contains(id)));
    assertTrue(ids(FixtureTable.HUMANS).stream().anyMatch(id -> !dogOwners.contains(id)));
  }

  @Test
  void timestampsCarryMicroseconds() {
    assertTrue(
        column(FixtureTable.USERS, "created_at").stream()
            .map(LocalDateTime.class::cast)
            .anyMatch(time -> time.getNano() % 1_000_000 != 0));
  }

  private List<Object> column(FixtureTable table, String name) {
    int index = table.columns().stream().map(FixtureColumn::name).toList().indexOf(name);
    return data.rows(table).stream().map(row -> row.get(index)).collect(Collectors.toList());
  }

  private Set<Object> ids(FixtureTable table) {
    return Set.copyOf(column(table, "id"));
  }

  private static List<Object> nonNull(List<Object> values) {
    return values.stream().filter(Objects::nonNull).toList();
  }
}
