package io.xcluster.driver.jdbc;

import io.xcluster.driver.runtime.XClusterRuntime;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.StatementKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The physical connections one logical connection holds, at most one per cluster, with their users, the
 * transaction's single written cluster, and its savepoints.
 *
 * <p>Outside a transaction a physical connection goes back to its pool when its last user releases it;
 * inside one it stays until commit or rollback. Writes may reach one cluster per transaction (25000 for a
 * second). Commit commits the clusters that were only read first and the written cluster last, so a failure
 * never leaves half a transaction committed.
 *
 * <p>Its own lock guards it; a pool is never waited on while holding it, so the threads of one plan (parallel
 * fetches) can always give their connections back. It never calls back into the logical connection.
 */
final class ClusterSessions {
  private final XClusterRuntime runtime;
  private final ConnectionState state;
  private final Map<String, ClusterSession> held = new LinkedHashMap<>(4);
  private final List<XClusterSavepoint> savepoints = new ArrayList<>();
  private String writeCluster;
  private int nextSavepointId = 1;
  private boolean closed;

  ClusterSessions(XClusterRuntime runtime, ConnectionState state) {
    this.runtime = runtime;
    this.state = state;
  }

  /**
   * The physical connection of {@code cluster} for one more user, borrowing it when none is held. Each call
   * is paired with {@link #release(String)}.
   */
  Connection acquire(String cluster, StatementKind kind) throws SQLException {
    synchronized (this) {
      checkOpen();
      checkSingleWriteCluster(cluster, kind);
      ClusterSession session = held.get(cluster);
      if (session != null) {
        claim(cluster, kind);
        session.users++;
        return session.physical;
      }
    }
    Connection borrowed = borrow(cluster);
    synchronized (this) {
      // Claim before counting a user: a claim refused (another thread took the write meanwhile) leaves no
      // user that nobody will release.
      ClusterSession session = held.get(cluster);
      try {
        checkOpen();
        claim(cluster, kind);
      } catch (SQLException refused) {
        closeQuietly(borrowed);
        throw refused;
      }
      if (session == null) {
        session = new ClusterSession(cluster, borrowed);
        held.put(cluster, session);
      } else {
        closeQuietly(borrowed);
      }
      session.users++;
      return session.physical;
    }
  }

  /** Records, before a statement runs on a connection already acquired, that it may write to {@code cluster}. */
  synchronized void claim(String cluster, StatementKind kind) throws SQLException {
    checkOpen();
    checkSingleWriteCluster(cluster, kind);
    if (!state.autoCommit && kind.mayWrite()) {
      writeCluster = cluster;
    }
  }

  /**
   * A second physical connection of {@code cluster}, only outside a transaction (its reads must see the
   * transaction's writes) and only when the pool has one free at once; else null. The caller closes it.
   */
  synchronized Connection borrowExtra(String cluster) throws SQLException {
    if (closed || !state.autoCommit) {
      return null;
    }
    Connection extra = runtime.borrowIfFree(cluster);
    if (extra != null) {
      try {
        state.applyTo(extra);
      } catch (SQLException | RuntimeException failure) {
        closeQuietly(extra);
        throw failure;
      }
    }
    return extra;
  }

  /** Ends one use of the cluster's physical connection; outside a transaction the last use returns it. */
  synchronized void release(String cluster) {
    ClusterSession session = held.get(cluster);
    if (session == null) {
      return;
    }
    session.users--;
    if (session.users <= 0 && state.autoCommit) {
      held.remove(cluster);
      closeQuietly(session.physical);
    }
  }

  /** Runs a setting change on every physical connection held now (later ones get it from the state). */
  synchronized void forEach(PhysicalChange change) throws SQLException {
    for (ClusterSession session : held.values()) {
      change.apply(session.physical);
    }
  }

  @FunctionalInterface
  interface PhysicalChange {
    void apply(Connection physical) throws SQLException;
  }

  synchronized boolean isValid(int timeoutSeconds) throws SQLException {
    for (ClusterSession session : held.values()) {
      if (!session.physical.isValid(timeoutSeconds)) {
        return false;
      }
    }
    return true;
  }

  private void checkSingleWriteCluster(String cluster, StatementKind kind) throws SQLException {
    if (!state.autoCommit && kind.mayWrite() && writeCluster != null && !writeCluster.equals(cluster)) {
      throw SqlExceptions.of(SqlState.INVALID_TRANSACTION_STATE,
          "this transaction already writes to cluster '" + writeCluster + "'; a write to cluster '" + cluster
              + "' in the same transaction is refused, because xcluster cannot commit two clusters atomically."
              + " Fix: commit before writing to '" + cluster + "', or write to it in its own transaction");
    }
  }

  private Connection borrow(String cluster) throws SQLException {
    Connection physical = runtime.borrow(cluster);
    try {
      state.applyTo(physical);
      return physical;
    } catch (SQLException | RuntimeException failure) {
      closeQuietly(physical);
      throw failure;
    }
  }

  // ---- transactions -----------------------------------------------------------------------------------

