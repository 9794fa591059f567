package io.xcluster.driver.jdbc;

import io.xcluster.config.ClusterConfig;
import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.QueryListener;
import io.xcluster.driver.runtime.CatalogLookupFailure;
import io.xcluster.driver.runtime.ColumnTypes;
import io.xcluster.driver.runtime.Target;
import io.xcluster.driver.runtime.XClusterRuntime;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.Plan;
import io.xcluster.rewriter.ShardPick;
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
 * read first and the written cluster last, so a failure can never leave half a transaction committed. The
 * physical connections and these rules live in {@link ClusterSessions}; this class is the JDBC surface.
 */
public final class XClusterConnection implements Connection {
  private final XClusterRuntime runtime;
  private final String url;
  private final ConnectionState state = new ConnectionState();
  private final ClusterSessions sessions;
  private final Set<XClusterStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>(8));
  private final List<QueryListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private final ConnectionShards shards;

  public XClusterConnection(XClusterRuntime runtime, String url) {
    this.runtime = runtime;
    this.url = url;
    this.sessions = new ClusterSessions(runtime, state);
    this.shards = new ConnectionShards(runtime);
  }

  XClusterRuntime runtime() {
    return runtime;
  }

  // ---- shards (see ConnectionShards) ---------------------------------------------------------------------

  /** The connection property (and {@code SET xcluster.shard = 'cluster/shard'}) that pins a connection to a shard. */
  public static final String SHARD_PROPERTY = ConnectionShards.PROPERTY;

  /**
   * Restricts this connection to one shard ({@code content/shard1}): statements of that sharded cluster run
   * only there, and one whose shard keys name another shard is refused; null or DEFAULT lifts the pin.
   */
  public void pinShard(String server) throws SQLException {
    checkOpen();
    shards.pin(server);
  }

  /** The shard this connection is pinned to, if any. */
  public java.util.Optional<String> shardPin() {
    return shards.pin();
  }

  ShardResolver shards(String cluster) {
    return shards.resolver(cluster);
  }

  /**
   * The servers a pass-through runs on, each as a route of its own ({@link ConnectionShards#servers}; an
   * UPDATE that sets the shard key is probed for rows it would move, in this connection's sessions).
   */
  List<Plan.PassThrough> servers(Plan.PassThrough route, Object[] values) throws SQLException {
    return shards.servers(route, values, this::holdsRow);
  }

  /** Whether a probe of {@code move} finds a row on {@code server}, in this connection's session there. */
  private boolean holdsRow(String server, ShardPick.Move move, Object[] values) throws SQLException {
    Connection physical = acquire(server, StatementKind.QUERY);
    try (PreparedStatement probe = physical.prepareStatement(move.probeSql())) {
      for (int i = 0; i < move.probeParameters().size(); i++) {
        int index = move.probeParameters().get(i);
        probe.setObject(i + 1, index <= values.length ? values[index - 1] : null);
      }
      try (java.sql.ResultSet found = probe.executeQuery()) {
        return found.next();
      }
    } finally {
      release(physical);
    }
  }

  private String readServer(String cluster, StatementKind kind) {
    return shards.readServer(cluster, kind);
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
      try (PreparedStatement probe = physical.prepareStatement("SELECT * FROM " + fromItem + " WHERE 1 = 0")) {
        if (fromItem.indexOf('?') >= 0) {
          bindNulls(probe);
        }
        try (java.sql.ResultSet empty = probe.executeQuery()) {
          java.sql.ResultSetMetaData meta = empty.getMetaData();
          List<CatalogColumn> columns = new ArrayList<>(meta.getColumnCount());
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(ColumnTypes.describe(meta, i));
          }
          return columns;
        }
      } finally {
        release(physical);
      }
    } catch (SQLException failure) {
      throw new CatalogLookupFailure(failure);
    }
  }

  /**
   * A derived table may hold the statement's own placeholders; its columns do not depend on their values,
   * so the probe (which returns no rows) binds each as an untyped NULL. Asking the count costs PostgreSQL a
   * round trip, hence only for items whose text shows a {@code ?}.
   */
  private static void bindNulls(PreparedStatement probe) throws SQLException {
    int count = probe.getParameterMetaData().getParameterCount();
    for (int i = 1; i <= count; i++) {
      probe.setObject(i, null);
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
    return !listeners.isEmpty() || !runtime.listeners().isEmpty() || StatementLog.tracing();
  }

  void queryRan(QueryEvent event) {
    StatementLog.query(event);
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

  // ---- physical connections (see ClusterSessions) -----------------------------------------------------

  /**
   * The physical connection for one more user (a statement, a result set, a plan's step) of {@code cluster},
   * on the target a statement of {@code kind} routes to (its primary or a read replica); each call is paired
   * with {@link #release(Connection)}.
   *
   * @throws SQLException 25000 when the statement may write and the transaction already wrote elsewhere
   */
  Connection acquire(String cluster, StatementKind kind) throws SQLException {
    checkOpen();
    return sessions.acquire(readServer(cluster, kind), kind);
  }

  /**
   * Like {@link #acquire(String, StatementKind)} on a target {@link #route} chose; a replica that cannot lend
   * a connection is replaced by the cluster's next choice ({@link #targetOf} tells which served).
   */
  Connection acquire(Target target, StatementKind kind) throws SQLException {
    checkOpen();
    return sessions.acquire(target, kind);
  }

  /** Where a statement of {@code kind} on {@code cluster} runs now: its primary or one of its replicas. */
  Target route(String cluster, StatementKind kind) throws SQLException {
    checkOpen();
    return sessions.route(readServer(cluster, kind), kind);
  }

  /** The target of a physical connection this connection holds; empty once given back. */
  java.util.Optional<Target> targetOf(Connection physical) {
    return sessions.targetOf(physical);
  }

  /** A write to {@code cluster} has just ended: its reads stay on the primary for its replicaReadDelay. */
  void wrote(String cluster) {
    sessions.wrote(cluster);
  }

  /** A replica's connection failed: it leaves the rotation until a probe finds it answering. */
  void replicaFailed(Target target, SQLException failure) {
    runtime.replicaFailed(target, failure);
  }

  /** Whether a transaction is open (auto-commit off): a failed read is then not run again elsewhere. */
  boolean inTransaction() {
    return !state.autoCommit;
  }

  /** Records, before a statement runs on a connection already acquired, that it may write to {@code cluster}. */
  void claim(String cluster, StatementKind kind) throws SQLException {
    checkOpen();
    sessions.claim(cluster, kind);
  }

  /**
   * Another connection for a read of {@code cluster}, from the target its reads route to, if one is free at
   * once and no transaction is open; else empty.
   */
  java.util.Optional<ClusterSessions.Lease> borrowExtra(String cluster, int leaveIdle) throws SQLException {
    return closed ? java.util.Optional.empty()
        : sessions.borrowExtra(readServer(cluster, StatementKind.QUERY), leaveIdle);
  }

  /** Ends one use of a physical connection {@link #acquire} lent. */
  void release(Connection physical) {
    sessions.release(physical);
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
    java.util.Optional<String> explained = ExplainXCluster.target(sql);
    java.util.Optional<String> analyzed = explained.flatMap(ExplainXCluster::analyzeTarget);
    String planned = analyzed.or(() -> explained).orElse(sql);
    Plan plan = plan(planned);
    return track(new XClusterPreparedStatement(this, shape, sql, plan, keys, explained.isPresent(),
        analyzed.map(inner -> planned)));
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
      sessions.endTransaction(true);
    }
    state.autoCommit = autoCommit;
    sessions.forEach(physical -> physical.setAutoCommit(autoCommit));
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
    sessions.endTransaction(true);
  }

  @Override
  public synchronized void rollback() throws SQLException {
    checkOpen();
    checkInTransaction("rollback");
    sessions.endTransaction(false);
  }

  private void checkInTransaction(String action) throws SQLException {
    if (state.autoCommit) {
      throw SqlExceptions.of(SqlState.INVALID_TRANSACTION_STATE,
          "cannot " + action + " while auto-commit is on. Fix: call setAutoCommit(false) to start a transaction");
    }
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return setSavepoint(null);
  }

  @Override
  public synchronized Savepoint setSavepoint(String name) throws SQLException {
    checkOpen();
    checkInTransaction("set a savepoint");
    return sessions.setSavepoint(name);
  }

  @Override
  public synchronized void rollback(Savepoint savepoint) throws SQLException {
    checkOpen();
    checkInTransaction("roll back to a savepoint");
    sessions.rollback(savepoint);
  }

  @Override
  public synchronized void releaseSavepoint(Savepoint savepoint) throws SQLException {
    checkOpen();
    sessions.releaseSavepoint(savepoint);
  }

  // ---- session settings -------------------------------------------------------------------------------

  @Override
  public synchronized void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    sessions.forEach(physical -> physical.setReadOnly(readOnly));
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
    sessions.forEach(physical -> physical.setTransactionIsolation(level));
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
      release(physical);
    }
  }

  @Override
  public synchronized void setCatalog(String catalog) throws SQLException {
    checkOpen();
    sessions.forEach(physical -> physical.setCatalog(catalog));
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
    sessions.forEach(physical -> physical.setSchema(schema));
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
    sessions.forEach(physical -> physical.setNetworkTimeout(executor, milliseconds));
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
    applyClientInfo(physical -> physical.setClientInfo(name, value));
  }

  @Override
  public synchronized void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("this connection is closed", SqlState.CONNECTION_CLOSED.code(), 0, Map.of());
    }
    state.clientInfo.clear();
    state.clientInfo.putAll(properties);
    applyClientInfo(physical -> physical.setClientInfo(properties));
  }

  private void applyClientInfo(ClusterSessions.PhysicalChange change) throws SQLClientInfoException {
    try {
      sessions.forEach(change);
    } catch (SQLClientInfoException refused) {
      throw refused;
    } catch (SQLException failure) {
      throw new SQLClientInfoException(failure.getMessage(), failure.getSQLState(), Map.of(), failure);
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
      release(physical);
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
    return !closed && sessions.isValid(timeoutSeconds);
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
    try {
      for (XClusterStatement statement : List.copyOf(statements)) {
        try {
          statement.close();
        } catch (SQLException error) {
          failure = SqlExceptions.chain(failure, error);
        }
      }
    } finally {
      // Whatever a statement threw, the physical connections go back to their pools.
      try {
        sessions.close(!state.autoCommit);
      } catch (SQLException error) {
        failure = SqlExceptions.chain(failure, error);
      }
      closed = true;
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "abort needs an executor");
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      statements.clear();
    }
    sessions.abort(executor);
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
    return "XClusterConnection[" + runtime.config().source() + ", clusters held " + sessions.targets() + "]";
  }
}
