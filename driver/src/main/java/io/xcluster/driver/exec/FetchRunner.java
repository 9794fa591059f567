package io.xcluster.driver.exec;

import io.xcluster.driver.QueryEvent;
import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.result.ColumnMeta;
import io.xcluster.error.SqlState;
import io.xcluster.rewriter.CrossClusterPlan.Fetch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the queries of fetches: binds the statement's parameters and the key batch, reads the rows, records
 * the columns' metadata, reports each query, and gives the connection back as soon as the rows are read.
 * Safe for fetches of different clusters on different threads (each writes only its own metadata slots).
 */
final class FetchRunner {
  /** Parameters per query at most: below PostgreSQL's 32,767 and MySQL's 65,535. */
  private static final int MAX_PARAMETERS = 30_000;
  /** A cursor looks for a cancel or timeout each time this many more rows (a power of two, minus one) are read. */
  private static final int CHECK_EVERY_ROWS = 1023;
  /** No top-N cut: every row of the fetch. */
  static final long NO_TOP = -1;
  /** Every row, sorted by the fetch's {@link Fetch#topOrder()} (a shard's part of a merged sorted read). */
  static final long ALL_SORTED = Long.MAX_VALUE;
  /** The rows a list read from an unbound query starts with room for. */
  private static final int UNBOUND_ROWS = 64;

  private final ExecutionContext context;
  private final ColumnMeta[] slotMeta;

  FetchRunner(ExecutionContext context, ColumnMeta[] slotMeta) {
    this.context = context;
    this.slotMeta = slotMeta;
  }

  /**
   * All rows of a fetch. {@code keys} is null for an unbound fetch; an empty key set runs no query for rows
   * (only one for the columns' metadata, when it is not known yet).
   */
  List<Object[]> fetch(Fetch fetch, List<Object[]> keys) throws SQLException {
    if (fetch.isDerived()) {
      return derivedRows(fetch);
    }
    if (keys == null || joinsByHash(fetch, keys, false)) {
      return readParts(fetch, parts(fetch, null), NO_TOP);
    }
    return fetchTop(fetch, keys, NO_TOP);
  }

  /** An unbound fetch's first {@code top} rows in the plan's order from each of its servers (shards). */
  List<Object[]> fetchTopOfEach(Fetch fetch, long top) throws SQLException {
    return readParts(fetch, parts(fetch, null), top);
  }

  /**
   * One physical query of a fetch: the server it runs on and its key batch (null: the fetch without its key
   * predicate). A fetch of an unsharded cluster has one server; of a sharded table, one per shard it reaches.
   */
  record Part(String server, List<Object[]> keys) {}

  /**
   * The queries of a fetch for {@code keys} (null: unbound): each key batch on each server, except that keys
   * bound to a sharded table's shard key go only to the shard that holds them.
   */
  List<Part> parts(Fetch fetch, List<Object[]> keys) throws SQLException {
    List<Part> parts = new ArrayList<>();
    if (keys != null && fetch.shardKeyColumn() >= 0) {
      java.util.Map<String, List<Object[]>> byShard = new java.util.TreeMap<>();
      for (Object[] key : keys) {
        java.util.Optional<String> server = context.serverOfKey(fetch.cluster(), key[fetch.shardKeyColumn()],
            fetch.shards().keyType());
        server.ifPresent(s -> byShard.computeIfAbsent(s, x -> new ArrayList<>()).add(key));
      }
      byShard.forEach((server, own) -> batches(fetch, own).forEach(batch -> parts.add(new Part(server, batch))));
      return parts; // empty when no shard holds any key: nothing to read
    }
    List<String> servers = context.servers(fetch);
    for (List<Object[]> batch : keys == null ? java.util.Collections.<List<Object[]>>singletonList(null)
        : batches(fetch, keys)) {
      servers.forEach(server -> parts.add(new Part(server, batch)));
    }
    return parts;
  }

  /**
   * A bound fetch's rows for {@code keys}, each key batch returning only its first {@code top} rows in the
   * plan's order ({@link Fetch#sqlFor(int, long)}), or all of them for {@link #NO_TOP}.
   */
  List<Object[]> fetchTop(Fetch fetch, List<Object[]> keys, long top) throws SQLException {
    List<Part> parts = keys.isEmpty() ? List.of() : parts(fetch, keys);
    if (parts.isEmpty()) {
      describeOnly(fetch);
      return List.of();
    }
    return readParts(fetch, parts, top);
  }

  private static boolean oneServer(List<Part> parts) {
    String first = parts.get(0).server();
    for (Part part : parts) {
      if (!part.server().equals(first)) {
        return false;
      }
    }
    return true;
  }

