package io.xcluster.driver.jdbc;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.QueryListener;
import io.xcluster.driver.runtime.CatalogLookupFailure;
import io.xcluster.driver.runtime.ColumnTypes;
import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.driver.runtime.XClusterRuntime;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.Plan;
import io.xcluster.rewriter.StatementKind;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A logical connection to every cluster of one configuration.
 *
 * <p>It holds at most one physical connection per cluster, borrowed from that cluster's pool when a
 * statement first needs it. Outside a transaction the physical connection goes back to the pool as soon as no
 * statement or result set uses it; inside one it stays until commit or rollback, so the transaction's reads
 * see its own writes. Session settings (auto-commit, isolation, read-only, catalog, schema, network timeout,
 * client info) are applied to every physical connection it borrows.
 *
 * <p>Transactions: reads may touch any number of clusters, but writes may reach only one cluster per
 * transaction, because xcluster cannot commit two clusters atomically. A write to a second cluster is
 * refused before it runs (SQLState 25000), naming both clusters. Commit commits the clusters that were only
 * read first and the written cluster last, so a failure can never leave half a transaction committed.
 */
public final class XClusterConnection implements Connection {
  private final XClusterRuntime runtime;
  private final String url;
  private final ConnectionState state = new ConnectionState();
  private final Map<String, ClusterSession> sessions = new LinkedHashMap<>(4);
  private final Set<XClusterStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<XClusterSavepoint> savepoints = new ArrayList<>();
  private final List<QueryListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private String writeCluster;
  private int nextSavepointId = 1;
  private volatile boolean closed;

  public XClusterConnection(XClusterRuntime runtime, String url) {
    this.runtime = runtime;
    this.url = url;
  }

  XClusterRuntime runtime() {
    return runtime;
  }

  String url() {
    return url;
  }

  Plan plan(String sql) throws SQLException {
    checkOpen();
    return runtime.plan(sql, this::columnsOf);
  }

