package io.xcluster.driver.jdbc;

import io.xcluster.error.SqlState;
import io.xcluster.rewriter.Plan;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A PreparedStatement routed by its SQL, planned once when prepared. Setter calls are recorded (see
 * {@link Parameters}) and replayed on the physical statement of the target cluster when the statement
 * executes, with their original types; batches replay each recorded parameter set.
 */
class XClusterPreparedStatement extends XClusterStatement implements PreparedStatement {
  final String sql;
  final Plan plan;
  private final GeneratedKeys keys;
  /** For {@code EXPLAIN XCLUSTER <statement>}: {@link #plan} is the statement's, described, never run. */
  private final boolean explains;
  /** For {@code EXPLAIN XCLUSTER ANALYZE <query>}: the query, which runs with the bound values, measured. */
  private final java.util.Optional<String> analyzes;
  final Parameters parameters = new Parameters();
  /** A SELECT across clusters' parameter count, once asked ({@link #getParameterMetaData}); -1 before. */
  private int parameterCount = -1;
  private List<Parameters.Entry> batch;

  XClusterPreparedStatement(
      XClusterConnection connection, StatementShape shape, String sql, Plan plan, GeneratedKeys keys,
      boolean explains, java.util.Optional<String> analyzes) {
    super(connection, shape);
    this.sql = sql;
    this.plan = plan;
    this.keys = keys;
    this.explains = explains;
    this.analyzes = analyzes;
  }

  /** The plan's single cluster; a cross-cluster SELECT has none, and {@code method} cannot run it. */
  final Plan.PassThrough route(String method) throws SQLException {
    return passThrough(plan, method);
  }

  /**
   * The physical prepared statement on the route's server (for a sharded cluster, the shard of the values bound
   * now), created on first use and then reused while the server stays the same.
   */
  PreparedStatement prepared() throws SQLException {
    return preparedOn(oneServer(route("this method")));
  }

  PreparedStatement preparedOn(Plan.PassThrough route) throws SQLException {
    return physicalOn(route.cluster(), route.kind(), physical -> keys.prepareOn(physical, sql, shape));
  }

  /** The one server of the route with the values bound now; several shards are for {@link #runBound} only. */
  final Plan.PassThrough oneServer(Plan.PassThrough route) throws SQLException {
    return oneServer(route, parameters.values());
  }