  /**
   * Commits (or rolls back) every cluster the transaction touched: read clusters first, the written cluster
   * last; a failure before it rolls the written cluster back.
   */
  synchronized void endTransaction(boolean commit) throws SQLException {
    SQLException failure = null;
    for (ClusterSession session : readClustersFirst()) {
      try {
        if (commit && failure == null) {
          session.physical.commit();
        } else {
          session.physical.rollback();
        }
      } catch (SQLException error) {
        failure = SqlExceptions.chain(failure, error);
      }
    }
    writeCluster = null;
    savepoints.clear();
    releaseIdle();
    if (failure != null) {
      throw failure;
    }
  }

  private List<ClusterSession> readClustersFirst() {
    List<ClusterSession> ordered = new ArrayList<>(held.size());
    ClusterSession written = null;
    for (ClusterSession session : held.values()) {
      if (session.cluster.equals(writeCluster)) {
        written = session;
      } else {
        ordered.add(session);
      }
    }
    if (written != null) {
      ordered.add(written);
    }
    return ordered;
  }

  /** Returns to their pools the physical connections no statement uses. */
  private void releaseIdle() {
    held.values().removeIf(session -> {
      if (session.users > 0) {
        return false;
      }
      closeQuietly(session.physical);
      return true;
    });
  }

  synchronized Savepoint setSavepoint(String name) throws SQLException {
    Map<String, Savepoint> physical = new LinkedHashMap<>();
    for (ClusterSession session : held.values()) {
      physical.put(session.cluster,
          name == null ? session.physical.setSavepoint() : session.physical.setSavepoint(name));
    }
    XClusterSavepoint savepoint = new XClusterSavepoint(nextSavepointId++, name, physical, writeCluster);
    savepoints.add(savepoint);
    return savepoint;
  }

  /**
   * Rolls each cluster held at the savepoint back to it, and the transaction of any cluster joined later back
   * entirely (it did nothing before the savepoint); the write claim returns to what it was.
   */
  synchronized void rollback(Savepoint savepoint) throws SQLException {
    XClusterSavepoint target = own(savepoint);
    SQLException failure = null;
    for (ClusterSession session : held.values()) {
      try {
        Savepoint physical = target.physical.get(session.cluster);
        if (physical != null) {
          session.physical.rollback(physical);
        } else {
          session.physical.rollback();
        }
      } catch (SQLException error) {
        failure = SqlExceptions.chain(failure, error);
      }
    }
    writeCluster = target.writeCluster;
    savepoints.subList(savepoints.indexOf(target) + 1, savepoints.size()).clear();
    held.values().removeIf(session -> {
      boolean joinedLater = !target.clusters().contains(session.cluster) && session.users <= 0;
      if (joinedLater) {
        closeQuietly(session.physical);
      }
      return joinedLater;
    });
    if (failure != null) {
      throw failure;
    }
  }

  synchronized void releaseSavepoint(Savepoint savepoint) throws SQLException {
    XClusterSavepoint target = own(savepoint);
    for (Map.Entry<String, Savepoint> entry : target.physical.entrySet()) {
      ClusterSession session = held.get(entry.getKey());
      if (session != null) {
        session.physical.releaseSavepoint(entry.getValue());
      }
    }
    savepoints.remove(target);
  }

  private XClusterSavepoint own(Savepoint savepoint) throws SQLException {
    if (!(savepoint instanceof XClusterSavepoint own) || !savepoints.contains(own)) {
      throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE,
          "the savepoint does not belong to this transaction (it was released, rolled past, or is foreign)");
    }
    return own;
  }

  // ---- end ------------------------------------------------------------------------------------------

  /** Rolls back an open transaction (when asked) and returns every physical connection to its pool. */
  synchronized void close(boolean rollback) throws SQLException {
    closed = true;
    SQLException failure = null;
    if (rollback) {
      for (ClusterSession session : held.values()) {
        try {
          // a physical connection that died has nothing left to roll back: its server ended the transaction
          if (!session.physical.isClosed()) {
            session.physical.rollback();
          }
        } catch (SQLException error) {
          failure = SqlExceptions.chain(failure, error);
        }
      }
    }
    held.values().forEach(session -> closeQuietly(session.physical));
    held.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** Aborts every physical connection held (JDBC's abort: no waiting, no rollback). */
  void abort(Executor executor) throws SQLException {
    List<ClusterSession> aborted;
    synchronized (this) {
      closed = true;
      aborted = List.copyOf(held.values());
      held.clear();
    }
    SQLException failure = null;
    for (ClusterSession session : aborted) {
      try {
        session.physical.abort(executor);
      } catch (SQLException failed) {
        failure = SqlExceptions.chain(failure, failed); // abort the others regardless
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  synchronized List<String> clusters() {
    return List.copyOf(held.keySet());
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw SqlExceptions.of(SqlState.CONNECTION_CLOSED, "this xcluster connection is closed");
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // Closing returns the connection to its pool; the pool deals with a broken one.
    }
  }
}
