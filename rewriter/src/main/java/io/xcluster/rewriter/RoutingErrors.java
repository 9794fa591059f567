package io.xcluster.rewriter;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.parse.ParseResult;
import java.util.Collection;

/** The planner's refusals, each naming what is wrong and how to fix it. */
final class RoutingErrors {
  private static final String HINT = "/* xcluster:cluster=NAME */";

  private RoutingErrors() {}

  static XClusterException unknownHintCluster(String name, Collection<String> clusters) {
    return new XClusterException(SqlState.CONFIGURATION, "the " + HINT.replace("NAME", name)
        + " hint names an unknown cluster '" + name + "'; the configured clusters are "
        + String.join(", ", clusters) + ". Fix: name one of them");
  }

  static XClusterException unparsable(ParseResult.Unparsable failure) {
    return new XClusterException(SqlState.SYNTAX_ERROR, failure.describe()
        + ". Fix: correct the SQL, or set 'defaultCluster' / add a leading " + HINT + " hint");
  }

  static XClusterException crossCluster(StatementKind kind, TablePlacement placement) {
    String tables = " tables that live in different clusters: " + placement.describe() + ". ";
    if (kind == StatementKind.LOCKING_QUERY) {
      return new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, "SELECT ... FOR UPDATE/SHARE joins" + tables
          + "Rows of several clusters cannot be locked atomically, so it is refused. Fix: lock the rows of each"
          + " cluster with its own statement");
    }
    if (kind.mayWrite()) {
      return new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, label(kind) + " names" + tables
          + "A statement that writes across clusters is not supported. Fix: split it into one statement"
          + " per cluster");
    }
    return new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, label(kind) + " joins" + tables
        + "Cross-cluster SELECT is not supported yet. Fix: query each cluster separately");
  }

  static XClusterException noClusters(String source) {
    return new XClusterException(SqlState.CONFIGURATION, "no cluster is configured in " + source
        + ". Fix: declare at least one cluster");
  }

  private static String label(StatementKind kind) {
    return switch (kind) {
      case QUERY -> "SELECT";
      case LOCKING_QUERY -> "SELECT ... FOR UPDATE";
      case INSERT, UPDATE, DELETE, MERGE, CALL -> kind.name();
      case DDL -> "DDL statement";
      default -> "statement";
    };
  }
}
