package io.xcluster.rewriter.parse;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;

/**
 * Turns JSqlParser's failures into a short, positioned {@link ParseResult.Unparsable}. JSqlParser wraps the
 * real cause (ParseException, TokenMgrException, StackOverflowError, TimeoutException) in an
 * ExecutionException inside a JSQLParserException; its own message lists every expected token, far too
 * long for a user. Running out of time or being interrupted is not a property of the SQL, so those throw.
 */
final class ParseFailures {
  private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");
  private static final int MAX_TOKEN_LENGTH = 40;

  private ParseFailures() {}

  static ParseResult.Unparsable unparsable(JSQLParserException failure, long timeoutMillis) {
    Throwable cause = rootOf(failure);
    if (cause instanceof TimeoutException || cause instanceof CancellationException) {
      throw timedOut(timeoutMillis, failure);
    }
    if (cause instanceof InterruptedException) {
      throw new XClusterException(SqlState.QUERY_CANCELED, "parsing the SQL was interrupted", failure);
    }
    if (cause instanceof StackOverflowError) {
      return tooDeeplyNested();
    }
    if (cause instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    if (cause instanceof ParseException parse && parse.currentToken != null && parse.currentToken.next != null) {
      return atToken(parse.currentToken.next);
    }
    return fromMessage(cause.getMessage());
  }

  static ParseResult.Unparsable tooDeeplyNested() {
    return new ParseResult.Unparsable(0, 0, "the statement is too deeply nested");
  }

  static XClusterException timedOut(long timeoutMillis, Throwable cause) {
    return new XClusterException(SqlState.SYNTAX_ERROR, "cannot parse SQL: parsing took longer than "
        + timeoutMillis + " ms (parseTimeoutMillis). Fix: simplify the statement, raise 'parseTimeoutMillis',"
        + " or add a leading /* xcluster:cluster=NAME */ hint so that it is not parsed", cause);
  }

  private static Throwable rootOf(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof JSQLParserException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static ParseResult.Unparsable atToken(Token token) {
    return new ParseResult.Unparsable(token.beginLine, token.beginColumn, unexpected(token));
  }

  private static String unexpected(Token token) {
    if (token.kind == CCJSqlParserConstants.EOF) {
      return "unexpected end of SQL";
    }
    String image = token.image.length() > MAX_TOKEN_LENGTH
        ? token.image.substring(0, MAX_TOKEN_LENGTH) + "..."
        : token.image;
    return "unexpected '" + image + "'";
  }

  static ParseResult.Unparsable fromMessage(String message) {
    String text = message == null ? "" : message.lines().findFirst().orElse("").strip();
    Matcher position = POSITION.matcher(text);
    if (!position.find()) {
      return new ParseResult.Unparsable(0, 0, text.isEmpty() ? "the parser gave no reason" : text);
    }
    int line = Integer.parseInt(position.group(1));
    int column = Integer.parseInt(position.group(2));
    return new ParseResult.Unparsable(line, column, lexicalReason(text));
  }

  private static String lexicalReason(String text) {
    int encountered = text.indexOf("Encountered:");
    if (encountered < 0) {
      return text;
    }
    String what = text.substring(encountered + "Encountered:".length()).strip();
    return what.startsWith("<EOF>")
        ? "unexpected end of SQL (an unterminated string, quoted name or comment?)"
        : "unexpected character " + what;
  }
}
