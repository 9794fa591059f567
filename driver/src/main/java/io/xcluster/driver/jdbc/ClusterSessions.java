package io.xcluster.driver.jdbc;

import io.xcluster.config.ClusterConfig;
import io.xcluster.driver.runtime.Target;
import io.xcluster.driver.runtime.XClusterRuntime;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.StatementKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The physical connections one logical connection holds, at most one per target (a cluster's primary or one
 * of its read replicas), with their users, where each statement runs, the transaction's single written
 * cluster, and its savepoints.
 *
 * <p>Routing ({@link #route}): a cluster without replicas is always served by its primary. With replicas,
 * a plain read ({@link StatementKind#QUERY}) goes to a replica when no read-write transaction is open (auto-
 * commit, or a read-only connection) and this connection has not written to the cluster within its
 * {@code replicaReadDelay} (read-your-writes, measured from the write's end). Writes, locking reads, session
 * statements and everything in a read-write transaction go to the primary. A read reuses a replica session
 * already held (a statement's open physical statement keeps its replica); in a read-only transaction the
 * cluster's first session is kept for the whole transaction. A replica that cannot lend a connection leaves the
 * rotation and the read moves to another replica, or to the primary (or fails, by {@code whenNoReplica}).
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
  private final Map<Target, ClusterSession> held = new LinkedHashMap<>(4);
  /** When this connection's last write to each cluster ended ({@link System#nanoTime()}). */
  private final Map<String, Long> lastWrites = new HashMap<>(4);
  private final List<XClusterSavepoint> savepoints = new ArrayList<>();
  private String writeCluster;
  private int nextSavepointId = 1;
  private boolean closed;

  ClusterSessions(XClusterRuntime runtime, ConnectionState state) {
    this.runtime = runtime;
    this.state = state;
  }

  /** A physical connection and the target it belongs to. */
  record Lease(Target target, Connection physical) {}

  /**
   * The physical connection of {@code cluster} for one more user, on the target {@link #route} chooses,
   * borrowing it when none is held. Each call is paired with {@link #release(Connection)}.
   */
  Connection acquire(String cluster, StatementKind kind) throws SQLException {
    return acquire(route(cluster, kind), kind);
  }

  /**
   * The physical connection of {@code target} for one more user, borrowing it when none is held; when a
   * replica cannot lend one, it leaves the rotation and the connection comes from the cluster's next choice.
   */
  Connection acquire(Target target, StatementKind kind) throws SQLException {
    String cluster = target.cluster();
    synchronized (this) {
      checkOpen();
      checkSingleWriteCluster(cluster, kind);
      ClusterSession session = held.get(target);
      if (session != null) {
        claim(cluster, kind);
        session.users++;
        return session.physical;
      }
    }
    Lease borrowed = borrow(target);
    synchronized (this) {
      // Claim before counting a user: a claim refused (another thread took the write meanwhile) leaves no
      // user that nobody will release.
      ClusterSession session = held.get(borrowed.target());
      try {
        checkOpen();
        claim(cluster, kind);
      } catch (SQLException refused) {
        closeQuietly(borrowed.physical());
        throw refused;
      }
      if (session == null) {
        session = new ClusterSession(borrowed.target(), borrowed.physical());
        held.put(borrowed.target(), session);
      } else {
        closeQuietly(borrowed.physical());
      }
      session.users++;
      return session.physical;
    }
  }

  /**
   * Where a statement of {@code kind} on {@code cluster} runs now (see the class comment). Choosing a replica
   * takes a turn of the cluster's balancing, so call it once per execution.
   *
   * @throws SQLException 08006 when the read needs a replica, none is in rotation and the cluster's
   *     {@code whenNoReplica} is {@code fail}
   */
  synchronized Target route(String cluster, StatementKind kind) throws SQLException {
    ClusterConfig.Replicas replicas = runtime.cluster(cluster).replicas();
    if (replicas.isEmpty() || kind != StatementKind.QUERY || !(state.autoCommit || state.readOnly)
        || wroteWithin(cluster, replicas.readDelay())) {
      return Target.primary(cluster);
    }
    for (Target target : held.keySet()) {
      boolean keep = !state.autoCommit || (!target.isPrimary() && runtime.inRotation(target));
      if (keep && target.cluster().equals(cluster)) {
        return target;
      }
    }
    return replicaOrPrimary(cluster, replicas, null);
  }

  /** A replica in rotation; else the primary, or the 08006 failure when the cluster says {@code fail}. */
  private Target replicaOrPrimary(String cluster, ClusterConfig.Replicas replicas, SQLException cause)
      throws SQLException {
    java.util.Optional<Target> replica = runtime.replicaFor(cluster);
    if (replica.isPresent()) {
      return replica.get();
    }
    if (replicas.whenNoReplica() == ClusterConfig.WhenNoReplica.FAIL) {
      throw SqlExceptions.noReplica(cluster, runtime.describeReplicas(cluster), replicas.probeInterval(), cause);
    }
    return Target.primary(cluster);
  }

  private boolean wroteWithin(String cluster, Duration delay) {
    Long at = lastWrites.get(cluster);
    return at != null && System.nanoTime() - at < delay.toNanos();
  }

  /** Records that a write to {@code cluster} just ended: its reads stay on the primary for replicaReadDelay. */
  synchronized void wrote(String cluster) {
    lastWrites.put(cluster, System.nanoTime());
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
   * A second physical connection of a read of {@code cluster}, from the target such a read routes to (the
   * replica already held, when one is), only outside a transaction (its reads must see the transaction's
   * writes) and only when that pool has one free at once; else empty. The caller closes it.
   */
  synchronized java.util.Optional<Lease> borrowExtra(String cluster, int leaveIdle) throws SQLException {
    if (closed || !state.autoCommit) {
      return java.util.Optional.empty();
    }
    Target target;
    try {
      target = route(cluster, StatementKind.QUERY);
    } catch (SQLException noReplica) {
      return java.util.Optional.empty(); // the statement's own connection decides; extras are optional
    }
    Connection extra = runtime.borrowIfFree(target, leaveIdle);
    if (extra == null) {
      return java.util.Optional.empty();
    }
    try {
      state.applyTo(extra);
    } catch (SQLException | RuntimeException failure) {
      closeQuietly(extra);
      throw failure;
    }
    return java.util.Optional.of(new Lease(target, extra));
  }

  /** Ends one use of a physical connection; outside a transaction the last use returns it to its pool. */
  synchronized void release(Connection physical) {
    ClusterSession session = sessionOf(physical);
    if (session == null) {
      return;
    }
    session.users--;
    if (session.users <= 0 && state.autoCommit) {
      held.remove(session.target);
      closeQuietly(session.physical);
    }
  }

  /** The target of a physical connection this logical connection holds; empty once it is given back. */
  synchronized java.util.Optional<Target> targetOf(Connection physical) {
    ClusterSession session = sessionOf(physical);
    return session == null ? java.util.Optional.empty() : java.util.Optional.of(session.target);
  }

  private ClusterSession sessionOf(Connection physical) {
    for (ClusterSession session : held.values()) {
      if (session.physical == physical) {
        return session;
      }
    }
    return null;
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

  /**
   * A connection of {@code target} with the session settings applied. A replica that cannot lend one (class
   * 08, a pool timeout) leaves the rotation, and the connection comes from the cluster's next choice: another
   * replica in rotation, else the primary (or the 08006 failure of {@code whenNoReplica: fail}). Each replica
   * is tried at most once, since a failed one is out of rotation.
   */
  private Lease borrow(Target target) throws SQLException {
    ClusterConfig.Replicas replicas = runtime.cluster(target.cluster()).replicas();
    Target next = target;
    for (int attempt = 0; ; attempt++) {
      try {
        return new Lease(next, open(next));
      } catch (SQLException failure) {
        // a probe may put a replica back meanwhile: never more tries than the cluster has servers
        if (next.isPrimary() || !SqlExceptions.isConnectionFailure(failure) || attempt >= replicas.servers().size()) {
          throw failure;
        }
        runtime.replicaFailed(next, failure);
        next = replicaOrPrimary(next.cluster(), replicas, failure);
      }
    }
  }

  private Connection open(Target target) throws SQLException {
    Connection physical = runtime.borrow(target);
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
    if (writeCluster != null) {
      lastWrites.put(writeCluster, System.nanoTime()); // replicas see the writes only from the commit on
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
      if (session.target.isPrimary() && session.target.cluster().equals(writeCluster)) {
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
      physical.put(session.target.label(),
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
        Savepoint physical = target.physical.get(session.target.label());
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
      boolean joinedLater = !target.targets().contains(session.target.label()) && session.users <= 0;
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
    for (ClusterSession session : held.values()) {
      Savepoint physical = target.physical.get(session.target.label());
      if (physical != null) {
        session.physical.releaseSavepoint(physical);
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

  /** The targets held now, as labels ({@code accounts}, {@code accounts/replica1}). */
  synchronized List<String> targets() {
    return held.keySet().stream().map(Target::label).toList();
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
