package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnownKeysTest {
  private static final List<String> KEYS = List.of("url", "username", "password", "pool", "tables");

  @Test
  void suggestsTheClosestKeyWithinTwoEdits() {
    assertEquals(Optional.of("tables"), KnownKeys.closest("tabels", KEYS));
    assertEquals(Optional.of("password"), KnownKeys.closest("PASSWD", KEYS));
    assertEquals(Optional.of("url"), KnownKeys.closest("uri", KEYS));
  }

  @Test
  void suggestsNothingWhenEveryKeyIsFar() {
    assertEquals(Optional.empty(), KnownKeys.closest("routing", KEYS));
  }
}