  /** Reads every part: one server's as {@link #readPartsOfOne} does, several servers' at the same time. */
  private List<Object[]> readParts(Fetch fetch, List<Part> batches, long top) throws SQLException {
    if (oneServer(batches)) {
      return readPartsOfOne(fetch, batches, top); // an unsharded cluster's fetch, or one shard's
    }
    java.util.Map<String, List<Part>> byServer = new java.util.LinkedHashMap<>();
    batches.forEach(part -> byServer.computeIfAbsent(part.server(), server -> new ArrayList<>()).add(part));
    return readServers(fetch, byServer, top);
  }

  /**
   * The parts of several servers (the shards of a sharded table): each server's on a thread of its own, at
   * the same time, the first server's on this one.
   */
  private List<Object[]> readServers(Fetch fetch, java.util.Map<String, List<Part>> byServer, long top)
      throws SQLException {
    List<List<Part>> servers = new ArrayList<>(byServer.values());
    List<java.util.concurrent.Future<List<Object[]>>> others = new ArrayList<>();
    try {
      for (List<Part> parts : servers.subList(1, servers.size())) {
        others.add(context.fetchers().submit(() -> readPartsOfOne(fetch, parts, top)));
      }
      List<Object[]> rows = new ArrayList<>(readPartsOfOne(fetch, servers.get(0), top));
      for (var pending : others) {
        rows.addAll(CrossClusterExecutor.await(pending));
        checkHeld(rows.size(), "reading", fetch.tables());
      }
      return rows;
    } catch (SQLException | RuntimeException failure) {
      context.control().stopSiblings();
      CrossClusterExecutor.awaitQuietly(others);
      throw failure;
    }
  }

  /**
   * Reads the parts of one server: the first on the statement's own connection; each further one on another
   * connection of the pool if one is free at once (run in parallel), else after the first, on the own
   * connection. The own connection is taken first, so that the others come from the same server (a cluster's
   * replica or primary).
   */
  private List<Object[]> readPartsOfOne(Fetch fetch, List<Part> batches, long top) throws SQLException {
    List<java.util.concurrent.Future<List<Object[]>>> beside = new ArrayList<>();
    List<Part> after = new ArrayList<>();
    Connection own = context.acquire(batches.get(0).server());
    boolean ownOpened = false;
    try {
      for (Part batch : batches.subList(1, batches.size())) {
        Connection extra = context.borrowExtra(batch.server());
        if (extra == null) {
          after.add(batch);
        } else {
          try {
            beside.add(context.fetchers().submit(() -> readAll(openOn(fetch, batch, top, extra, extra::close))));
          } catch (RuntimeException rejected) {
            closeQuietly(extra);
            throw rejected;
          }
        }
      }
      ownOpened = true; // from here on the first batch's cursor gives it back
      List<Object[]> rows = readAll(openOn(fetch, batches.get(0), top, own, () -> context.release(own)));
      for (Part batch : after) {
        rows.addAll(readAll(open(fetch, batch, top)));
        checkHeld(rows.size(), "reading", fetch.tables());
      }
      for (var pending : beside) {
        rows.addAll(CrossClusterExecutor.await(pending));
        checkHeld(rows.size(), "reading", fetch.tables());
      }
      return rows;
    } catch (SQLException | RuntimeException failure) {
      if (!ownOpened) {
        context.release(own);
      }
      context.control().stopSiblings();
      CrossClusterExecutor.awaitQuietly(beside);
      throw failure;
    }
  }

  /** The rows of a derived table spanning clusters: its own plan, run to the end. */
  private List<Object[]> derivedRows(Fetch fetch) throws SQLException {
    CrossClusterExecutor.Merged merged = CrossClusterExecutor.execute(fetch.derived(), context);
    for (int column = 0; column < fetch.width(); column++) {
      slotMeta[fetch.offset() + column] = merged.columns().get(column);
    }
    List<Object[]> rows = new ArrayList<>();
    try (var source = merged.rows()) {
      while (source.next()) {
        Object[] row = new Object[fetch.width()];
        for (int column = 0; column < row.length; column++) {
          row[column] = source.value(column);
        }
        rows.add(row);
        if (rows.size() > context.limits().maxRowsInMemory()) {
          checkHeld(rows.size(), "computing", fetch.tables());
        }
      }
    }
    return rows;
  }

  /**
   * The join strategy ({@link Fetch#joinsByHash}): true to run the fetch once, unbound, and join in memory;
   * {@code streamed} when its rows stream into the result rather than being read whole.
   */
  boolean joinsByHash(Fetch fetch, List<Object[]> keys, boolean streamed) {
    return fetch.joinsByHash(keys.size(), context.limits().hashJoinThreshold(), streamed);
  }

