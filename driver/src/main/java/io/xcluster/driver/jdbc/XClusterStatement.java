package io.xcluster.driver.jdbc;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.exec.CrossClusterExecutor;
import io.xcluster.driver.exec.SetOperationExecutor;
import io.xcluster.driver.exec.StatementControl;
import io.xcluster.driver.result.XClusterResultSet;
import io.xcluster.driver.runtime.Target;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.CrossClusterPlan;
import io.xcluster.rewriter.Plan;
import io.xcluster.rewriter.SetOperationPlan;
import io.xcluster.rewriter.StatementKind;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Statement whose SQL goes to the cluster its tables live in.
 *
 * <p>Each execution plans the SQL (a cache lookup when it was seen before), takes the physical connection of
 * the target it routes to (the cluster's primary, or a read replica for a plain read) from the logical
 * connection, and runs the SQL text unchanged on a physical statement there. The physical statement is kept
 * for the next execution on the same target and closed when the SQL routes elsewhere or this statement
 * closes; while it is open this statement counts as one user of that physical connection. Results are the
 * cluster's own, wrapped only so that {@code getStatement()} answers this object.
 *
 * <p>A plain read outside a transaction that fails because its replica's connection did (class 08) runs
 * once more, on another replica or the primary, before any row has reached the application.
 */
class XClusterStatement implements Statement {
  final XClusterConnection connection;
  final StatementShape shape;
  final StatementSettings settings = new StatementSettings();
  /** Where {@link #physical} runs, and the physical connection it was created on; null without one. */
  private Target heldTarget;
  private Connection heldConnection;
  private volatile Statement physical;
  /** The running (or streaming) cross-cluster execution, for {@link #cancel()}; null when there is none. */
  private volatile StatementControl control;
  private RoutedResultSet results;
  private XClusterResultSet synthetic;
  private List<String> batch;
  private boolean closeOnCompletion;
  private boolean closed;

  XClusterStatement(XClusterConnection connection, StatementShape shape) {
    this.connection = connection;
    this.shape = shape;
  }

  // ---- routing ----------------------------------------------------------------------------------------

  /** A plan that runs on one cluster; a cross-cluster SELECT is refused where only a write is acceptable. */
  static Plan.PassThrough passThrough(Plan plan, String method) throws SQLException {
    if (plan instanceof Plan.PassThrough route) {
      return route;
    }
    throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE, method + " cannot run a SELECT across clusters:"
        + " it returns rows. Fix: use executeQuery() or execute()");
  }

  /**
   * The physical statement for a statement of {@code kind} on {@code cluster}, reusing the open one when it
   * runs on the target this execution routes to. Closes the previous execution's results first, as JDBC
   * requires of a re-execution.
   */
  final <S extends Statement> S physicalOn(String cluster, StatementKind kind, PhysicalFactory<S> factory)
      throws SQLException {
    checkOpen();
    closeResults();
    Target wanted = connection.route(cluster, kind);
    if (physical != null && wanted.equals(heldTarget)) {
      connection.claim(cluster, kind);
      @SuppressWarnings("unchecked")
      S reused = (S) physical;
      return reused;
    }
    closePhysical();
    Connection physicalConnection = connection.acquire(wanted, kind);
    heldConnection = physicalConnection;
    heldTarget = connection.targetOf(physicalConnection).orElse(wanted);
    try {
      S created = factory.create(physicalConnection);
      physical = created; // held before settings apply, so a failure below closes it
      settings.applyTo(created);
      return created;
    } catch (SQLException | RuntimeException failure) {
      closePhysical();
      throw failure;
    }
  }

  @FunctionalInterface
  interface PhysicalFactory<S extends Statement> {
    S create(Connection physicalConnection) throws SQLException;
  }

  @FunctionalInterface
  interface PhysicalCall<T> {
    T run() throws SQLException;
  }

  /**
   * Runs one physical call for a pass-through plan on the physical statement {@link #physicalOn} made,
   * telling the listeners when anyone listens, remembering a write's end (read-your-writes), taking a replica
   * whose connection failed out of rotation, and forgetting cached plans after DDL (a plan's view of a
   * table's columns may have changed).
   */
  final <T> T observe(Plan.PassThrough route, String sql, int parameters, PhysicalCall<T> call)
      throws SQLException {
    StatementLog.statement(sql, route);
    Target target = heldTarget == null ? Target.primary(route.cluster()) : heldTarget;
    boolean observed = connection.observed();
    long started = observed ? System.nanoTime() : 0;
    try {
      T result = call.run();
      afterRun(route);
      if (observed) {
        long rows = result instanceof Number count ? count.longValue() : -1;
        connection.queryRan(new QueryEvent(route.cluster(), sql, parameters, rows, System.nanoTime() - started,
            sql, null, QueryEvent.Kind.PASS_THROUGH, target.label()));
      }
      return result;
    } catch (SQLException failure) {
      if (!target.isPrimary() && SqlExceptions.isConnectionFailure(failure)) {
        connection.replicaFailed(target, failure);
      }
      if (observed) {
        connection.queryRan(new QueryEvent(route.cluster(), sql, parameters, -1, System.nanoTime() - started,
            sql, failure, QueryEvent.Kind.PASS_THROUGH, target.label()));
      }
      throw failure;
    } finally {
      if (route.kind().mayWrite()) {
        connection.wrote(route.cluster());
      }
    }
  }

  private void afterRun(Plan.PassThrough route) {
    if (route.kind() == StatementKind.DDL) {
      connection.runtime().schemaChanged();
    }
  }

  /**
   * Runs {@code attempt} (which makes or reuses the physical statement and runs it), and once more when it was
   * a plain read outside a transaction that failed because its replica's connection did: that replica has
   * left the rotation, so the second attempt runs on another replica or the primary. Nothing that may write,
   * and nothing inside a transaction, ever runs twice.
   */
  final <T> T retryingRead(Plan.PassThrough route, PhysicalCall<T> attempt) throws SQLException {
    try {
      return attempt.run();
    } catch (SQLException failure) {
      Target failedOn = heldTarget;
      if (route.kind() != StatementKind.QUERY || failedOn == null || failedOn.isPrimary()
          || !SqlExceptions.isConnectionFailure(failure) || connection.inTransaction()) {
        throw failure;
      }
      closePhysical(); // the broken connection goes back to its pool, which discards it
      try {
        return attempt.run();
      } catch (SQLException again) {
        again.addSuppressed(failure);
        throw again;
      }
    }
  }

  /** Whether a plan's rows are merged in memory (a cross-cluster SELECT or set operation). */
  static boolean isMerged(Plan plan) {
    return plan instanceof CrossClusterPlan || plan instanceof SetOperationPlan;
  }

  /** Runs a merged plan to its end (or its streamed last step) and keeps it as the current result. */
  final ResultSet merged(Plan plan, Parameters parameters) throws SQLException {
    checkOpen();
    closeResults();
    StatementLog.statement(plan instanceof SetOperationPlan setOperation ? setOperation.sql()
        : ((CrossClusterPlan) plan).sql(), plan);
    CrossClusterExecutor.Merged merged = execute(plan, parameters);
    int type = shape.type() == ResultSet.TYPE_FORWARD_ONLY
        ? ResultSet.TYPE_FORWARD_ONLY : ResultSet.TYPE_SCROLL_INSENSITIVE;
    synthetic = new XClusterResultSet(merged.columns(), merged.rows(), this, type,
        this::syntheticClosed);
    return synthetic;
  }

  /**
   * Runs a merged plan up to its result (its last step may still stream). Outside a transaction, a run that
   * failed because a replica's connection did runs once more: the replica has left the rotation, and no row
   * has reached the application yet.
   */
  private CrossClusterExecutor.Merged execute(Plan plan, Parameters parameters) throws SQLException {
    SQLException earlier = null;
    while (true) {
      StatementControl running = StatementControl.start(settings.queryTimeoutSeconds, connection.runtime().timers());
      control = running;
      String sql = plan instanceof SetOperationPlan setOperation ? setOperation.sql() : ((CrossClusterPlan) plan).sql();
      StatementContext context = new StatementContext(connection, sql, parameters, settings, running);
      try {
        if (plan instanceof SetOperationPlan setOperation) {
          return SetOperationExecutor.execute(setOperation, context);
        }
        return CrossClusterExecutor.execute((CrossClusterPlan) plan, context);
      } catch (XClusterException refused) {
        control = null;
        throw SqlExceptions.from(refused);
      } catch (SQLException failed) {
        control = null;
        if (earlier != null) {
          failed.addSuppressed(earlier);
          throw failed;
        }
        if (!context.replicaFailed() || !SqlExceptions.isConnectionFailure(failed) || connection.inTransaction()) {
          throw failed;
        }
        earlier = failed;
      } catch (RuntimeException failed) {
        control = null;
        throw failed;
      } finally {
        running.finish();
      }
    }
  }

  /** The application closed the merged result (a re-execution clears {@code synthetic} before closing it). */
  private void syntheticClosed() {
    control = null;
    if (synthetic != null) {
      synthetic = null;
      resultsClosed();
    }
  }

  /**
   * Runs {@code SET xcluster.shard = ...} (or RESET) on the connection itself, answering what {@code method}
   * answers for a statement that changes and returns nothing.
   */
  @SuppressWarnings("unchecked")
  final <T> T pinShard(String sql, String method) throws SQLException {
    connection.pinShard(ShardPinStatement.target(sql).orElseThrow());
    return (T) ShardPinStatement.emptyResult(method);
  }

  private <T> T onOneCluster(String sql, String method, StatementCall<T> call) throws SQLException {
    if (ShardPinStatement.target(sql).isPresent()) {
      return pinShard(sql, method);
    }
    Plan.PassThrough planned = passThrough(connection.plan(sql), method);
    return onServers(planned, Parameters.NO_VALUES, method, route -> retryingRead(route, () -> {
      Statement target = physicalOn(route.cluster(), route.kind(), shape::createOn);
      return observe(route, sql, 0, () -> call.run(target));
    }));
  }

  /** One run of a pass-through on one server. */
  @FunctionalInterface
  interface ServerCall<T> {
    T run(Plan.PassThrough onServer) throws SQLException;
  }

  /**
   * Runs a pass-through on its server, or on each shard its keys reach: one after another, each committing on
   * its own outside a transaction (inside one, a second written shard is refused like a second cluster). Only
   * an update count adds up across shards, so a write reaching several shards runs through executeUpdate (or
   * is DDL, which every shard runs).
   */
  final <T> T onServers(Plan.PassThrough route, Object[] values, String method, ServerCall<T> call)
      throws SQLException {
    List<Plan.PassThrough> servers = connection.servers(route, values);
    if (servers.size() == 1) {
      return call.run(servers.get(0));
    }
    String shards = servers.stream().map(Plan.PassThrough::cluster).collect(java.util.stream.Collectors.joining(", "));
    if (route.kind() == StatementKind.INSERT) {
      throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "the rows of this INSERT belong to different shards ("
          + shards + "). Fix: insert the rows of each shard in a statement of their own");
    }
    boolean counts = method.contains("Update");
    if (!counts && route.kind() != StatementKind.DDL) {
      throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "this " + route.kind() + " reaches several shards ("
          + shards + "), whose update counts only executeUpdate() adds up. Fix: run it with executeUpdate()");
    }
    T result = null;
    List<String> done = new java.util.ArrayList<>();
    for (Plan.PassThrough server : servers) {
      try {
        result = sum(result, call.run(server));
      } catch (SQLException failure) {
        throw done.isEmpty() ? failure : partlyRun(route, done, server.cluster(), failure);
      }
      done.add(server.cluster());
    }
    return result;
  }

  /**
   * A write that failed on one shard after others ran it: the database's error, saying where it already ran
   * (committed there, outside a transaction; inside one, the transaction is the application's to roll back).
   */
  private SQLException partlyRun(Plan.PassThrough route, List<String> done, String failedOn, SQLException failure) {
    return new SQLException("this " + route.kind() + " failed on shard '" + failedOn + "' after it ran on "
        + String.join(", ", done) + (connection.inTransaction() ? " (in this transaction: roll it back to undo"
        + " them)" : " (each committed on its own)") + ": " + failure.getMessage(), failure.getSQLState(),
        failure.getErrorCode(), failure);
  }

  @SuppressWarnings("unchecked")
  private static <T> T sum(T total, T next) {
    if (total instanceof Integer a && next instanceof Integer b) {
      return (T) Integer.valueOf(a + b);
    }
    if (total instanceof Long a && next instanceof Long b) {
      return (T) Long.valueOf(a + b);
    }
    return next;
  }

  @FunctionalInterface
  private interface StatementCall<T> {
    T run(Statement target) throws SQLException;
  }

  /** Wraps the physical result set so that it answers this statement and can close it on completion. */
  final ResultSet results(ResultSet physicalResults) {
    if (physicalResults == null) {
      results = null;
      return null;
    }
    if (results == null || !results.wraps(physicalResults)) {
      results = new RoutedResultSet(physicalResults, this, this::resultsClosed);
    }
    return results;
  }

  private void resultsClosed() {
    if (closeOnCompletion) {
      try {
        close();
      } catch (SQLException ignored) {
        // closing on completion is best effort; the connection's close cleans up what remains
      }
    }
  }

  // ---- execution --------------------------------------------------------------------------------------

  /** {@code EXPLAIN XCLUSTER <statement>}: the plan as rows, nothing run; with ANALYZE, run and measured. */
  private ResultSet explain(String target) throws SQLException {
    java.util.Optional<String> analyzed = ExplainXCluster.analyzeTarget(target);
    if (analyzed.isPresent()) {
      return explainAnalyze(analyzed.get());
    }
    return explain(connection.plan(target));
  }

  /**
   * Runs a query to its end, its rows read and dropped, while listening to its physical queries; then the
   * plan's rows with each step's queries, rows and time. Only queries: a write would really write.
   */
  private ResultSet explainAnalyze(String sql) throws SQLException {
    checkOpen();
    return explainAnalyze(connection.plan(sql), null,
        () -> results(onOneCluster(sql, "executeQuery", target -> target.executeQuery(sql))));
  }

  /** Runs a single-cluster query of an EXPLAIN ANALYZE and answers its rows. */
  @FunctionalInterface
  interface PassThroughRun {
    ResultSet run() throws SQLException;
  }

  /** EXPLAIN XCLUSTER ANALYZE of a planned query: merged plans run here, a pass-through one by {@code run}. */
  final ResultSet explainAnalyze(Plan plan, Parameters parameters, PassThroughRun run) throws SQLException {
    if (plan.kind() != StatementKind.QUERY) {
      throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN XCLUSTER ANALYZE runs only queries (it"
          + " would really run this " + plan.kind().name().toLowerCase(java.util.Locale.ROOT) + "). Fix: use"
          + " EXPLAIN XCLUSTER without ANALYZE");
    }
    List<QueryEvent> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.xcluster.driver.QueryListener listener = ran::add;
    connection.addQueryListener(listener);
    long started = System.nanoTime();
    long rows = 0;
    try {
      ResultSet results = isMerged(plan) ? merged(plan, parameters) : run.run();
      try (results) {
        while (results.next()) {
          rows++;
        }
      }
    } finally {
      connection.removeQueryListener(listener);
    }
    long nanos = System.nanoTime() - started;
    closeResults();
    synthetic = ExplainXCluster.analyzed(plan, strategy(), this, ran, rows, nanos);
    return synthetic;
  }

  final ResultSet explain(Plan plan) throws SQLException {
    checkOpen();
    closeResults();
    synthetic = ExplainXCluster.describe(plan, strategy(), this);
    return synthetic;
  }

  /** What this statement's join strategies depend on now: the options, its fetch size, the transaction. */
  private ExplainXCluster.Strategy strategy() throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    int fetchSize = settings.fetchSize;
    io.xcluster.config.XClusterConfig config = connection.runtime().config();
    return new ExplainXCluster.Strategy(connection.runtime().options(),
        cluster -> StatementContext.readsThroughCursor(config.cluster(cluster).url(), fetchSize, autoCommit));
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    java.util.Optional<String> explained = ExplainXCluster.target(sql);
    if (explained.isPresent()) {
      return explain(explained.get());
    }
    Plan plan = connection.plan(sql);
    if (isMerged(plan)) {
      return merged(plan, null);
    }
    return results(onOneCluster(sql, "executeQuery", target -> target.executeQuery(sql)));
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    if (ShardPinStatement.target(sql).isPresent()) {
      return onOneCluster(sql, "execute", target -> target.execute(sql));
    }
    java.util.Optional<String> explained = ExplainXCluster.target(sql);
    if (explained.isPresent()) {
      explain(explained.get());
      return true;
    }
    Plan plan = connection.plan(sql);
    if (isMerged(plan)) {
      merged(plan, null);
      return true;
    }
    return onOneCluster(sql, "execute", target -> target.execute(sql));
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return onOneCluster(sql, "executeUpdate", target -> target.executeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return onOneCluster(sql, "executeLargeUpdate", target -> target.executeLargeUpdate(sql));
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return Math.toIntExact(executeLargeUpdate(sql, autoGeneratedKeys));
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return Math.toIntExact(executeLargeUpdate(sql, columnIndexes));
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return Math.toIntExact(executeLargeUpdate(sql, columnNames));
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    GeneratedKeys keys = GeneratedKeys.of(autoGeneratedKeys);
    return onOneCluster(sql, "executeUpdate", target -> keys.executeLargeUpdate(target, sql));
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    GeneratedKeys keys = GeneratedKeys.columns(columnIndexes);
    return onOneCluster(sql, "executeUpdate", target -> keys.executeLargeUpdate(target, sql));
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    GeneratedKeys keys = GeneratedKeys.columns(columnNames);
    return onOneCluster(sql, "executeUpdate", target -> keys.executeLargeUpdate(target, sql));
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    GeneratedKeys keys = GeneratedKeys.of(autoGeneratedKeys);
    return onOneCluster(sql, "execute with generated keys", target -> keys.execute(target, sql));
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    GeneratedKeys keys = GeneratedKeys.columns(columnIndexes);
    return onOneCluster(sql, "execute with generated keys", target -> keys.execute(target, sql));
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    GeneratedKeys keys = GeneratedKeys.columns(columnNames);
    return onOneCluster(sql, "execute with generated keys", target -> keys.execute(target, sql));
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    if (synthetic != null) {
      return synthetic.isClosed() ? null : synthetic;
    }
    Statement current = physical;
    return current == null ? null : results(current.getResultSet());
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return Math.toIntExact(getLargeUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    Statement current = physical;
    return current == null || synthetic != null ? -1 : current.getLargeUpdateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(Statement.CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (synthetic != null) {
      if (current != Statement.KEEP_CURRENT_RESULT) {
        closeResults();
      }
      return false;
    }
    Statement open = physical;
    if (open == null) {
      return false;
    }
    if (current != Statement.KEEP_CURRENT_RESULT) {
      results = null;
    }
    return open.getMoreResults(current);
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    Statement open = physical;
    if (open == null) {
      throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE, "no statement has run yet, so there are no generated keys");
    }
    return new RoutedResultSet(open.getGeneratedKeys(), this, () -> { });
  }

  // ---- batches ----------------------------------------------------------------------------------------

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    if (batch == null) {
      batch = new ArrayList<>();
    }
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch = null;
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return Arrays.stream(executeLargeBatch()).mapToInt(Math::toIntExact).toArray();
  }

  /**
   * Runs the batch in order. Consecutive statements for the same cluster go to it as one physical batch;
   * when the batch reaches several clusters, each run of statements is its own physical batch.
   */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> pending = batch == null ? List.of() : batch;
    batch = null;
    long[] counts = new long[pending.size()];
    int done = 0;
    while (done < pending.size()) {
      Plan.PassThrough first = oneServer(passThrough(connection.plan(pending.get(done)), "executeBatch"));
      int end = done + 1;
      while (end < pending.size() && oneServer(passThrough(connection.plan(pending.get(end)), "executeBatch"))
          .cluster().equals(first.cluster())) {
        end++;
      }
      done = runBatch(first, pending.subList(done, end), counts, done);
    }
    return counts;
  }

  /** The one server of a batched statement: a batch entry that reaches several shards is refused. */
  private Plan.PassThrough oneServer(Plan.PassThrough route) throws SQLException {
    List<Plan.PassThrough> servers = connection.servers(route, Parameters.NO_VALUES);
    if (servers.size() > 1) {
      throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "a batched " + route.kind() + " that reaches several"
          + " shards. Fix: run it with executeUpdate(), or pin its shard key");
    }
    return servers.get(0);
  }

  /** One physical batch; listeners hear of it as one query, and any DDL in it forgets cached plans. */
  private int runBatch(Plan.PassThrough first, List<String> sqls, long[] counts, int offset) throws SQLException {
    Statement target = physicalOn(first.cluster(), StatementKind.OTHER, shape::createOn);
    target.clearBatch(); // entries of an earlier attempt that failed before running must not run now
    for (String sql : sqls) {
      target.addBatch(sql);
    }
    boolean ddl = false;
    for (String sql : sqls) {
      ddl |= ((Plan.PassThrough) connection.plan(sql)).kind() == StatementKind.DDL;
    }
    try {
      long[] runCounts = observe(first, String.join("; ", sqls), 0, target::executeLargeBatch);
      System.arraycopy(runCounts, 0, counts, offset, runCounts.length);
      return offset + runCounts.length;
    } catch (BatchUpdateException failure) {
      throw batchFailure(failure, counts, offset);
    } finally {
      connection.wrote(first.cluster()); // a batch runs on the primary and may write, whatever its first SQL
      if (ddl) {
        connection.runtime().schemaChanged(); // even after a failure: the DDL before it has run
      }
    }
  }

  /** The physical failure, with the counts of the earlier runs of a multi-cluster batch in front of its own. */
  static BatchUpdateException batchFailure(BatchUpdateException failure, long[] counts, int offset) {
    long[] partial = failure.getLargeUpdateCounts() == null ? new long[0] : failure.getLargeUpdateCounts();
    long[] all = Arrays.copyOf(counts, offset + partial.length);
    System.arraycopy(partial, 0, all, offset, partial.length);
    BatchUpdateException combined = new BatchUpdateException(failure.getMessage(), failure.getSQLState(),
        failure.getErrorCode(), all, failure.getCause());
    combined.setNextException(failure.getNextException());
    combined.addSuppressed(failure);
    return combined;
  }

  // ---- settings ---------------------------------------------------------------------------------------

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return settings.maxFieldSize;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    requireNonNegative("maxFieldSize", max);
    settings.maxFieldSize = max;
    if (physical != null) {
      physical.setMaxFieldSize(max);
    }
  }

  @Override
  public int getMaxRows() throws SQLException {
    checkOpen();
    return (int) Math.min(settings.maxRows, Integer.MAX_VALUE);
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return settings.maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    requireNonNegative("maxRows", max);
    settings.maxRows = max;
    if (physical != null) {
      physical.setLargeMaxRows(max);
    }
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
    settings.escapeProcessing = enable;
    if (physical != null) {
      physical.setEscapeProcessing(enable);
    }
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return settings.queryTimeoutSeconds;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    requireNonNegative("queryTimeout", seconds);
    settings.queryTimeoutSeconds = seconds;
    if (physical != null) {
      physical.setQueryTimeout(seconds);
    }
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE
        && direction != ResultSet.FETCH_UNKNOWN) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "unknown fetch direction " + direction);
    }
    settings.fetchDirection = direction;
    if (physical != null) {
      physical.setFetchDirection(direction);
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return settings.fetchDirection;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    requireNonNegative("fetchSize", rows);
    settings.fetchSize = rows;
    if (physical != null) {
      physical.setFetchSize(rows);
    }
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return settings.fetchSize;
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    checkOpen();
    settings.cursorName = name;
    if (physical != null) {
      physical.setCursorName(name);
    }
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    settings.poolable = poolable;
    if (physical != null) {
      physical.setPoolable(poolable);
    }
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return settings.poolable == null ? this instanceof XClusterPreparedStatement : settings.poolable;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return shape.concurrency();
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return shape.type();
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return shape.holdability() == StatementShape.DRIVER_DEFAULT
        ? ResultSet.HOLD_CURSORS_OVER_COMMIT : shape.holdability();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    Statement open = physical;
    return open == null ? null : open.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    Statement open = physical;
    if (open != null) {
      open.clearWarnings();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  private static void requireNonNegative(String what, long value) throws SQLException {
    if (value < 0) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, what + " must be >= 0, was " + value);
    }
  }

  // ---- lifecycle --------------------------------------------------------------------------------------

  /** Cancels the physical statement in flight, if any; safe to call from another thread. */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    StatementControl execution = control;
    if (execution != null) {
      execution.cancel();
    }
    Statement inFlight = physical;
    if (inFlight != null) {
      inFlight.cancel();
    }
  }

  private void closeResults() throws SQLException {
    RoutedResultSet open = results;
    XClusterResultSet merged = synthetic;
    results = null;
    synthetic = null;
    if (merged != null) {
      merged.close();
    }
    if (open != null) {
      open.closeWithoutCompletion();
    }
  }

  /** Closes the physical statement and ends this statement's use of the cluster's physical connection. */
  final void closePhysical() throws SQLException {
    Statement open = physical;
    Connection used = heldConnection;
    physical = null;
    heldTarget = null;
    heldConnection = null;
    try {
      if (open != null) {
        open.close();
      }
    } finally {
      if (used != null) {
        connection.release(used);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeResults();
    } finally {
      try {
        closePhysical();
      } finally {
        connection.forget(this);
      }
    }
  }

  @Override
  public boolean isClosed() {
    return closed || connection.isClosed();
  }

  final void checkOpen() throws SQLException {
    if (closed) {
      throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE, "this statement is closed");
    }
    connection.checkOpen();
  }

  /** The physical statement of the last execution, or null: for subclasses that read its outputs. */
  final Statement physical() {
    return physical;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    Statement open = physical;
    if (open != null && open.isWrapperFor(type)) {
      return open.unwrap(type);
    }
    throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    Statement open = physical;
    return type.isInstance(this) || (open != null && open.isWrapperFor(type));
  }
}
