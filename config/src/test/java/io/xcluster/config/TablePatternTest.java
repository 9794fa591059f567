package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TablePatternTest {

  @Test
  void plainAndQualifiedEntries() {
    assertEquals(new TablePattern("users", null, "users", false, 3), TablePattern.parse("users", 3));
    assertEquals(new TablePattern("audit.events", "audit", "events", false, 0), TablePattern.parse("audit.events", 0));
  }

  @Test
  void quotedEntriesAreCaseSensitiveWithoutTheirQuotes() {
    assertEquals(new TablePattern("\"Users\"", null, "Users", true, 1), TablePattern.parse("\"Users\"", 1));
    assertEquals(new TablePattern("`Users`", null, "Users", true, 1), TablePattern.parse("`Users`", 1));
    assertEquals(new TablePattern("\"s\".\"T\"", "s", "T", true, 1), TablePattern.parse("\"s\".\"T\"", 1));
    assertEquals(new TablePattern("\"S\".t", "S", "t", false, 1), TablePattern.parse("\"S\".t", 1));
  }

  @Test
  void quotedNamesMayHoldDotsAndDoubledQuotes() {
    TablePattern pattern = TablePattern.parse("\"a.b\".\"say \"\"hi\"\"\"", 1);
    assertEquals("a.b", pattern.schema());
    assertEquals("say \"hi\"", pattern.name());
  }

  @Test
  void globsAreRecognisedInEitherPart() {
    assertTrue(TablePattern.parse("audit_*", 1).isGlob());
    assertTrue(TablePattern.parse("log_?", 1).isGlob());
    assertTrue(TablePattern.parse("*.logs", 1).isGlob());
    assertFalse(TablePattern.parse("logs", 1).isGlob());
  }

  @Test
  void malformedEntriesSayWhatIsWrong() {
    assertInvalid("", "empty");
    assertInvalid(".users", "empty name part");
    assertInvalid("users.", "empty name part");
    assertInvalid("a.b.c", "3 dot-separated parts");
    assertInvalid("\"Users", "not closed");
    assertInvalid("\"Users\"x", "followed by '.'");
    assertInvalid("us\"ers\"", "quote may only start");
    assertInvalid("my table", "cannot contain spaces");
    assertInvalid("\"\"", "empty name part");
  }

  private static void assertInvalid(String entry, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TablePattern.parse(entry, 1));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
