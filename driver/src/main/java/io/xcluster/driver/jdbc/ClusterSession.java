package io.xcluster.driver.jdbc;

import io.xcluster.driver.runtime.Target;
import java.sql.Connection;

/**
 * The physical connection a logical connection holds on one target (a cluster's primary or one of its
 * replicas), and how many of its statements and result sets are using it. Outside a transaction it goes back
 * to the pool when the last user is done; in a transaction it stays until commit or rollback, so every
 * statement of the transaction runs on it.
 */
final class ClusterSession {
  final Target target;
  final Connection physical;
  int users;

  ClusterSession(Target target, Connection physical) {
    this.target = target;
    this.physical = physical;
  }
}
