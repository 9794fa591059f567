package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.testing.LoadedTopology;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The harness must fail on every kind of difference it claims to catch, and only on those. The
 * colocated database is compared with itself, the actual side running a deliberately altered query
 * where a failure is wanted; a MariaDB cluster compared with PostgreSQL shows the normalisation.
 */
class HarnessSelfTest {
  private static final String USERS_BY_ID = "SELECT id, name FROM users ORDER BY id";
  private static LoadedTopology pgPg;
  private static LoadedTopology pgMysql;
  private Differential self;

  @BeforeAll
  static void load() throws SQLException {
    pgPg = Topologies.pgPg();
    pgMysql = Topologies.pgMysql();
  }

  @BeforeEach
  void open() {
    self = Differential.selfCheck(pgPg);
  }

  @AfterEach
  void close() throws SQLException {
    self.close();
  }

  private static String failure(Executable executable) {
    return assertThrows(AssertionError.class, executable, "the harness must fail").getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' missing from:\n" + message);
    }
  }

  @Test
  void identicalQueriesAgreeIncludingJoinsNullsAndParameters() {
    self.unordered("SELECT u.id, p.id, p.score FROM users u JOIN posts p ON p.user_id = u.id");
    self.ordered(
        "SELECT h.id, d.id FROM humans h LEFT JOIN dogs d ON d.human_id = h.id"
            + " ORDER BY h.id, d.id NULLS FIRST");
    self.ordered("SELECT id, created_at FROM users WHERE id <= ? ORDER BY id", Param.ofLong(5));
    self.check(DiffQuery.unordered("SELECT * FROM treats").viaPreparedStatement());
  }

  @Test
  void wrongValueInOneRowIsDetectedAtItsPosition() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.ordered(USERS_BY_ID),
                    "SELECT id, CASE WHEN id = 7 THEN 'mallory' ELSE name END AS name"
                        + " FROM users ORDER BY id",
                    ""));
    assertMentions(message, "rows differ from position 7", "#7 (7, 'frank')", "#7 (7, 'mallory')");
  }

  @Test
  void wrongValueIsDetectedInUnorderedComparisonToo() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.unordered("SELECT id, score FROM users"),
                    "SELECT id, CASE WHEN id = 3 THEN 45 ELSE score END AS score FROM users",
                    ""));
    assertMentions(message, "1 expected row(s) missing, 1 unexpected row(s)", "(3, 44)", "(3, 45)");
  }

  @Test
  void missingRowIsReportedWithBothRowCounts() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.unordered("SELECT id, name FROM users"),
                    "SELECT id, name FROM users WHERE id <> 7",
                    ""));
    assertMentions(
        message,
        "rows: expected 20 (",
        "actual 19 (",
        "missing (only expected):\n    (7, 'frank')");
  }

  @Test
  void multisetComparisonCountsDuplicates() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.unordered("SELECT name FROM users"),
                    "SELECT DISTINCT name FROM users",
                    ""));
    assertMentions(
        message,
        "10 expected row(s) missing, 0 unexpected row(s)",
        "('dave')\n    ('dave')",
        "unexpected (only actual): none");
  }

  @Test
  void wrongLabelIsDetected() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.ordered(USERS_BY_ID),
                    "SELECT id, name AS nickname FROM users ORDER BY id",
                    ""));
    assertMentions(message, "column 2: expected name", "actual nickname", "label differs");
  }

  @Test
  void labelsCompareIgnoringCase() {
    self.checkAgainst(
        DiffQuery.ordered(USERS_BY_ID),
        "SELECT id AS \"ID\", name AS \"Name\" FROM users ORDER BY id",
        "");
  }

  @Test
  void extraColumnIsDetected() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.ordered(USERS_BY_ID),
                    "SELECT id, name, email FROM users ORDER BY id",
                    ""));
    assertMentions(message, "column count: expected 2 [id, name], actual 3 [id, name, email]");
  }

  @Test
  void wrongOrderIsDetectedWhenOrdered() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.ordered(USERS_BY_ID),
                    "SELECT id, name FROM users ORDER BY id DESC",
                    ""));
    assertMentions(message, "rows differ from position 1", "the same rows in a different order");
  }

  @Test
  void orderIsIgnoredWhenUnordered() {
    self.checkAgainst(
        DiffQuery.unordered(USERS_BY_ID), "SELECT id, name FROM users ORDER BY id DESC", "");
  }

  @Test
  void exactTypesDetectIntegerInsteadOfBigint() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.ordered(USERS_BY_ID),
                    "SELECT id::int AS id, name FROM users ORDER BY id",
                    ""));
    assertMentions(message, "column 1:", "int8", "int4", "JDBC type differs");
  }

  @Test
  void familyTypesAcceptIntegerForBigintButNotTextForNumber() throws SQLException {
    try (Differential family =
        new Differential(
            pgPg, QuerySource.colocated(pgPg), QuerySource.colocated(pgPg), TypeCheck.FAMILY)) {
      family.checkAgainst(
          DiffQuery.ordered(USERS_BY_ID), "SELECT id::int AS id, name FROM users ORDER BY id", "");
      String message =
          failure(
              () ->
                  family.checkAgainst(
                      DiffQuery.ordered(USERS_BY_ID),
                      "SELECT id::text AS id, name FROM users ORDER BY id",
                      ""));
      assertMentions(message, "type family differs: number vs text");
    }
  }

  @Test
  void mariaDbRowsEqualColocatedRowsAfterNormalisation() throws SQLException {
    String sql = "SELECT * FROM posts ORDER BY id";
    try (Differential family =
            new Differential(
                pgMysql,
                QuerySource.cluster(pgMysql, "content"),
                QuerySource.colocated(pgMysql),
                TypeCheck.FAMILY);
        Differential exact =
            new Differential(
                pgMysql,
                QuerySource.cluster(pgMysql, "content"),
                QuerySource.colocated(pgMysql),
                TypeCheck.EXACT)) {
      ResultTable rows = family.ordered(sql);
      assertEquals(pgMysql.data().sizes().posts(), rows.rowCount());
      assertMentions(failure(() -> exact.ordered(sql)), "JDBC type differs");
    }
  }

  @Test
  void errorOnTheActualSideFailsWithItsSqlState() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.ordered(USERS_BY_ID), "SELECT nope FROM users ORDER BY id", ""));
    assertMentions(message, "Differential error", "threw", "42703");
  }

  @Test
  void emptyExpectedResultFailsUnlessAllowed() {
    String empty = "SELECT id FROM users WHERE id < 0";
    assertMentions(failure(() -> self.unordered(empty)), "empty expected result");
    self.check(DiffQuery.unordered(empty).allowingEmpty());
  }

  @Test
  void failureHeaderNamesTopologySeedSqlExecutionAndContext() {
    String message =
        failure(
            () ->
                self.checkAgainst(
                    DiffQuery.ordered("SELECT id FROM users WHERE id <= ? ORDER BY id")
                        .with(Param.ofInt(5)),
                    "SELECT id FROM users WHERE id < ? ORDER BY id",
                    "random seed 9, query #4"));
    assertMentions(
        message,
        "Differential mismatch [topology pg_pg, fixture seed " + pgPg.data().seed(),
        "types EXACT, random seed 9, query #4]",
        "SQL:  SELECT id FROM users WHERE id <= ? ORDER BY id",
        "via:  PreparedStatement [setInt(5)]",
        "actual side ran instead: SELECT id FROM users WHERE id < ? ORDER BY id",
        "rows: expected 5",
        "actual 4");
  }

  @Test
  void refusalAssertionFailsWhenTheQueryIsAnswered() {
    assertMentions(
        failure(() -> self.assertRefused("SELECT id FROM users", "window")),
        "answer instead of a refusal",
        "returned 20 row(s)");
  }

  @Test
  void valuesNormaliseAcrossJavaTypes() {
    Object one = Values.normalize(1);
    assertEquals(one, Values.normalize(1L));
    assertEquals(one, Values.normalize((short) 1));
    assertEquals(one, Values.normalize(new BigDecimal("1.00")));
    assertEquals(Values.normalize(0), Values.normalize(new BigDecimal("0.000")));
    assertNotEquals(one, Values.normalize("1"));
    assertNotEquals(one, Values.normalize(2L));
    LocalDateTime time = LocalDateTime.of(2024, 3, 9, 22, 17, 33, 736_257_000);
    assertEquals(time, Values.normalize(Timestamp.valueOf(time)));
    assertNotEquals(time, Values.normalize(Timestamp.valueOf(time.plusNanos(1_000))));
    assertNull(Values.normalize(null));
  }
}
