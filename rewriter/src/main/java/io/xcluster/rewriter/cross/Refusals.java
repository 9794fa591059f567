package io.xcluster.rewriter.cross;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;

/** The cross-cluster planner's refusals: a wrong answer is worse than none, so unsure shapes end here. */
final class Refusals {
  private Refusals() {}

  static XClusterException construct(String what) {
    return new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, "a SELECT across clusters cannot contain "
        + what + "; xcluster refuses rather than risk a wrong answer. Fix: rewrite the query without it, or"
        + " run the parts on their clusters separately");
  }
}