  private Plan.PassThrough oneServer(Plan.PassThrough route, Object[] values) throws SQLException {
    List<Plan.PassThrough> servers = connection.servers(route, values);
    if (servers.size() > 1) {
      throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "this " + route.kind() + " reaches several shards"
          + " with the values bound. Fix: run it with executeUpdate(), or bind one shard's keys");
    }
    return servers.get(0);
  }

  private <T> T runBound(String method, BoundCall<T> call) throws SQLException {
    if (explains) {
      throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE, "EXPLAIN XCLUSTER returns rows and runs nothing;"
          + " " + method + " cannot run it. Fix: use executeQuery() or execute()");
    }
    if (ShardPinStatement.target(sql).isPresent()) {
      return pinShard(sql, method);
    }
    return onServers(route(method), parameters.values(), method, route -> retryingRead(route, () -> {
      PreparedStatement target = preparedOn(route);
      target.clearParameters();
      bindRecorded(target);
      return observe(route, sql, parameters.values().length, () -> call.run(target));
    }));
  }

  /** The analyzed query on its one cluster, prepared there with the recorded values bound. */
  private ResultSet runAnalyzed() throws SQLException {
    Plan.PassThrough route = oneServer(route("EXPLAIN XCLUSTER ANALYZE"));
    String query = analyzes.orElseThrow();
    PreparedStatement target = physicalOn(route.cluster(), route.kind(), physical -> physical.prepareStatement(query));
    bindRecorded(target);
    return results(observe(route, query, parameters.values().length, target::executeQuery));
  }

  @FunctionalInterface
  private interface BoundCall<T> {
    T run(PreparedStatement target) throws SQLException;
  }

  /** Replays the recorded parameter values on the physical statement. */
  void bindRecorded(PreparedStatement target) throws SQLException {
    parameters.bindTo(target);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    if (analyzes.isPresent()) {
      return explainAnalyze(plan, parameters, this::runAnalyzed);
    }
    if (explains) {
      return explain(plan);
    }
    if (isMerged(plan)) {
      return merged(plan, parameters);
    }
    return results(runBound("executeQuery", PreparedStatement::executeQuery));
  }

  @Override
  public int executeUpdate() throws SQLException {
    return runBound("executeUpdate", PreparedStatement::executeUpdate);
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return runBound("executeLargeUpdate", PreparedStatement::executeLargeUpdate);
  }

  @Override
  public boolean execute() throws SQLException {
    if (analyzes.isPresent()) {
      explainAnalyze(plan, parameters, this::runAnalyzed);
      return true;
    }
    if (explains) {
      explain(plan);
      return true;
    }
    if (isMerged(plan)) {
      merged(plan, parameters);
      return true;
    }
    return runBound("execute", PreparedStatement::execute);
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    if (batch == null) {
      batch = new ArrayList<>();
    }
    batch.add(parameters.snapshot());
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

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<Parameters.Entry> pending = batch == null ? List.of() : batch;
    batch = null;
    long[] counts = new long[pending.size()];
    int done = 0;
    while (done < pending.size()) {
      // consecutive entries for one server (one shard, for a sharded table) run as one physical batch
      Plan.PassThrough server = oneServer(route("executeBatch"), pending.get(done).values());
      int end = done + 1;
      while (end < pending.size() && oneServer(route("executeBatch"), pending.get(end).values()).equals(server)) {
        end++;
      }
      done = runBatch(server, pending.subList(done, end), counts, done);
    }
    return counts;
  }

  private int runBatch(Plan.PassThrough route, List<Parameters.Entry> entries, long[] counts, int offset)
      throws SQLException {
    PreparedStatement target = preparedOn(route);
    target.clearBatch(); // entries of an earlier attempt whose binding failed must not run now
    for (Parameters.Entry entry : entries) {
      target.clearParameters();
      Parameters.bindTo(entry.binders(), target);
      target.addBatch();
    }
    try {
      long[] run = observe(route, sql, entries.size() * entries.get(0).binders().length, target::executeLargeBatch);
      System.arraycopy(run, 0, counts, offset, run.length);
      return offset + run.length;
    } catch (BatchUpdateException failure) {
      throw batchFailure(failure, counts, offset);
    }
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    parameters.clear();
  }

  /** The cluster's description; null for a cross-cluster SELECT before it runs (JDBC allows not knowing). */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    if (isMerged(plan) || explains) { // an EXPLAIN's columns are xcluster's, known on running
      checkOpen();
      return null;
    }
    return prepared().getMetaData();
  }

  /**
   * The cluster's description of the parameters; for a SELECT across clusters, which no one server can
   * describe, or an EXPLAIN, which no server sees, their count alone ({@link MergedParameterMetaData}).
   */
  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    if (isMerged(plan) || explains) {
      checkOpen();
      if (parameterCount < 0) {
        String planned = explains ? ExplainXCluster.target(sql)
            .map(target -> ExplainXCluster.analyzeTarget(target).orElse(target)).orElse(sql) : sql;
        parameterCount = connection.runtime().parameterCount(planned);
      }
      return new MergedParameterMetaData(parameterCount);
    }
    return prepared().getParameterMetaData();
  }

  // ---- a PreparedStatement runs its own SQL only (JDBC forbids the Statement forms) -------------------

  private SQLException notForPrepared(String method) {
    return SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE,
        method + "(String) cannot be called on a PreparedStatement. Fix: call " + method + "() without SQL");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw notForPrepared("executeQuery");
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw notForPrepared("executeUpdate");
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw notForPrepared("execute");
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw notForPrepared("executeLargeUpdate");
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw notForPrepared("addBatch");
  }

  // ---- setters: recorded, replayed on execution ---------------------------------------------------------

  @Override
  public void setNull(int index, int sqlType) throws SQLException {
    checkOpen();
    parameters.set(index, null, (target, i) -> target.setNull(i, sqlType));
  }

  @Override
  public void setBoolean(int index, boolean x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBoolean(i, x));
  }

  @Override
  public void setByte(int index, byte x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setByte(i, x));
  }

  @Override
  public void setShort(int index, short x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setShort(i, x));
  }

  @Override
  public void setInt(int index, int x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setInt(i, x));
  }

  @Override
  public void setLong(int index, long x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setLong(i, x));
  }

  @Override
  public void setFloat(int index, float x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setFloat(i, x));
  }

  @Override
  public void setDouble(int index, double x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setDouble(i, x));
  }

  @Override
  public void setBigDecimal(int index, BigDecimal x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBigDecimal(i, x));
  }

  @Override
  public void setString(int index, String x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setString(i, x));
  }

  @Override
  public void setBytes(int index, byte[] x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBytes(i, x));
  }

  @Override
  public void setDate(int index, Date x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setDate(i, x));
  }

  @Override
  public void setTime(int index, Time x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setTime(i, x));
  }

  @Override
  public void setTimestamp(int index, Timestamp x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setTimestamp(i, x));
  }

  @Override
  public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setAsciiStream(i, x, length));
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setUnicodeStream(i, x, length));
  }

  @Override
  public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBinaryStream(i, x, length));
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setObject(i, x, targetSqlType));
  }

  @Override
  public void setObject(int index, Object x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setObject(i, x));
  }

  @Override
  public void setCharacterStream(int index, Reader x, int length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setCharacterStream(i, x, length));
  }

  @Override
  public void setRef(int index, Ref x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setRef(i, x));
  }

  @Override
  public void setBlob(int index, Blob x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBlob(i, x));
  }

  @Override
  public void setClob(int index, Clob x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setClob(i, x));
  }

  @Override
  public void setArray(int index, Array x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setArray(i, x));
  }

  @Override
  public void setDate(int index, Date x, Calendar calendar) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setDate(i, x, calendar));
  }

  @Override
  public void setTime(int index, Time x, Calendar calendar) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setTime(i, x, calendar));
  }

  @Override
  public void setTimestamp(int index, Timestamp x, Calendar calendar) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setTimestamp(i, x, calendar));
  }

  @Override
  public void setNull(int index, int sqlType, String typeName) throws SQLException {
    checkOpen();
    parameters.set(index, null, (target, i) -> target.setNull(i, sqlType, typeName));
  }

  @Override
  public void setURL(int index, URL x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setURL(i, x));
  }

  @Override
  public void setRowId(int index, RowId x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setRowId(i, x));
  }

  @Override
  public void setNString(int index, String x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setNString(i, x));
  }

  @Override
  public void setNCharacterStream(int index, Reader x, long length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setNCharacterStream(i, x, length));
  }

  @Override
  public void setNClob(int index, NClob x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setNClob(i, x));
  }

  @Override
  public void setClob(int index, Reader x, long length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setClob(i, x, length));
  }

  @Override
  public void setBlob(int index, InputStream x, long length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBlob(i, x, length));
  }

  @Override
  public void setNClob(int index, Reader x, long length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setNClob(i, x, length));
  }

  @Override
  public void setSQLXML(int index, SQLXML x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setSQLXML(i, x));
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setObject(i, x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setAsciiStream(i, x, length));
  }

  @Override
  public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBinaryStream(i, x, length));
  }

  @Override
  public void setCharacterStream(int index, Reader x, long length) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setCharacterStream(i, x, length));
  }

  @Override
  public void setAsciiStream(int index, InputStream x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setAsciiStream(i, x));
  }

  @Override
  public void setBinaryStream(int index, InputStream x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBinaryStream(i, x));
  }

  @Override
  public void setCharacterStream(int index, Reader x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setCharacterStream(i, x));
  }

  @Override
  public void setNCharacterStream(int index, Reader x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setNCharacterStream(i, x));
  }

  @Override
  public void setClob(int index, Reader x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setClob(i, x));
  }

  @Override
  public void setBlob(int index, InputStream x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setBlob(i, x));
  }

  @Override
  public void setNClob(int index, Reader x) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setNClob(i, x));
  }

  @Override
  public void setObject(int index, Object x, SQLType targetType, int scaleOrLength) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setObject(i, x, targetType, scaleOrLength));
  }

  @Override
  public void setObject(int index, Object x, SQLType targetType) throws SQLException {
    checkOpen();
    parameters.set(index, x, (target, i) -> target.setObject(i, x, targetType));
  }

}
