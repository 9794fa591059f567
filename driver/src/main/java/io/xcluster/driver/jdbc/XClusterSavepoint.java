package io.xcluster.driver.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;
import java.util.Set;

/**
 * A savepoint across the clusters a transaction had touched when it was set (keyed by target label). Rolling back to it rolls back
 * each of those clusters to its own physical savepoint, and rolls back whole the transaction of any cluster
 * joined later (that cluster did nothing before the savepoint, so that is exactly the savepoint's meaning).
 */
final class XClusterSavepoint implements Savepoint {
  private final int id;
  private final String name;
  final Map<String, Savepoint> physical;
  /** The cluster the transaction had written to when the savepoint was set, or null. */
  final String writeCluster;

  XClusterSavepoint(int id, String name, Map<String, Savepoint> physical, String writeCluster) {
    this.id = id;
    this.name = name;
    this.physical = Map.copyOf(physical);
    this.writeCluster = writeCluster;
  }

  /** The targets held when it was set, as labels ({@code accounts}, {@code accounts/replica1}). */
  Set<String> targets() {
    return physical.keySet();
  }

  @Override
  public int getSavepointId() throws SQLException {
    if (name != null) {
      throw SqlExceptions.of(io.xcluster.error.SqlState.OBJECT_NOT_IN_STATE,
          "savepoint '" + name + "' is named; it has no id");
    }
    return id;
  }

  @Override
  public String getSavepointName() throws SQLException {
    if (name == null) {
      throw SqlExceptions.of(io.xcluster.error.SqlState.OBJECT_NOT_IN_STATE,
          "savepoint " + id + " is unnamed; it has an id");
    }
    return name;
  }
}
