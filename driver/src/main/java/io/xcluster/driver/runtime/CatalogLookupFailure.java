package io.xcluster.driver.runtime;

import java.sql.SQLException;

/**
 * Carries the SQLException of a column lookup through the planner, which knows nothing of JDBC; the runtime
 * unwraps it, so the application sees the cluster's own error.
 */
public final class CatalogLookupFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogLookupFailure(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized SQLException getCause() {
    return (SQLException) super.getCause();
  }
}
