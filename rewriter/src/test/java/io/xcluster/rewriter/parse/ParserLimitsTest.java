package io.xcluster.rewriter.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

class ParserLimitsTest {
  private final SqlParser parser = new SqlParser(10_000);

  private static String nested(int depth) {
    return "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth) + " FROM posts";
  }

  @Test
  void deeplyNestedParenthesesAreRefusedQuicklyInsteadOfOverflowingTheStack() {
    ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> parser.parse(nested(5_000)));
    ParseResult.Unparsable failure = assertInstanceOf(ParseResult.Unparsable.class, result);
    assertEquals(1, failure.line());
    assertEquals(8 + SqlParser.MAX_NESTING_DEPTH, failure.column());
    assertTrue(failure.reason().contains("too deeply nested"), failure.reason());
  }

  @Test
  void nestingWithinTheLimitParses() {
    assertInstanceOf(ParseResult.Parsed.class, parser.parse(nested(200)));
  }

  @Test
  void parenthesesInLiteralsIdentifiersAndCommentsDoNotCount() {
    String many = "(".repeat(SqlParser.MAX_NESTING_DEPTH + 1);
    String sql = "SELECT '" + many + "' AS \"" + many + "\" /* " + many + " */ FROM posts -- " + many;
    assertInstanceOf(ParseResult.Parsed.class, parser.parse(sql));
  }

  @Test
  void aStackOverflowInsideTheParserIsUnparsableSql() {
    JSQLParserException overflow = new JSQLParserException(new ExecutionException(new StackOverflowError()));
    assertTrue(ParseFailures.unparsable(overflow, 10).reason().contains("too deeply nested"));
  }

  @Test
  void aParseErrorNamesTheLineAndColumnOfTheOffendingToken() {
    ParseResult.Unparsable failure =
        assertInstanceOf(ParseResult.Unparsable.class, parser.parse("SELECT *\n  FROM posts\n WHERE id = = 1"));
    assertEquals("cannot parse SQL at line 3, column 13: unexpected '='", failure.describe());
  }

  @Test
  void aStatementCutShortIsReportedAtItsEnd() {
    ParseResult.Unparsable failure =
        assertInstanceOf(ParseResult.Unparsable.class, parser.parse("SELECT * FROM posts WHERE a = 1 AND"));
    assertEquals("cannot parse SQL at line 1, column 35: unexpected end of SQL", failure.describe());
  }

  @Test
  void aMisspelledKeywordIsReportedAtItsPosition() {
    ParseResult.Unparsable failure = assertInstanceOf(ParseResult.Unparsable.class, parser.parse("SELEC * FROM t"));
    assertEquals("cannot parse SQL at line 1, column 1: unexpected 'SELEC'", failure.describe());
  }

  @Test
  void anUnterminatedStringIsALexicalErrorWithAPosition() {
    ParseResult.Unparsable failure =
        assertInstanceOf(ParseResult.Unparsable.class, parser.parse("SELECT 'abc FROM posts"));
    assertEquals(1, failure.line());
    assertTrue(failure.reason().contains("unterminated"), failure.reason());
  }

  @Test
  void aParseThatOutlastsTheLimitIsASyntaxErrorNamingTheLimit() {
    String values = IntStream.range(0, 200_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
    String sql = "SELECT * FROM posts WHERE id IN (" + values + ")";
    XClusterException error = assertThrows(XClusterException.class, () -> new SqlParser(1).parse(sql));
    assertEquals(SqlState.SYNTAX_ERROR, error.state());
    assertTrue(error.getMessage().contains("longer than 1 ms"), error.getMessage());
  }

  @Test
  void longStatementsParseOnSharedDaemonThreads() {
    String longSql = "SELECT 1 AS one" + " ".repeat(SqlParser.INLINE_MAX_LENGTH);
    assertInstanceOf(ParseResult.Parsed.class, parser.parse(longSql));
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().startsWith("xcluster-parser-") && thread.isDaemon()));
  }

  @Test
  void aShortStatementPastItsDeadlineIsStoppedAndReportedAsATimeout() {
    XClusterException error = assertThrows(XClusterException.class,
        () -> parser.parseInline("SELECT id FROM posts WHERE id = 1", System.nanoTime() - 1));
    assertEquals(SqlState.SYNTAX_ERROR, error.state());
    assertTrue(error.getMessage().contains("longer than 10000 ms"), error.getMessage());
  }

  @Test
  void theWatchdogRaisesTheFlagOfAParseThatOutlivesItsDeadline() throws Exception {
    long now = System.nanoTime();
    CCJSqlParser running = CCJSqlParserUtil.newParser("SELECT 1");
    try (ParseWatchdog.Watch watch = ParseWatchdog.watch(now + TimeUnit.HOURS.toNanos(1))) {
      watch.parsing(running);
      ParseWatchdog.sweep(now);
      assertFalse(watch.expired());
      assertFalse(running.interrupted);
      ParseWatchdog.sweep(now + TimeUnit.HOURS.toNanos(2));
      assertTrue(watch.expired());
      assertTrue(running.interrupted);
    }
  }
}