  /** The key batches of a bound fetch: at most bindBatchSize tuples and MAX_PARAMETERS parameters each. */
  List<List<Object[]>> batches(Fetch fetch, List<Object[]> keys) {
    int perQuery = Math.max(1, Math.min(context.limits().bindBatchSize(),
        (MAX_PARAMETERS - fetch.parameters().size()) / Math.max(1, fetch.keyColumns().size())));
    List<List<Object[]>> batches = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += perQuery) {
      batches.add(keys.subList(from, Math.min(keys.size(), from + perQuery)));
    }
    return batches;
  }

  /**
   * Every row of an open query, in a list sized for one row per bound key (a lookup by primary key, a
   * grouping by the key), which spares growing it step by step from ten.
   */
  private List<Object[]> readAll(Cursor opened) throws SQLException {
    Fetch fetch = opened.fetch;
    try (Cursor cursor = opened) {
      List<Object[]> rows = new ArrayList<>(Math.max(UNBOUND_ROWS, cursor.keyCount));
      Object[] row;
      while ((row = cursor.next()) != null) {
        rows.add(row);
        if (rows.size() > context.limits().maxRowsInMemory()) {
          cursor.failOn(() -> checkHeld(rows.size(), "reading", fetch.tables()));
        }
      }
      return rows;
    }
  }

  /**
   * Opens {@code part}'s query on a fetcher thread, on another connection of the pool, while the caller reads
   * an earlier part: the server runs it and the driver receives its rows meanwhile. Null, and nothing started,
   * when a transaction is open or the pool has fewer than two idle connections: the connection is held as long
   * as the application takes to read, so the pool's last idle one stays for other statements. The caller then
   * opens the part itself when it gets there. The cursor gives its connection back to the pool.
   */
  java.util.concurrent.Future<Cursor> openAhead(Fetch fetch, Part part) throws SQLException {
    Connection extra = context.borrowExtra(part.server(), 1);
    if (extra == null) {
      return null;
    }
    try {
      return context.fetchers().submit(() -> openOn(fetch, part, NO_TOP, extra, extra::close));
    } catch (RuntimeException rejected) {
      closeQuietly(extra);
      throw rejected;
    }
  }

  /**
   * An open query of one fetch: its rows are read with {@link Cursor#next()}; closing gives everything back.
   * {@code keys} null runs the fetch without its key predicate.
   */
  Cursor open(Fetch fetch, Part part) throws SQLException {
    return open(fetch, part, NO_TOP);
  }

  Cursor open(Fetch fetch, Part part, long top) throws SQLException {
    Connection connection = context.acquire(part.server());
    return openOn(fetch, part, top, connection, () -> context.release(connection));
  }

  /** Like {@link #open} on a given connection; {@code giveBack} returns it, once, when the cursor closes. */
  private Cursor openOn(Fetch fetch, Part part, long top, Connection connection, Release giveBack)
      throws SQLException {
    List<Object[]> keys = part.keys();
    String server = part.server();
    int keyCount = keys == null ? 0 : keys.size();
    String sql = top == ALL_SORTED ? fetch.sqlFor(keyCount) + fetch.topOrder()
        : top != NO_TOP ? fetch.sqlFor(keyCount, top) : keys == null ? fetch.unboundSql() : fetch.sqlFor(keyCount);
    int parameters = fetch.parameters().size() + (keys == null ? 0 : keys.size() * fetch.keyColumns().size());
    boolean array = keys != null && fetch.bindsArray();
    QueryEvent.Kind kind = keys != null ? QueryEvent.Kind.BIND_JOIN
        : fetch.bound() ? QueryEvent.Kind.HASH_JOIN : QueryEvent.Kind.FETCH;
    long started = System.nanoTime();
    PreparedStatement statement = null;
    try {
      statement = connection.prepareStatement(sql);
      prepare(statement);
      context.control().register(statement);
      int position = bindParameters(fetch, statement);
      if (array) {
        bindArray(statement, position, keys, fetch.keyArrayType(), connection);
      } else {
        for (Object[] key : keys == null ? List.<Object[]>of() : keys) {
          for (Object keyPart : key) {
            KeyValues.bind(statement, position++, keyPart, connection);
          }
        }
      }
      ResultSet results;
      try {
        results = statement.executeQuery();
      } catch (SQLException failed) {
        throw SqlExceptions.inStep(server, fetch.tables(), failed);
      }
      describe(fetch, results);
      return new Cursor(fetch, server, sql, parameters, keyCount, kind, started, connection, statement, results,
          giveBack);
    } catch (SQLException | RuntimeException failure) {
      context.onQuery(server, connection, sql, parameters, -1, System.nanoTime() - started,
          failure instanceof SQLException sqlFailure ? sqlFailure : null, kind);
      if (statement != null) {
        context.control().unregister(statement);
      }
      closeQuietly(statement);
      giveBack.run();
      if (failure instanceof SQLException sqlFailure) {
        throw context.control().explain(sqlFailure);
      }
      throw failure;
    }
  }

  /** The keys as the one array parameter of {@code = ANY(?)}: primitive (binary) where the driver takes it. */
  private static void bindArray(PreparedStatement statement, int position, List<Object[]> keys, String type,
      Connection connection) throws SQLException {
    Object primitive = KeyValues.primitiveArray(keys, type, statement);
    if (primitive != null) {
      statement.setObject(position, primitive);
    } else {
      statement.setArray(position, connection.createArrayOf(type, KeyValues.forArray(keys, type)));
    }
  }

  /** Gives a connection back: to the logical connection, or to its pool for an extra one. */
  @FunctionalInterface
  interface Release {
    void run() throws SQLException;
  }

  /** The rows of one physical query, read one at a time. */
  final class Cursor implements AutoCloseable {
    private final Fetch fetch;
    private final String server;
    private final String sql;
    private final int parameters;
    /** The keys the query binds (0: unbound). */
    private final int keyCount;
    private final QueryEvent.Kind kind;
    private final long started;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet results;
    private final ColumnRead[] reads;
    private final Release giveBack;
    private long rows;
    private SQLException failure;
    private boolean closed;

    private Cursor(Fetch fetch, String server, String sql, int parameters, int keyCount, QueryEvent.Kind kind,
        long started, Connection connection, PreparedStatement statement, ResultSet results, Release giveBack) {
      this.fetch = fetch;
      this.server = server;
      this.sql = sql;
      this.parameters = parameters;
      this.keyCount = keyCount;
      this.kind = kind;
      this.started = started;
      this.connection = connection;
      this.statement = statement;
      this.results = results;
      this.reads = ColumnRead.of(slotMeta, fetch.offset(), fetch.width());
      this.giveBack = giveBack;
    }

    /**
     * The next row, or null at the end: this fetch's columns, followed by room for the rest of the plan's
     * row when the fetch is the plan's first (offset 0), so that its rows need no copy to become joined rows.
     */
    Object[] next() throws SQLException {
      Object[] row = new Object[fetch.offset() == 0 ? slotMeta.length : fetch.width()];
      return nextInto(row) ? row : null;
    }

    /** Reads the next row into {@code row} (this fetch's columns only); false at the end. */
    boolean nextInto(Object[] row) throws SQLException {
      if (!advance()) {
        return false;
      }
      for (int column = 0; column < fetch.width(); column++) {
        row[column] = read(column);
      }
      return true;
    }

    /** Moves to the next row, reading nothing: {@link #read} and the typed reads then see it; false at the end. */
    boolean advance() throws SQLException {
      if (closed) {
        return false;
      }
      try {
        if ((rows & CHECK_EVERY_ROWS) == CHECK_EVERY_ROWS) {
          context.control().check();
        }
        if (!results.next()) {
          // a query the cancel or timeout cut short may end without an error (MySQL's SLEEP): never complete
          context.control().check();
          return false;
        }
        rows++;
        return true;
      } catch (SQLException failed) {
        throw failed(failed);
      }
    }

    /** The current row's value of {@code column} (from 0), as its driver's {@code getObject} returns it. */
    Object read(int column) throws SQLException {
      try {
        return reads[column].read(results, column + 1);
      } catch (SQLException failed) {
        throw failed(failed);
      }
    }

    long readLong(int column) throws SQLException {
      try {
        return results.getLong(column + 1);
      } catch (SQLException failed) {
        throw failed(failed);
      }
    }

    int readInt(int column) throws SQLException {
      try {
        return results.getInt(column + 1);
      } catch (SQLException failed) {
        throw failed(failed);
      }
    }

    String readString(int column) throws SQLException {
      try {
        return results.getString(column + 1);
      } catch (SQLException failed) {
        throw failed(failed);
      }
    }

    /** Whether the last typed read found SQL NULL. */
    boolean readNull() throws SQLException {
      return results.wasNull();
    }

    /** Records a failure of this query as its own (named by server and tables) and answers it. */
    private SQLException failed(SQLException failed) {
      failure = context.control().explain(SqlExceptions.inStep(server, fetch.tables(), failed));
      return failure;
    }

    /** Runs a check on the rows read; its failure is reported as this query's. */
    void failOn(Check check) throws SQLException {
      try {
        check.run();
      } catch (SQLException failed) {
        failure = failed;
        throw failed;
      }
    }

    @Override
    public void close() throws SQLException {
      if (closed) {
        return;
      }
      closed = true;
      context.control().unregister(statement);
      try {
        statement.close();
      } finally {
        giveBack.run();
        context.onQuery(server, connection, sql, parameters, failure == null ? rows : -1,
            System.nanoTime() - started, failure, kind);
      }
    }
  }

  @FunctionalInterface
  interface Check {
    void run() throws SQLException;
  }

  /** With no keys to bind the fetch returns nothing, but its columns' metadata is still needed. */
  private void describeOnly(Fetch fetch) throws SQLException {
    if (described(fetch)) {
      return;
    }
    String sql = fetch.emptySql();
    long started = System.nanoTime();
    String server = context.servers(fetch).get(0);
    Connection connection = context.acquire(server);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      prepare(statement);
      bindParameters(fetch, statement);
      context.control().register(statement);
      try (ResultSet results = statement.executeQuery()) {
        describe(fetch, results);
      } catch (SQLException failure) {
        throw context.control().explain(SqlExceptions.inStep(server, fetch.tables(), failure));
      } finally {
        context.control().unregister(statement);
      }
      context.onQuery(server, connection, sql, fetch.parameters().size(), 0, System.nanoTime() - started,
          null, QueryEvent.Kind.BIND_JOIN);
    } catch (SQLException failure) {
      context.onQuery(server, connection, sql, fetch.parameters().size(), -1, System.nanoTime() - started,
          failure, QueryEvent.Kind.BIND_JOIN);
      throw failure;
    } finally {
      context.release(connection);
    }
  }

  /** The statement's fetch size; its timeout comes from {@link StatementControl#register}. */
  private void prepare(PreparedStatement statement) throws SQLException {
    ExecutionContext.Limits limits = context.limits();
    if (limits.fetchSize() > 0) {
      statement.setFetchSize(limits.fetchSize());
    }
  }

  /** Binds the statement's own parameters the fetch uses; answers the next free position. */
  private int bindParameters(Fetch fetch, PreparedStatement statement) throws SQLException {
    int position = 1;
    for (int index : fetch.parameters()) {
      context.bindParameter(index, statement, position++);
    }
    return position;
  }

  /** Fills the fetch's slots' column descriptions: as the fetch's last run found them, else from its cluster. */
  private void describe(Fetch fetch, ResultSet results) throws SQLException {
    if (described(fetch)) {
      return;
    }
    ResultSetMetaData metaData = results.getMetaData();
    for (int column = 0; column < fetch.width(); column++) {
      slotMeta[fetch.offset() + column] = ColumnMeta.from(metaData, column + 1);
    }
    if (rememberable(fetch)) {
      context.rememberColumns(fetch, Arrays.asList(slotMeta).subList(fetch.offset(), fetch.offset() + fetch.width()));
    }
  }

  /**
   * Whether a fetch's columns are the same on every run: not when a statement parameter feeds what it selects,
   * since a parameter in a select list is described as the type it is bound with. Parameters that only filter
   * (Q1's {@code s.user_id = ?}) leave them as they are.
   */
  private static boolean rememberable(Fetch fetch) {
    return !fetch.selectsParameters();
  }

  /** Whether the fetch's slots are described already, or now from what its last run found. */
  private boolean described(Fetch fetch) {
    if (fetch.width() == 0 || slotMeta[fetch.offset()] != null) {
      return true;
    }
    List<ColumnMeta> known = rememberable(fetch) ? context.knownColumns(fetch) : List.of();
    if (known.size() != fetch.width()) {
      return false;
    }
    for (int column = 0; column < fetch.width(); column++) {
      slotMeta[fetch.offset() + column] = known.get(column);
    }
    return true;
  }

  ColumnMeta[] slotMeta() {
    return slotMeta;
  }

  ExecutionContext context() {
    return context;
  }

  /** Fails when more rows than 'maxRowsInMemory' are held while {@code doing} (reading, joining) {@code tables}. */
  void checkHeld(long rows, String doing, String tables) throws SQLException {
    long cap = context.limits().maxRowsInMemory();
    if (rows > cap) {
      throw SqlExceptions.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "the cross-cluster SELECT holds more than " + cap
          + " rows in memory " + doing + " " + tables
          + ". Fix: add filters, or raise 'maxRowsInMemory' in the configuration");
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception ignored) {
      // the failure being reported matters more
    }
  }
}
