package io.xcluster.driver.jdbc;

import java.sql.Connection;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * The session settings an application set on an xcluster connection, applied to every physical connection
 * it borrows. Only what the application changed is applied; the pool resets those settings when the
 * physical connection goes back.
 */
final class ConnectionState {
  boolean autoCommit = true;
  boolean readOnly;
  Integer isolation;
  String catalog;
  String schema;
  Executor networkTimeoutExecutor;
  int networkTimeoutMillis;
  final Properties clientInfo = new Properties();

  void applyTo(Connection physical) throws SQLException {
    if (!autoCommit) {
      physical.setAutoCommit(false);
    }
    if (readOnly) {
      physical.setReadOnly(true);
    }
    if (isolation != null) {
      physical.setTransactionIsolation(isolation);
    }
    if (catalog != null) {
      physical.setCatalog(catalog);
    }
    if (schema != null) {
      physical.setSchema(schema);
    }
    if (networkTimeoutExecutor != null) {
      physical.setNetworkTimeout(networkTimeoutExecutor, networkTimeoutMillis);
    }
    if (!clientInfo.isEmpty()) {
      applyClientInfo(physical);
    }
  }

  private void applyClientInfo(Connection physical) {
    try {
      physical.setClientInfo(clientInfo);
    } catch (SQLClientInfoException ignored) {
      // Client info is advisory: a cluster whose driver rejects a property keeps working without it.
    }
  }
}
