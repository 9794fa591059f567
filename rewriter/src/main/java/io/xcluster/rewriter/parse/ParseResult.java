package io.xcluster.rewriter.parse;

import net.sf.jsqlparser.statement.Statement;

/** The outcome of parsing one SQL string: a statement, or where and why the parser gave up. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Unparsable {

  /** JSqlParser's tree of the one statement. It is mutable: never hand it beyond the analysis. */
  record Parsed(Statement statement) implements ParseResult {}

  /**
   * The SQL cannot be parsed.
   *
   * @param line 1-based line of the offending token, 0 when the parser did not say
   * @param column 1-based column of the offending token, 0 when the parser did not say
   * @param reason a short reason, e.g. {@code unexpected 'FROM'}
   */
  record Unparsable(int line, int column, String reason) implements ParseResult {

    /** "cannot parse SQL at line L, column C: reason", without a fix (callers know which fix applies). */
    public String describe() {
      String where = line > 0 ? " at line " + line + ", column " + column : "";
      return "cannot parse SQL" + where + ": " + reason;
    }
  }
}
