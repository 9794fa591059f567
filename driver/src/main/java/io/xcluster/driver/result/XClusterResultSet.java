package io.xcluster.driver.result;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The JDBC face of rows merged in memory: a thin skin over a {@link RowSource}. It adds only what
 * JDBC demands: cursor rules, labels, conversions (all in {@link ValueConverter}) and closing.
 *
 * <p>Every {@code getX(label)} goes through {@link #findColumn} (see {@link
 * AbstractByLabelResultSet}), which matches labels ignoring case ({@link Locale#ROOT}), the first
 * of duplicate labels winning; every {@code getX(index)} reads through one method that checks, in
 * order, that the set is open (else SQLState 55000), that there is a current row (24000) and that
 * the index is in range (22023), and records {@link #wasNull()}. {@code getLong}, {@code getInt} and {@code
 * getString} on a column of that very class may read the cluster's result directly ({@link RowSource#live}),
 * which answers what converting the stored value would, without boxing it.
 *
 * <p>{@link ResultSet#TYPE_FORWARD_ONLY} streams from the source and refuses every scroll and
 * position method with SQLState 24000. {@link ResultSet#TYPE_SCROLL_INSENSITIVE} reads every row
 * into memory on its first move and closes the source then.
 *
 * <p>{@link #close()} closes the source (unless scrolling already did) and then runs {@code
 * onClose}, exactly once however often it is called; afterwards every method except {@code close}
 * and {@code isClosed} throws "this result set is closed". The unsupported methods inherited from
 * {@link AbstractUnsupportedResultSet} throw 0A000 whether open or not. Not thread-safe, like any
 * JDBC result set.
 */
public final class XClusterResultSet extends AbstractByLabelResultSet {
  private static final String STRING = String.class.getName();
  private static final String INTEGER = Integer.class.getName();
  private static final String LONG = Long.class.getName();

  private final List<ColumnMeta> columns;
  /** Built by the first lookup by label: many callers only read by index. */
  private Map<String, Integer> indexByLabel;
  private final XClusterResultSetMetaData metaData;
  private final Cursor cursor;
  private final Statement owner;
  private final int type;
  private final Runnable onClose;
  private boolean closed;
  private boolean wasNull;
  private int fetchSize;
  private int fetchDirection = FETCH_FORWARD;

  /**
   * @param columns what each column is, in order; their count is the width of every row
   * @param rows the rows; this result set closes it
   * @param owner the statement {@link #getStatement()} returns; null when there is none
   * @param type {@link ResultSet#TYPE_FORWARD_ONLY} or {@link ResultSet#TYPE_SCROLL_INSENSITIVE}
   * @param onClose frees the physical resources behind {@code rows} (connections, statements); run
   *     exactly once, by the first {@link #close()}
   * @throws IllegalArgumentException for another result set type
   */
  public XClusterResultSet(
      List<ColumnMeta> columns, RowSource rows, Statement owner, int type, Runnable onClose) {
    this.columns = List.copyOf(columns);
    this.metaData = new XClusterResultSetMetaData(this.columns);
    this.cursor = cursor(Objects.requireNonNull(rows, "rows"), type, this.columns.size());
    this.owner = owner;
    this.type = type;
    this.onClose = Objects.requireNonNull(onClose, "onClose");
  }

  private static Cursor cursor(RowSource rows, int type, int columnCount) {
    return switch (type) {
      case TYPE_FORWARD_ONLY -> new ForwardCursor(rows);
      case TYPE_SCROLL_INSENSITIVE -> new ScrollCursor(rows, columnCount);
      default ->
          throw new IllegalArgumentException(
              "a synthetic result set is TYPE_FORWARD_ONLY (1003) or TYPE_SCROLL_INSENSITIVE"
                  + " (1004), not "
                  + type);
    };
  }

  private static Map<String, Integer> indexByLabel(List<ColumnMeta> columns) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.putIfAbsent(columns.get(i).label().toLowerCase(Locale.ROOT), i + 1);
    }
    return index;
  }

  // ---- the one path every getter takes ----

  private void checkOpen() throws SQLException {
    if (closed) {
      throw ResultErrors.closed();
    }
  }

  /** The stored value of {@code column} (from 1) in the current row; sets {@link #wasNull}. */
  private Object value(int column) throws SQLException {
    checkReadable(column);
    Object value = cursor.value(column - 1);
    wasNull = value == null;
    return value;
  }

  private void checkReadable(int column) throws SQLException {
    checkOpen();
    if (!cursor.onRow()) {
      throw ResultErrors.noCurrentRow(cursor.offRow());
    }
    if (column < 1 || column > columns.size()) {
      throw ResultErrors.badIndex(column, columns.size());
    }
  }

  /**
   * Where a typed getter of {@code javaClass} reads {@code column} (from 1) without boxing: the cluster's
   * row, when the column is still there and its values are of that class; else null, and the getter converts
   * {@link #value}. Makes {@link #value}'s checks; the getter sets {@link #wasNull}.
   */
  private LiveRow live(int column, String javaClass) throws SQLException {
    checkReadable(column);
    return javaClass.equals(columns.get(column - 1).className()) ? cursor.live(column - 1) : null;
  }

  /** The label for error messages; only called after {@link #value} accepted the index. */
  private String label(int column) {
    return columns.get(column - 1).label();
  }

  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    if (label == null) {
      throw ResultErrors.invalidArgument("findColumn needs a column label but was given null");
    }
    if (indexByLabel == null) {
      indexByLabel = indexByLabel(columns);
    }
    Integer column = indexByLabel.get(label.toLowerCase(Locale.ROOT));
    if (column == null) {
      throw ResultErrors.unknownLabel(label, columns);
    }
    return column;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  // ---- getters by index: value(column), then one conversion ----

  @Override
  public String getString(int column) throws SQLException {
    LiveRow live = live(column, STRING);
    if (live == null) {
      return ValueConverter.asString(value(column), label(column));
    }
    String value = live.getString(column - 1);
    wasNull = value == null;
    return value;
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    return ValueConverter.asBoolean(value(column), label(column));
  }

  @Override
  public byte getByte(int column) throws SQLException {
    return ValueConverter.asByte(value(column), label(column));
  }

  @Override
  public short getShort(int column) throws SQLException {
    return ValueConverter.asShort(value(column), label(column));
  }

  @Override
  public int getInt(int column) throws SQLException {
    LiveRow live = live(column, INTEGER);
    if (live == null) {
      return ValueConverter.asInt(value(column), label(column));
    }
    int value = live.getInt(column - 1);
    wasNull = live.wasNull();
    return value;
  }

  @Override
  public long getLong(int column) throws SQLException {
    LiveRow live = live(column, LONG);
    if (live == null) {
      return ValueConverter.asLong(value(column), label(column));
    }
    long value = live.getLong(column - 1);
    wasNull = live.wasNull();
    return value;
  }

  @Override
  public float getFloat(int column) throws SQLException {
    return ValueConverter.asFloat(value(column), label(column));
  }

  @Override
  public double getDouble(int column) throws SQLException {
    return ValueConverter.asDouble(value(column), label(column));
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    return ValueConverter.asBigDecimal(value(column), label(column));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    return ValueConverter.asBigDecimal(value(column), scale, label(column));
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    return ValueConverter.asBytes(value(column), label(column));
  }

  @Override
  public Date getDate(int column) throws SQLException {
    return ValueConverter.asDate(value(column), null, label(column));
  }

  @Override
  public Date getDate(int column, Calendar calendar) throws SQLException {
    return ValueConverter.asDate(value(column), calendar, label(column));
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return ValueConverter.asTime(value(column), null, label(column));
  }

  @Override
  public Time getTime(int column, Calendar calendar) throws SQLException {
    return ValueConverter.asTime(value(column), calendar, label(column));
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    return ValueConverter.asTimestamp(value(column), null, label(column));
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
    return ValueConverter.asTimestamp(value(column), calendar, label(column));
  }

  @Override
  public Object getObject(int column) throws SQLException {
    return ValueConverter.copyOf(value(column));
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    return ValueConverter.asObject(value(column), type, label(column));
  }

  /** Only the empty (or null) type map is supported: there are no user-defined SQL types here. */
  @Override
  public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw unsupported("getObject(int, Map) with type mappings");
    }
    return getObject(column);
  }

  @Override
  public String getNString(int column) throws SQLException {
    return getString(column);
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new StringReader(text);
  }

  @Override
  public Reader getNCharacterStream(int column) throws SQLException {
    return getCharacterStream(column);
  }

  @Override
  public InputStream getBinaryStream(int column) throws SQLException {
    byte[] bytes = getBytes(column);
    return bytes == null ? null : new ByteArrayInputStream(bytes);
  }

  // ---- cursor ----

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    wasNull = false;
    return cursor.next();
  }

  @Override
  public boolean previous() throws SQLException {
    checkOpen();
    wasNull = false;
    return cursor.previous();
  }

  @Override
  public boolean first() throws SQLException {
    checkOpen();
    wasNull = false;
    return cursor.first();
  }

  @Override
  public boolean last() throws SQLException {
    checkOpen();
    wasNull = false;
    return cursor.last();
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    checkOpen();
    wasNull = false;
    return cursor.absolute(row);
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    checkOpen();
    wasNull = false;
    return cursor.relative(rows);
  }

  @Override
  public void beforeFirst() throws SQLException {
    checkOpen();
    wasNull = false;
    cursor.beforeFirst();
  }

  @Override
  public void afterLast() throws SQLException {
    checkOpen();
    wasNull = false;
    cursor.afterLast();
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return cursor.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return cursor.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return cursor.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return cursor.isLast();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return cursor.row();
  }

  // ---- settings and descriptions ----

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
      throw ResultErrors.invalidArgument(
          "fetch direction must be FETCH_FORWARD, FETCH_REVERSE or FETCH_UNKNOWN, not "
              + direction);
    }
    if (direction != FETCH_FORWARD && type == TYPE_FORWARD_ONLY) {
      throw ResultErrors.forwardOnly("setFetchDirection(" + direction + ")");
    }
    fetchDirection = direction;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return fetchDirection;
  }

  /** Stored, and passed to {@link RowSource#fetchSizeHint} while the source is open. */
  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw ResultErrors.invalidArgument("fetch size must not be negative but was " + rows);
    }
    fetchSize = rows;
    cursor.fetchSizeHint(rows);
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return type;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return metaData;
  }

  /** The statement that produced this result; null if none (e.g. a metadata result). */
  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return owner;
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

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    checkOpen();
    if (type != null && type.isInstance(this)) {
      return type.cast(this);
    }
    throw ResultErrors.invalidArgument("the xcluster result set does not wrap " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    checkOpen();
    return type != null && type.isInstance(this);
  }

  // ---- closing ----

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      cursor.close();
    } finally {
      onClose.run();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }
}
