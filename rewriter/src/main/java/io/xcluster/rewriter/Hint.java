package io.xcluster.rewriter;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The leading {@code /* xcluster:cluster=NAME *&#47;} comment that sends a statement to NAME unparsed: the
 * way out for SQL that JSqlParser cannot read, or that the user knows better about. Only a comment at the
 * very start (after whitespace) counts; a comment that starts {@code xcluster:} but is malformed is an error
 * rather than silently ignored.
 */
final class Hint {
  private static final Pattern HINT =
      Pattern.compile("\\A\\s*/\\*\\s*xcluster:cluster\\s*=\\s*([^\\s*]+)\\s*\\*/", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTEMPT = Pattern.compile("\\A\\s*/\\*\\s*xcluster:", Pattern.CASE_INSENSITIVE);

  private Hint() {}

  /**
   * @return the cluster the hint names, as written; empty when the SQL does not start with a hint
   * @throws XClusterException CONFIGURATION when it starts with a malformed xcluster comment
   */
  static Optional<String> clusterOf(String sql) {
    Matcher hint = HINT.matcher(sql);
    if (hint.lookingAt()) {
      return Optional.of(hint.group(1));
    }
    if (ATTEMPT.matcher(sql).lookingAt()) {
      throw new XClusterException(SqlState.CONFIGURATION, "malformed xcluster hint at the start of the SQL."
          + " Fix: write it as /* xcluster:cluster=NAME */ with NAME one of the configured clusters");
    }
    return Optional.empty();
  }
}
