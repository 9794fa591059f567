package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.fail;

import io.xcluster.testing.ClusterPlacement;
import io.xcluster.testing.LoadedTopology;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the same query on an actual side (xcluster over the split clusters) and an expected side
 * (the colocated database holding every table with the same data) and fails with a readable diff
 * unless both return the same columns and rows.
 *
 * <pre>{@code
 * try (Differential diff = Differential.of(RailsFixtures.shared(Topology.pgMysql()))) {
 *   diff.unordered("SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id");
 * }
 * }</pre>
 *
 * <p>Column types are compared {@linkplain TypeCheck#EXACT exactly} when every cluster runs the
 * colocated database's engine, by {@linkplain TypeCheck#FAMILY family} otherwise. Not thread-safe:
 * each side keeps one connection.
 */
final class Differential implements AutoCloseable {
  private final LoadedTopology loaded;
  private final QuerySource actual;
  private final QuerySource expected;
  private final TypeCheck typeCheck;

  Differential(
      LoadedTopology loaded, QuerySource actual, QuerySource expected, TypeCheck typeCheck) {
    this.loaded = loaded;
    this.actual = actual;
    this.expected = expected;
    this.typeCheck = typeCheck;
  }

  /** xcluster on {@code loaded}'s clusters against its colocated database. */
  static Differential of(LoadedTopology loaded) {
    return new Differential(
        loaded, QuerySource.xcluster(loaded), QuerySource.colocated(loaded), typeCheckFor(loaded));
  }

  /** {@link QuerySource#xclusterThroughCursors} on {@code loaded}'s clusters against its colocated database. */
  static Differential throughCursors(LoadedTopology loaded, io.xcluster.driver.QueryListener listener)
      throws java.io.IOException {
    return new Differential(loaded, QuerySource.xclusterThroughCursors(loaded, listener),
        QuerySource.colocated(loaded), typeCheckFor(loaded));
  }

  /**
   * The colocated database against itself, with exact types: a harness check that must pass for any
   * query, cross-cluster or not.
   */
  static Differential selfCheck(LoadedTopology loaded) {
    return selfCheck(loaded, TypeCheck.EXACT);
  }

  /** The colocated database against itself, with {@code typeCheck}. */
  static Differential selfCheck(LoadedTopology loaded, TypeCheck typeCheck) {
    return new Differential(
        loaded, QuerySource.colocated(loaded), QuerySource.colocated(loaded), typeCheck);
  }

  /** {@link TypeCheck#EXACT} when every cluster runs the colocated database's engine. */
  static TypeCheck typeCheckFor(LoadedTopology loaded) {
    boolean oneEngine =
        loaded.topology().clusters().stream()
            .map(ClusterPlacement::dialect)
            .allMatch(dialect -> dialect == loaded.topology().colocated().dialect());
    return oneEngine ? TypeCheck.EXACT : TypeCheck.FAMILY;
  }

  LoadedTopology loaded() {
    return loaded;
  }

  TypeCheck typeCheck() {
    return typeCheck;
  }

  /** {@link #check(DiffQuery)} of {@code sql} with a total ORDER BY. */
  ResultTable ordered(String sql, Param... params) {
    return check(withParams(DiffQuery.ordered(sql), params));
  }

  /** {@link #check(DiffQuery)} of {@code sql} whose rows compare as a multiset. */
  ResultTable unordered(String sql, Param... params) {
    return check(withParams(DiffQuery.unordered(sql), params));
  }

  private static DiffQuery withParams(DiffQuery query, Param... params) {
    return params.length == 0 ? query : query.with(params);
  }

  /** {@link #check(DiffQuery, String)} without extra context. */
  ResultTable check(DiffQuery query) {
    return check(query, "");
  }

  /**
   * Runs {@code query} on both sides and fails unless they agree.
   *
   * @param context appended to the failure's header, e.g. a random seed and query index
   * @return the expected result, for cases that assert something about the data itself
   */
  ResultTable check(DiffQuery query, String context) {
    return checkAgainst(query, query.sql(), context);
  }

  /**
   * As {@link #check(DiffQuery, String)}, but the actual side runs {@code actualSql} instead of the
   * query's own SQL: for the harness's tests, which must see it fail on a deliberate difference.
   */
  ResultTable checkAgainst(DiffQuery query, String actualSql, String context) {
    ResultTable want = run(expected, query.sql(), query, context);
    ResultTable got = run(actual, actualSql, query, context);
    Optional<String> differences =
        ResultComparison.differences(want, got, query.order(), typeCheck);
    if (differences.isPresent()) {
      String substitute =
          actualSql.equals(query.sql()) ? "" : "  actual side ran instead: " + actualSql + "\n";
      fail(
          header("mismatch", query, context)
              + substitute
              + rowCounts(want, got)
              + differences.get());
    }
    if (want.rows().isEmpty() && !query.allowEmpty()) {
      fail(
          header("empty expected result", query, context)
              + "both sides returned no rows, which proves nothing; change the case so the"
              + " colocated database returns rows, or mark it allowingEmpty()");
    }
    return want;
  }

  /**
   * Asserts that xcluster refuses {@code sql} with a {@link SQLFeatureNotSupportedException} of
   * SQLState {@code 0A000} whose message names the construct by at least one of {@code anyOf}
   * (ignoring case), while the colocated database answers it (so the SQL itself is valid).
   */
  SQLFeatureNotSupportedException assertRefused(String sql, String... anyOf) {
    DiffQuery query = DiffQuery.unordered(sql).allowingEmpty();
    run(expected, sql, query, "");
    ResultTable answered;
    try {
      answered = actual.run(sql, query);
    } catch (SQLFeatureNotSupportedException refused) {
      String message = String.valueOf(refused.getMessage());
      if (!"0A000".equals(refused.getSQLState())) {
        fail(
            header("refusal with the wrong SQLState", query, "")
                + "SQLState "
                + refused.getSQLState()
                + " instead of 0A000: "
                + message,
            refused);
      }
      String lower = message.toLowerCase(Locale.ROOT);
      if (Arrays.stream(anyOf).noneMatch(word -> lower.contains(word.toLowerCase(Locale.ROOT)))) {
        fail(
            header("refusal that does not name the construct", query, "")
                + "the message names none of "
                + Arrays.toString(anyOf)
                + ": "
                + message,
            refused);
      }
      return refused;
    } catch (SQLException | RuntimeException other) {
      return fail(
          header("wrong refusal", query, "")
              + "expected SQLFeatureNotSupportedException (0A000), got "
              + describe(other),
          other);
    }
    return fail(
        header("answer instead of a refusal", query, "")
            + actual.name()
            + " returned "
            + answered.rowCount()
            + " row(s) instead of refusing with"
            + " SQLFeatureNotSupportedException (0A000)");
  }

  /**
   * Asserts that {@code sql} fails on the colocated database and through xcluster with the same
   * SQLState: an error the database would report must not become an answer, nor a different error.
   */
  SQLException assertSameError(String sql) {
    DiffQuery query = DiffQuery.unordered(sql).allowingEmpty();
    SQLException want = failure(expected, sql, query);
    SQLException got = failure(actual, sql, query);
    if (!String.valueOf(want.getSQLState()).equals(got.getSQLState())) {
      fail(
          header("a different error", query, "")
              + "colocated: "
              + describe(want)
              + "\nxcluster:  "
              + describe(got),
          got);
    }
    return got;
  }

  private SQLException failure(QuerySource source, String sql, DiffQuery query) {
    try {
      ResultTable answered = source.run(sql, query);
      return fail(
          header("an answer instead of an error", query, "")
              + source.name()
              + " returned "
              + answered.rowCount()
              + " row(s)");
    } catch (SQLException expectedFailure) {
      return expectedFailure;
    }
  }

  /**
   * Runs on one side; any exception, checked or not (a driver bug may surface as a runtime
   * exception), becomes a failure that names the side and the query.
   */
  private ResultTable run(QuerySource source, String sql, DiffQuery query, String context) {
    try {
      return source.run(sql, query);
    } catch (SQLException | RuntimeException e) {
      String blame =
          source == expected && source != actual
              ? " (the SQL is wrong for the colocated database: a bug in the test, not in xcluster)"
              : "";
      return fail(
          header("error", query, context) + source.name() + " threw " + describe(e) + blame, e);
    }
  }

  private String header(String what, DiffQuery query, String context) {
    String extra = context.isEmpty() ? "" : ", " + context;
    return "Differential "
        + what
        + " [topology "
        + loaded.topology().name()
        + ", fixture seed "
        + loaded.data().seed()
        + ", types "
        + typeCheck
        + extra
        + "]\n"
        + "  SQL:  "
        + query.sql()
        + "\n"
        + "  via:  "
        + query.execution()
        + "\n";
  }

  private String rowCounts(ResultTable want, ResultTable got) {
    return "  rows: expected "
        + want.rowCount()
        + " ("
        + expected.name()
        + "), actual "
        + got.rowCount()
        + " ("
        + actual.name()
        + ")\n";
  }

  private static String describe(Exception e) {
    String state = e instanceof SQLException sql ? " [SQLState " + sql.getSQLState() + "]" : "";
    return e.getClass().getName() + state + ": " + e.getMessage();
  }

  @Override
  public void close() throws SQLException {
    try {
      actual.close();
    } finally {
      expected.close();
    }
  }

  /** The topology's name, as parameterised test names show it. */
  @Override
  public String toString() {
    return loaded.topology().name();
  }
}