  /** A FROM item's columns, asked of its cluster through this connection (its transaction, its session). */
  private List<CatalogColumn> columnsOf(String cluster, String fromItem) {
    try {
      Connection physical = acquire(cluster, StatementKind.QUERY);
      try (Statement probe = physical.createStatement();
          java.sql.ResultSet empty = probe.executeQuery("SELECT * FROM " + fromItem + " WHERE 1 = 0")) {
        java.sql.ResultSetMetaData meta = empty.getMetaData();
        List<CatalogColumn> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(ColumnTypes.describe(meta, i));
        }
        return columns;
      } finally {
        release(cluster);
      }
    } catch (SQLException failure) {
      throw new CatalogLookupFailure(failure);
    }
  }

  // ---- observing physical queries ---------------------------------------------------------------------

  /** Tells {@code listener} of every physical query this connection runs, until removed or closed. */
  public void addQueryListener(QueryListener listener) {
    listeners.add(listener);
  }

  public void removeQueryListener(QueryListener listener) {
    listeners.remove(listener);
  }

  boolean observed() {
    return !listeners.isEmpty() || !runtime.listeners().isEmpty();
  }

  void queryRan(QueryEvent event) {
    notify(listeners, event);
    notify(runtime.listeners(), event);
  }

  private static void notify(List<QueryListener> listeners, QueryEvent event) {
    for (QueryListener listener : listeners) {
      try {
        listener.onQuery(event);
      } catch (RuntimeException ignored) {
        // a listener must not break the application's statement
      }
    }
  }

  // ---- physical connections -------------------------------------------------------------------------

  /**
   * The physical connection of {@code cluster} for one more user (a statement or result set), borrowing it
   * when this connection holds none. Each call must be paired with {@link #release(String)}.
   *
   * @throws SQLException 25000 when the statement may write and the transaction already wrote elsewhere
   */
  Connection acquire(String cluster, StatementKind kind) throws SQLException {
    synchronized (this) {
      checkOpen();
      checkSingleWriteCluster(cluster, kind);
      ClusterSession held = sessions.get(cluster);
      if (held != null) {
        held.users++;
        claim(cluster, kind);
        return held.physical;
      }
    }
    // Borrowed outside the monitor: waiting on a pool must never block this connection's other threads (a
    // plan's parallel fetches) from giving their connections back.
    Connection borrowed = borrow(cluster);
    synchronized (this) {
      ClusterSession session = sessions.get(cluster);
      if (closed || session != null) {
        closeQuietly(borrowed);
        checkOpen();
      } else {
        session = new ClusterSession(cluster, borrowed);
        sessions.put(cluster, session);
      }
      session.users++;
      claim(cluster, kind);
      return session.physical;
    }
  }

  /**
   * Records, before a statement runs on a connection already acquired, that it may write to {@code cluster}.
   *
   * @throws SQLException 25000 when the transaction already wrote to another cluster
   */
  synchronized void claim(String cluster, StatementKind kind) throws SQLException {
    checkOpen();
    checkSingleWriteCluster(cluster, kind);
    if (!state.autoCommit && kind.mayWrite()) {
      writeCluster = cluster;
    }
  }

  /**
   * A second physical connection of {@code cluster} for work that can run beside this connection's own
   * (extra key batches of one fetch), only outside a transaction (its reads must see the transaction's
   * writes) and only when the pool has one free at once; else null. The caller closes it.
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
    ClusterSession session = sessions.get(cluster);
    if (session == null) {
      return;
    }
    session.users--;
    if (session.users <= 0 && state.autoCommit) {
      sessions.remove(cluster);
      closeQuietly(session.physical);
    }
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

  /** Returns to their pools the physical connections that no statement uses; called outside transactions. */
  private void releaseIdleSessions() {
    sessions.values().removeIf(session -> {
      if (session.users > 0) {
        return false;
      }
      closeQuietly(session.physical);
      return true;
    });
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // Closing returns the connection to its pool; the pool deals with a broken one.
    }
  }

  // ---- statements -------------------------------------------------------------------------------------

  synchronized void forget(XClusterStatement statement) {
    statements.remove(statement);
  }

  private <T extends XClusterStatement> T track(T statement) {
    synchronized (this) {
      statements.add(statement);
    }
    return statement;
  }

  @Override
  public Statement createStatement() throws SQLException {
    return createStatement(StatementShape.DEFAULT);
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    return createStatement(new StatementShape(resultSetType, resultSetConcurrency, StatementShape.DRIVER_DEFAULT));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return createStatement(new StatementShape(resultSetType, resultSetConcurrency, resultSetHoldability));
  }

  private Statement createStatement(StatementShape shape) throws SQLException {
    checkOpen();
    return track(new XClusterStatement(this, shape));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepare(sql, StatementShape.DEFAULT, GeneratedKeys.NONE);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepare(sql, new StatementShape(resultSetType, resultSetConcurrency, StatementShape.DRIVER_DEFAULT),
        GeneratedKeys.NONE);
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return prepare(sql, new StatementShape(resultSetType, resultSetConcurrency, resultSetHoldability),
        GeneratedKeys.NONE);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return prepare(sql, StatementShape.DEFAULT, GeneratedKeys.of(autoGeneratedKeys));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepare(sql, StatementShape.DEFAULT, GeneratedKeys.columns(columnIndexes));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepare(sql, StatementShape.DEFAULT, GeneratedKeys.columns(columnNames));
  }

  private PreparedStatement prepare(String sql, StatementShape shape, GeneratedKeys keys) throws SQLException {
    Plan plan = plan(sql);
    return track(new XClusterPreparedStatement(this, shape, sql, plan, keys));
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    return prepareCall(sql, StatementShape.DEFAULT);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepareCall(sql, new StatementShape(resultSetType, resultSetConcurrency, StatementShape.DRIVER_DEFAULT));
  }

  @Override
  public CallableStatement prepareCall(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return prepareCall(sql, new StatementShape(resultSetType, resultSetConcurrency, resultSetHoldability));
  }

  private CallableStatement prepareCall(String sql, StatementShape shape) throws SQLException {
    Plan plan = plan(sql);
    return track(new XClusterCallableStatement(this, shape, sql, plan));
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // ---- transactions -----------------------------------------------------------------------------------

  @Override
  public synchronized void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (autoCommit == state.autoCommit) {
      return;
    }
    if (autoCommit) {
      endTransaction(true);
    }
    state.autoCommit = autoCommit;
    for (ClusterSession session : sessions.values()) {
      session.physical.setAutoCommit(autoCommit);
    }
  }

  @Override
  public synchronized boolean getAutoCommit() throws SQLException {
    checkOpen();
    return state.autoCommit;
  }

  @Override
  public synchronized void commit() throws SQLException {
    checkOpen();
    checkInTransaction("commit");
    endTransaction(true);
  }

  @Override
  public synchronized void rollback() throws SQLException {
    checkOpen();
    checkInTransaction("rollback");
    endTransaction(false);
  }

  private void checkInTransaction(String action) throws SQLException {
    if (state.autoCommit) {
      throw SqlExceptions.of(SqlState.INVALID_TRANSACTION_STATE,
          "cannot " + action + " while auto-commit is on. Fix: call setAutoCommit(false) to start a transaction");
    }
  }

  /**
   * Commits (or rolls back) every cluster the transaction touched. Clusters that were only read commit first
   * and the written cluster last: if any commit fails before it, the written cluster is rolled back, so the
   * transaction's writes are either all committed or not at all.
   */
  private void endTransaction(boolean commit) throws SQLException {
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
    releaseIdleSessions();
    if (failure != null) {
      throw failure;
    }
  }

  private List<ClusterSession> readClustersFirst() {
    List<ClusterSession> ordered = new ArrayList<>(sessions.size());
    ClusterSession written = null;
    for (ClusterSession session : sessions.values()) {
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

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return setSavepoint(null);
  }

  @Override
  public synchronized Savepoint setSavepoint(String name) throws SQLException {
    checkOpen();
    checkInTransaction("set a savepoint");
    Map<String, Savepoint> physical = new LinkedHashMap<>();
    for (ClusterSession session : sessions.values()) {
      physical.put(session.cluster,
          name == null ? session.physical.setSavepoint() : session.physical.setSavepoint(name));
    }
    XClusterSavepoint savepoint = new XClusterSavepoint(nextSavepointId++, name, physical, writeCluster);
    savepoints.add(savepoint);
    return savepoint;
  }

  @Override
  public synchronized void rollback(Savepoint savepoint) throws SQLException {
    checkOpen();
    checkInTransaction("roll back to a savepoint");
    XClusterSavepoint target = ownSavepoint(savepoint);
    SQLException failure = null;
    for (ClusterSession session : sessions.values()) {
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
    sessions.values().removeIf(session -> {
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

  @Override
  public synchronized void releaseSavepoint(Savepoint savepoint) throws SQLException {
    checkOpen();
    XClusterSavepoint target = ownSavepoint(savepoint);
    for (Map.Entry<String, Savepoint> entry : target.physical.entrySet()) {
      ClusterSession session = sessions.get(entry.getKey());
      if (session != null) {
        session.physical.releaseSavepoint(entry.getValue());
      }
    }
    savepoints.remove(target);
  }

  private XClusterSavepoint ownSavepoint(Savepoint savepoint) throws SQLException {
    if (!(savepoint instanceof XClusterSavepoint own) || !savepoints.contains(own)) {
      throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE,
          "the savepoint does not belong to this transaction (it was released, rolled past, or is foreign)");
    }
    return own;
  }

  // ---- session settings -------------------------------------------------------------------------------

  @Override
  public synchronized void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    for (ClusterSession session : sessions.values()) {
      session.physical.setReadOnly(readOnly);
    }
    state.readOnly = readOnly;
  }

  @Override
  public synchronized boolean isReadOnly() throws SQLException {
    checkOpen();
    return state.readOnly;
  }

  @Override
  public synchronized void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    for (ClusterSession session : sessions.values()) {
      session.physical.setTransactionIsolation(level);
    }
    state.isolation = level;
  }

  /**
   * The isolation level set on this connection; when none was set, the primary cluster's default (each
   * cluster then runs at its own default level).
   */
  @Override
  public synchronized int getTransactionIsolation() throws SQLException {
    checkOpen();
    if (state.isolation != null) {
      return state.isolation;
    }
    String primary = runtime.primaryCluster();
    Connection physical = acquire(primary, StatementKind.SESSION);
    try {
      return physical.getTransactionIsolation();
    } finally {
      release(primary);
    }
  }

  @Override
  public synchronized void setCatalog(String catalog) throws SQLException {
    checkOpen();
    for (ClusterSession session : sessions.values()) {
      session.physical.setCatalog(catalog);
    }
    state.catalog = catalog;
  }

  /** The catalog set through {@link #setCatalog}; null when none was set (each cluster uses its own). */
  @Override
  public synchronized String getCatalog() throws SQLException {
    checkOpen();
    return state.catalog;
  }

  @Override
  public synchronized void setSchema(String schema) throws SQLException {
    checkOpen();
    for (ClusterSession session : sessions.values()) {
      session.physical.setSchema(schema);
    }
    state.schema = schema;
  }

  /** The schema set through {@link #setSchema}; null when none was set (each cluster uses its own). */
  @Override
  public synchronized String getSchema() throws SQLException {
    checkOpen();
    return state.schema;
  }

  @Override
  public synchronized void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "network timeout must be >= 0, was " + milliseconds);
    }
    for (ClusterSession session : sessions.values()) {
      session.physical.setNetworkTimeout(executor, milliseconds);
    }
    state.networkTimeoutExecutor = executor;
    state.networkTimeoutMillis = milliseconds;
  }

  @Override
  public synchronized int getNetworkTimeout() throws SQLException {
    checkOpen();
    return state.networkTimeoutMillis;
  }

  @Override
  public synchronized void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("this connection is closed", SqlState.CONNECTION_CLOSED.code(), 0, Map.of());
    }
    if (value == null) {
      state.clientInfo.remove(name);
    } else {
      state.clientInfo.setProperty(name, value);
    }
    for (ClusterSession session : sessions.values()) {
      session.physical.setClientInfo(name, value);
    }
  }

  @Override
  public synchronized void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("this connection is closed", SqlState.CONNECTION_CLOSED.code(), 0, Map.of());
    }
    state.clientInfo.clear();
    state.clientInfo.putAll(properties);
    for (ClusterSession session : sessions.values()) {
      session.physical.setClientInfo(properties);
    }
  }

  @Override
  public synchronized String getClientInfo(String name) throws SQLException {
    checkOpen();
    return state.clientInfo.getProperty(name);
  }

  @Override
  public synchronized Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(state.clientInfo);
    return copy;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    if (holdability != java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw SqlExceptions.unsupported("setHoldability(CLOSE_CURSORS_AT_COMMIT) on the connection;"
          + " pass the holdability to createStatement/prepareStatement instead");
    }
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return Map.of();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) {
      throw SqlExceptions.unsupported("setTypeMap with custom type mappings");
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  // ---- objects made by a cluster's driver ---------------------------------------------------------------

  /** Asks the primary cluster's driver to make an object (LOBs, arrays, structs). */
  private <T> T makeOnPrimary(PhysicalCall<T> call) throws SQLException {
    String primary = runtime.primaryCluster();
    Connection physical = acquire(primary, StatementKind.SESSION);
    try {
      return call.apply(physical);
    } finally {
      release(primary);
    }
  }

  @FunctionalInterface
  interface PhysicalCall<T> {
    T apply(Connection physical) throws SQLException;
  }

  @Override
  public Clob createClob() throws SQLException {
    return makeOnPrimary(Connection::createClob);
  }

  @Override
  public Blob createBlob() throws SQLException {
    return makeOnPrimary(Connection::createBlob);
  }

  @Override
  public NClob createNClob() throws SQLException {
    return makeOnPrimary(Connection::createNClob);
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return makeOnPrimary(Connection::createSQLXML);
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return makeOnPrimary(physical -> physical.createArrayOf(typeName, elements));
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return makeOnPrimary(physical -> physical.createStruct(typeName, attributes));
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new RoutedDatabaseMetaData(this, runtime.primaryCluster());
  }

  // ---- lifecycle --------------------------------------------------------------------------------------

  @Override
  public synchronized boolean isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "isValid timeout must be >= 0, was " + timeoutSeconds);
    }
    if (closed) {
      return false;
    }
    for (ClusterSession session : sessions.values()) {
      if (!session.physical.isValid(timeoutSeconds)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Closes every statement and result set of this connection, rolls back an open transaction, and returns
   * every physical connection to its pool.
   */
  @Override
  public synchronized void close() throws SQLException {
    if (closed) {
      return;
    }
    SQLException failure = null;
    for (XClusterStatement statement : List.copyOf(statements)) {
      try {
        statement.close();
      } catch (SQLException error) {
        failure = SqlExceptions.chain(failure, error);
      }
    }
    if (!state.autoCommit) {
      for (ClusterSession session : sessions.values()) {
        try {
          session.physical.rollback();
        } catch (SQLException error) {
          failure = SqlExceptions.chain(failure, error);
        }
      }
    }
    sessions.values().forEach(session -> closeQuietly(session.physical));
    sessions.clear();
    closed = true;
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "abort needs an executor");
    }
    List<ClusterSession> held;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      held = List.copyOf(sessions.values());
      sessions.clear();
      statements.clear();
    }
    for (ClusterSession session : held) {
      session.physical.abort(executor);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlExceptions.of(SqlState.CONNECTION_CLOSED, "this xcluster connection is closed");
    }
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "XClusterConnection[" + runtime.config().source() + ", clusters held " + sessions.keySet() + "]";
  }
}
