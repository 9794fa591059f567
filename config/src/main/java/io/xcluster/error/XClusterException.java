package io.xcluster.error;

/**
 * A failure found by xcluster's own layers (configuration, analysis, planning), carrying the SQLState the
 * driver reports. Modules below the driver never import {@code java.sql}; the driver converts this into an
 * {@code SQLException} of the right subclass. Messages name the table, cluster, file or position involved and
 * say how to fix the problem; they never contain passwords.
 */
public class XClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final SqlState state;

  public XClusterException(SqlState state, String message) {
    super(message);
    this.state = state;
  }

  public XClusterException(SqlState state, String message, Throwable cause) {
    super(message, cause);
    this.state = state;
  }

  public SqlState state() {
    return state;
  }
}
