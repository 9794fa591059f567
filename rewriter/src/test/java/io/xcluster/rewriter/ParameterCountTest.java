package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.error.XClusterException;
import org.junit.jupiter.api.Test;

/** {@link Planner#parameterCount}: the placeholders JSqlParser finds, never a {@code ?} in a literal or comment. */
class ParameterCountTest {
  private final Planner planner = TestConfigs.twoClusters().planner();

  @Test
  void countsThePlaceholdersOfAQueryWhereverTheyStand() {
    assertEquals(0, planner.parameterCount("SELECT * FROM users"));
    assertEquals(4, planner.parameterCount("SELECT u.id, ? AS tag FROM users u JOIN posts p ON p.user_id = u.id"
        + " WHERE u.id IN (SELECT c.user_id FROM comments c WHERE c.body = ?) AND p.title <> '?' /* ? */"
        + " ORDER BY u.id LIMIT ? OFFSET ?"));
    assertEquals(2, planner.parameterCount("SELECT id FROM users WHERE id = ? UNION SELECT id FROM posts WHERE id = ?"));
  }

  @Test
  void countsThePlaceholdersOfAWrite() {
    assertEquals(2, planner.parameterCount("DELETE FROM posts WHERE id = ? AND title = ?"));
    assertEquals(3, planner.parameterCount("INSERT INTO posts (id, user_id, title) VALUES (?, ?, ?)"));
  }

  @Test
  void aStatementThatDoesNotParseIsASyntaxError() {
    assertEquals("42601", assertThrows(XClusterException.class, () -> planner.parameterCount("SELEKT ?"))
        .state().code());
  }
}
