package io.xcluster.rewriter.parse;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses exactly one SQL statement with JSqlParser within a time limit.
 *
 * <p>JSqlParser first parses without "complex parsing" and, when that fails on a shallow statement,
 * retries with it; the limit covers both attempts together, so a statement never costs more than
 * {@code timeoutMillis}. Parentheses nested more than {@link #MAX_NESTING_DEPTH} levels are refused
 * without parsing, and a stack overflow inside the parser is reported as unparsable SQL. Thread-safe.
 *
 * <p>Where the parse runs: a statement of at most {@value #INLINE_MAX_LENGTH} characters nested at most
 * {@value #INLINE_MAX_DEPTH} levels deep (nearly every statement an application sends) parses on the
 * calling thread, because handing it to another thread costs two thread wake-ups, 50 to 80 µs on a small
 * machine, as much as the parse itself. JSqlParser's time grows with length and depth; within those bounds
 * a parse took at most a few milliseconds even for the worst inputs we tried, and a {@link ParseWatchdog}
 * still stops it at its deadline. Longer or deeper statements parse on a shared pool ({@link
 * ParserThreads}), where the caller gets its answer at the deadline whatever the parser is doing.
 */
public final class SqlParser {
  public static final int MAX_NESTING_DEPTH = 256;
  static final int INLINE_MAX_LENGTH = 8_192;
  static final int INLINE_MAX_DEPTH = 10;
  private static final ExecutorService CALLER_THREAD = new CallerThreadExecutor();

  private final long timeoutMillis;

  public SqlParser(long timeoutMillis) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("parse timeout must be positive, was " + timeoutMillis);
    }
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * @return the statement, or where and why it cannot be parsed
   * @throws XClusterException SYNTAX_ERROR when parsing takes longer than the limit, QUERY_CANCELED when
   *     the calling thread is interrupted, FEATURE_NOT_SUPPORTED when the string holds several statements
   */
  public ParseResult parse(String sql) {
    if (sql.isBlank()) {
      return new ParseResult.Unparsable(1, 1, "the SQL is empty");
    }
    OptionalInt tooDeep = NestingDepth.firstBeyond(sql, MAX_NESTING_DEPTH);
    if (tooDeep.isPresent()) {
      SqlPosition at = SqlPosition.at(sql, tooDeep.getAsInt());
      return new ParseResult.Unparsable(at.line(), at.column(),
          "parentheses nested more than " + MAX_NESTING_DEPTH + " levels deep (too deeply nested)");
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    boolean inline = sql.length() <= INLINE_MAX_LENGTH && NestingDepth.firstBeyond(sql, INLINE_MAX_DEPTH).isEmpty();
    return inline ? parseInline(sql, deadline) : parseOnPool(sql, deadline);
  }

  /** Parses on the calling thread under the watchdog; {@code deadline} is on {@link System#nanoTime()}'s scale. */
  ParseResult parseInline(String sql, long deadline) {
    AtomicReference<CCJSqlParser> used = new AtomicReference<>();
    Statement statement;
    try (ParseWatchdog.Watch watch = ParseWatchdog.watch(deadline)) {
      try {
        statement = CCJSqlParserUtil.parse(sql, CALLER_THREAD, parser -> {
          used.set(parser);
          watch.parsing(parser);
        });
      } catch (JSQLParserException failure) {
        if (watch.expired()) {
          throw ParseFailures.timedOut(timeoutMillis, failure);
        }
        return ParseFailures.unparsable(failure, timeoutMillis);
      }
      if (watch.expired()) {
        throw ParseFailures.timedOut(timeoutMillis, null);
      }
    }
    return parsed(used.get(), statement);
  }

  private ParseResult parseOnPool(String sql, long deadline) {
    AtomicReference<CCJSqlParser> used = new AtomicReference<>();
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(sql, ParserThreads.pool(), parser -> prepare(parser, deadline, used));
    } catch (JSQLParserException failure) {
      return ParseFailures.unparsable(failure, timeoutMillis);
    }
    return parsed(used.get(), statement);
  }

  private static ParseResult parsed(CCJSqlParser parser, Statement statement) {
    if (statement == null) {
      return new ParseResult.Unparsable(1, 1, "the SQL holds no statement");
    }
    return onlyStatement(parser, statement);
  }

  /** Called by JSqlParser for each attempt: the retry gets only the time the first attempt left. */
  private static void prepare(CCJSqlParser parser, long deadline, AtomicReference<CCJSqlParser> used) {
    long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    parser.withTimeOut(Math.max(1, leftMillis));
    used.set(parser);
  }

  /** JSqlParser stops after the first statement's ';', silently ignoring what follows: refuse that. */
  private static ParseResult onlyStatement(CCJSqlParser parser, Statement statement) {
    Token next;
    try {
      next = parser.getNextToken();
      while (next.kind == CCJSqlParserConstants.ST_SEMICOLON) {
        next = parser.getNextToken();
      }
    } catch (TokenMgrException garbage) {
      return ParseFailures.fromMessage(garbage.getMessage());
    }
    if (next.kind != CCJSqlParserConstants.EOF) {
      throw severalStatements(next);
    }
    return new ParseResult.Parsed(statement);
  }

  private static XClusterException severalStatements(Token next) {
    return new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, "the SQL holds more than one statement"
        + " (the next one starts at line " + next.beginLine + ", column " + next.beginColumn + ")."
        + " Fix: execute one statement per call, or add a leading /* xcluster:cluster=NAME */ hint to send"
        + " the whole string to one cluster");
  }
}
