package io.xcluster.driver.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DistinctKeysTest {
  @Test
  void longKeysAreSeenOnceIncludingZeroAndTheExtremes() {
    DistinctKeys keys = new DistinctKeys(6);
    for (long key : new long[] {0L, Long.MIN_VALUE, Long.MAX_VALUE, -1L}) {
      assertTrue(keys.add(key), "first " + key);
    }
    assertFalse(keys.add(0L));
    assertFalse(keys.add(Long.MIN_VALUE));
  }

  /** The switch to the boxed set keeps what was seen: the Longs before it are still known after it. */
  @Test
  void aKeyOfAnotherClassKeepsTheLongsSeenBeforeIt() {
    DistinctKeys keys = new DistinctKeys(5);
    assertTrue(keys.add(7L));
    assertTrue(keys.add(8L));
    assertTrue(keys.add("7"));
    assertFalse(keys.add(7L));
    assertFalse(keys.add("7"));
    assertTrue(keys.add(9L));
  }

  @Test
  void answersAsAHashSetDoesForManyCollidingKeys() {
    Random random = new Random(5);
    List<Object> stream = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      stream.add(random.nextInt(4) == 0 ? (long) random.nextInt(3_000) * 4_096 : (long) random.nextInt(9_000));
    }
    stream.add(12_000, "switch");
    DistinctKeys keys = new DistinctKeys(stream.size());
    Set<Object> expected = new HashSet<>();
    for (Object key : stream) {
      assertEquals(expected.add(key), keys.add(key), "key " + key);
    }
  }
}
