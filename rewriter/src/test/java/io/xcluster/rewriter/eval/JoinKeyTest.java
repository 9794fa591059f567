package io.xcluster.rewriter.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hash keys equal exactly when the database's = is TRUE. */
class JoinKeyTest {

  private static JoinKey key(Object... values) {
    return JoinKey.of(values).orElseThrow();
  }

  @Test
  void integralValuesOfEveryJavaTypeAreOneKey() {
    Set<JoinKey> keys = new HashSet<>(List.of(key(1), key(1L), key((short) 1), key(BigInteger.ONE),
        key(new BigDecimal("1")), key(new BigDecimal("1.00")), key(1.0), key(1.0f)));
    assertEquals(1, keys.size());
  }

  @Test
  void fractionalDecimalsIgnoreTrailingZeros() {
    assertEquals(key(new BigDecimal("2.50")), key(new BigDecimal("2.5")));
    assertEquals(key(new BigDecimal("2.50")).hashCode(), key(new BigDecimal("2.5000")).hashCode());
    assertNotEquals(key(new BigDecimal("2.5")), key(2L));
    assertEquals(key(new BigDecimal("0.000")), key(0));
  }

  @Test
  void largeValuesStayExact() {
    assertEquals(key(Long.MAX_VALUE), key(new BigDecimal(Long.MAX_VALUE).setScale(2)));
    assertEquals(key(new BigInteger("99999999999999999999")), key(new BigDecimal("99999999999999999999.0")));
    assertNotEquals(key(Long.MAX_VALUE), key(new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE)));
  }

  @Test
  void nullComponentNeverMatches() {
    assertEquals(Optional.empty(), JoinKey.of(1L, null));
    assertEquals(Optional.empty(), JoinKey.of((Object) null));
  }

  @Test
  void multiColumnKeysCompareEveryPart() {
    assertEquals(key(1, "a"), key(1L, "a"));
    assertNotEquals(key(1, "a"), key(1, "b"));
    assertNotEquals(key(1, "a"), key("a", 1));
  }

  @Test
  void textIsCaseSensitiveAndKeepsTrailingSpaces() {
    // PostgreSQL's deterministic collations; MySQL's defaults would match these (the planner's concern).
    assertNotEquals(key("Bob"), key("bob"));
    assertNotEquals(key("a"), key("a "));
  }

  @Test
  void temporalValuesCompareByValue() {
    assertEquals(key(LocalDate.of(2024, 1, 31)), key(LocalDateTime.of(2024, 1, 31, 0, 0)));
    OffsetDateTime utc = OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC);
    assertEquals(key(utc), key(utc.withOffsetSameInstant(ZoneOffset.ofHours(-5))));
  }

  @Test
  void bytesCompareByContentAndUuidsByValue() {
    assertEquals(key(new byte[] {1, 2}), key(new byte[] {1, 2}));
    assertNotEquals(key(new byte[] {1, 2}), key(new byte[] {1, 3}));
    UUID id = UUID.randomUUID();
    assertEquals(key(id), key(UUID.fromString(id.toString())));
  }

  @Test
  void keysOfDifferentFamiliesNeverMatchAndSayWhy() {
    assertNotEquals(key("1"), key(1L));
    assertNotEquals(key(true), key(1L));
    assertEquals(List.of(Optional.of(JoinKey.Family.NUMBER), Optional.of(JoinKey.Family.TEXT)),
        key(1, "a").families());
  }

  @Test
  void fractionalFloatJoinKeysAreRefused() {
    // 0.1::numeric = 0.1::float8 is TRUE in PostgreSQL (numeric rounded to double): no hash reproduces that.
    XClusterException refusal = assertThrows(XClusterException.class, () -> JoinKey.of(0.1));
    assertEquals(SqlState.FEATURE_NOT_SUPPORTED, refusal.state());
    assertTrue(refusal.getMessage().contains("floating-point"), refusal.getMessage());
    assertThrows(XClusterException.class, () -> JoinKey.of(1e300));
    assertThrows(XClusterException.class, () -> JoinKey.of(Double.NaN));
  }

  @Test
  void groupingKeysKeepNullsTogether() {
    assertEquals(JoinKey.grouping(Arrays.asList(null, 1)), JoinKey.grouping(Arrays.asList(null, 1L)));
    assertNotEquals(JoinKey.grouping(Arrays.asList(null, 1)), JoinKey.grouping(Arrays.asList(0, 1)));
    assertEquals(JoinKey.grouping(List.of(0.1)), JoinKey.grouping(List.of(0.1)));
    assertEquals(JoinKey.grouping(List.of(Double.NaN)), JoinKey.grouping(List.of(Double.NaN)));
    assertEquals(JoinKey.grouping(List.of(-0.0)), JoinKey.grouping(List.of(0.0)));
    assertEquals(List.of(Optional.empty()), JoinKey.grouping(Arrays.asList((Object) null)).families());
  }

  @Test
  void unknownJavaTypesAreRefused() {
    assertThrows(XClusterException.class, () -> JoinKey.of(new Object()));
  }

  @Test
  void aSinglePartKeyIsEqualExactlyWhenItsJoinKeyWouldBe() {
    List<Object> values = List.of(1, 1L, (short) 1, BigInteger.ONE, new BigDecimal("1.00"), 1.0, 2L,
        new BigDecimal("2.5"), new BigDecimal("2.50"), "1", "a", LocalDate.of(2024, 1, 1),
        LocalDateTime.of(2024, 1, 1, 0, 0), new byte[] {1}, new byte[] {1});
    for (Object a : values) {
      for (Object b : values) {
        assertEquals(key(a).equals(key(b)), JoinKey.ofPart(a).equals(JoinKey.ofPart(b)), a + " vs " + b);
      }
    }
    assertEquals(null, JoinKey.ofPart(null));
  }

  @Test
  void aSingleGroupingPartGroupsNullsTogether() {
    assertEquals(JoinKey.groupingPart(null), JoinKey.groupingPart(null));
    assertEquals(JoinKey.groupingPart(3), JoinKey.groupingPart(new BigDecimal("3.0")));
    assertNotEquals(JoinKey.groupingPart(null), JoinKey.groupingPart(0));
    assertEquals(JoinKey.groupingPart(2.5), JoinKey.groupingPart(2.5)); // floats group, though they never join
  }
}
