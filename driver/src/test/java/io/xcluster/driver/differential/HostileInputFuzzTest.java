package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.xcluster.testing.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated statements (random queries of the generator with characters cut, doubled, swapped or
 * inserted, SQL fragments spliced in, parentheses nested past the parser's limit, and one huge statement)
 * each end in rows or an SQLException, quickly: never another exception, a StackOverflowError or a hang.
 * Every statement runs on a read-only connection and begins with SELECT, WITH or a parenthesis, so no
 * mutation can write to the shared fixtures. The seed is {@code xcluster.fuzz.seed}; a failure names it.
 */
@AcrossTopologies
class HostileInputFuzzTest extends DifferentialCases {
  private static final long SEED = Long.getLong("xcluster.fuzz.seed", 20_261_121L);
  private static final int STATEMENTS = Integer.getInteger("xcluster.fuzz.count", 1_500);
  private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(10);
  private static final List<String> FRAGMENTS = List.of("(", ")", "'", "\"", "`", ",", "?", "--", "/*", "*/",
      ";", "\\", " SELECT ", " FROM ", " WHERE ", " AND ", " OR ", " NOT ", " NULL ", " IN ", " EXISTS ",
      " UNION ", " JOIN ", " ON ", " GROUP BY ", " ORDER BY ", " LIMIT ", " 1e309 ", " 99999999999999999999 ",
      " 'x''y' ", " CASE WHEN ", " END ", " é ", " 0x7f ", " (SELECT 1) ", " * ", " / 0 ", " :: ", " $1 ");

  @Test
  void mutatedStatementsEndInRowsOrAnSqlException() throws SQLException {
    Random random = new Random(SEED);
    RandomQueryGenerator generator = new RandomQueryGenerator(topology.topology(), topology.data());
    int rows = 0;
    int refused = 0;
    try (Connection connection = DriverManager.getConnection(diff.loaded().jdbcUrl() + "?parseTimeoutMillis=2000")) {
      connection.setReadOnly(true);
      for (int i = 0; i < STATEMENTS; i++) {
        String sql = mutate(generator.generate(SEED, i).sql(), random);
        if (!readsOnly(sql)) {
          continue;
        }
        boolean answered = run(connection, sql, random.nextBoolean(), i);
        rows += answered ? 1 : 0;
        refused += answered ? 0 : 1;
      }
      for (String extreme : extremes()) {
        run(connection, extreme, false, -1);
      }
      assertFalse(Sql.rows(connection.createStatement().executeQuery("SELECT COUNT(*) FROM users")).isEmpty(),
          "the connection still serves");
    }
    assertTrue(rows > 0 && refused > 0, "the mutations both keep and break statements: " + rows + " answered, "
        + refused + " refused");
  }

  /** Runs one statement to its end; answers whether it returned rows (else it failed with an SQLException). */
  private static boolean run(Connection connection, String sql, boolean prepared, int index) {
    long started = System.nanoTime();
    try {
      if (prepared) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          drain(statement.executeQuery());
        }
      } else {
        try (Statement statement = connection.createStatement()) {
          if (statement.execute(sql)) {
            drain(statement.getResultSet());
          }
        }
      }
      return true;
    } catch (SQLException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(), "a message for " + sql);
      return false;
    } catch (Throwable other) {
      fail("statement #" + index + " (seed " + SEED + ") ended in " + other + " instead of rows or an"
          + " SQLException: " + abbreviate(sql), other);
      return false;
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(took.compareTo(SLOWEST_ALLOWED) < 0, "statement #" + index + " took " + took + ": "
          + abbreviate(sql));
    }
  }

  private static void drain(ResultSet results) throws SQLException {
    try (results) {
      int columns = results.getMetaData().getColumnCount();
      while (results.next()) {
        for (int column = 1; column <= columns; column++) {
          results.getObject(column);
        }
      }
    }
  }

  private static String mutate(String sql, Random random) {
    String mutated = sql;
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && !mutated.isEmpty(); m++) {
      int at = random.nextInt(mutated.length());
      int span = Math.min(mutated.length() - at, 1 + random.nextInt(12));
      mutated = switch (random.nextInt(6)) {
        case 0 -> mutated.substring(0, at) + mutated.substring(at + span);
        case 1 -> mutated.substring(0, at + span) + mutated.substring(at, at + span) + mutated.substring(at + span);
        case 2 -> mutated.substring(0, at) + FRAGMENTS.get(random.nextInt(FRAGMENTS.size())) + mutated.substring(at);
        case 3 -> mutated.substring(0, at);
        case 4 -> swap(mutated, at, span, random);
        default -> mutated.substring(0, at) + (char) (32 + random.nextInt(95)) + mutated.substring(at);
      };
    }
    return mutated;
  }

  private static String swap(String sql, int at, int span, Random random) {
    int other = random.nextInt(sql.length());
    int otherSpan = Math.min(sql.length() - other, span);
    if (other < at + span && at < other + otherSpan) {
      return sql;
    }
    int first = Math.min(at, other);
    int second = Math.max(at, other);
    int firstSpan = first == at ? span : otherSpan;
    int secondSpan = first == at ? otherSpan : span;
    return sql.substring(0, first) + sql.substring(second, second + secondSpan)
        + sql.substring(first + firstSpan, second) + sql.substring(first, first + firstSpan)
        + sql.substring(second + secondSpan);
  }

  /** Only statements that cannot write: the mutated text must still start as a query. */
  private static boolean readsOnly(String sql) {
    String start = sql.stripLeading().toUpperCase(Locale.ROOT);
    return start.startsWith("SELECT") || start.startsWith("WITH") || start.startsWith("(");
  }

  /** Nesting past the parser's limit, a huge condition list, and a long literal key. */
  private static List<String> extremes() {
    List<String> extremes = new ArrayList<>();
    extremes.add("SELECT u.id FROM users u JOIN posts p ON p.user_id = u.id WHERE " + "(".repeat(300) + "u.id = 1"
        + ")".repeat(300));
    extremes.add("SELECT u.id FROM users u JOIN posts p ON p.user_id = u.id WHERE u.id = 1"
        + " AND p.id > 0".repeat(3_000));
    extremes.add("SELECT u.id FROM users u JOIN posts p ON p.user_id = u.id WHERE u.name = '"
        + "x'' OR ''1''=''1".repeat(5_000) + "'");
    return extremes;
  }

  private static String abbreviate(String sql) {
    return sql.length() <= 300 ? sql : sql.substring(0, 300) + "... (" + sql.length() + " chars)";
  }
}
