package io.xcluster.driver.jdbc;

import java.sql.Connection;

/**
 * The physical connection a logical connection holds on one cluster, and how many of its statements and
 * result sets are using it. Outside a transaction it goes back to the pool when the last user is done; in a
 * transaction it stays until commit or rollback, so every statement of the transaction runs on it.
 */
final class ClusterSession {
  final String cluster;
  final Connection physical;
  int users;

  ClusterSession(String cluster, Connection physical) {
    this.cluster = cluster;
    this.physical = physical;
  }
}
