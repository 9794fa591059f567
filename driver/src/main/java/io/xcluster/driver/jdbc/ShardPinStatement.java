package io.xcluster.driver.jdbc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SET xcluster.shard = 'content/shard1'} (or {@code TO}), {@code SET xcluster.shard = DEFAULT} and
 * {@code RESET xcluster.shard}: the connection's shard pin, handled by xcluster and never sent to a database.
 */
final class ShardPinStatement {
  private static final Pattern SET = Pattern.compile(
      "(?is)\\s*SET\\s+xcluster\\.shard\\s*(?:=|\\s+TO\\s)\\s*(?:'([^']*)'|\"([^\"]*)\"|([A-Za-z0-9_./-]+))\\s*;?\\s*");
  private static final Pattern RESET = Pattern.compile("(?is)\\s*RESET\\s+xcluster\\.shard\\s*;?\\s*");

  private ShardPinStatement() {}

  /** What an execute method answers for a pin statement, which changes no rows and returns none. */
  static Object emptyResult(String method) throws java.sql.SQLException {
    if (method.contains("LargeUpdate")) {
      return 0L;
    }
    if (method.contains("Update")) {
      return 0;
    }
    if (method.contains("Query")) {
      throw SqlExceptions.of(io.xcluster.error.SqlState.OBJECT_NOT_IN_STATE, "SET xcluster.shard returns no rows."
          + " Fix: run it with execute() or executeUpdate()");
    }
    return Boolean.FALSE;
  }

  /** The shard the statement pins ("DEFAULT" to unpin), or empty when it is no such statement. */
  static Optional<String> target(String sql) {
    if (sql.length() > 200 || !startsWithSetOrReset(sql)) {
      return Optional.empty();
    }
    if (RESET.matcher(sql).matches()) {
      return Optional.of("DEFAULT");
    }
    Matcher set = SET.matcher(sql);
    if (!set.matches()) {
      return Optional.empty();
    }
    return Optional.of(set.group(1) != null ? set.group(1) : set.group(2) != null ? set.group(2) : set.group(3));
  }

  /** A first look that spares every other statement the patterns' matchers. */
  private static boolean startsWithSetOrReset(String sql) {
    int start = 0;
    while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
      start++;
    }
    return sql.regionMatches(true, start, "SET", 0, 3) || sql.regionMatches(true, start, "RESET", 0, 5);
  }
}
