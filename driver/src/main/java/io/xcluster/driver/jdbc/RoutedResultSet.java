package io.xcluster.driver.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A cluster's own ResultSet, wrapped only as far as JDBC requires: {@link #getStatement()} answers the
 * xcluster Statement that produced it, {@code unwrap} sees through to the physical result set, and
 * {@link #close()} tells the owner, so that it can give the physical connection back at once. Every other
 * call goes straight to the cluster's driver, so its types and conversions are the database's own.
 */
final class RoutedResultSet implements ResultSet {
  private final ResultSet physical;
  private final Statement owner;
  private final Runnable onClose;
  private boolean closed;

  RoutedResultSet(ResultSet physical, Statement owner, Runnable onClose) {
    this.physical = physical;
    this.owner = owner;
    this.onClose = onClose;
  }

  @Override
  public Statement getStatement() {
    return owner;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    try {
      closeWithoutCompletion();
    } finally {
      onClose.run();
    }
  }

  /** Closes the physical result set without telling the owner: for a re-execution of the same statement. */
  void closeWithoutCompletion() throws SQLException {
    closed = true;
    physical.close();
  }

  boolean wraps(ResultSet candidate) {
    return physical == candidate;
  }

  @Override
  public boolean isClosed() throws SQLException {
    return closed || physical.isClosed();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : physical.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || physical.isWrapperFor(type);
  }

  @Override
  public boolean next() throws SQLException {
    return physical.next();
  }

  @Override
  public boolean wasNull() throws SQLException {
    return physical.wasNull();
  }

  @Override
  public String getString(int index) throws SQLException {
    return physical.getString(index);
  }

  @Override
  public boolean getBoolean(int index) throws SQLException {
    return physical.getBoolean(index);
  }

  @Override
  public byte getByte(int index) throws SQLException {
    return physical.getByte(index);
  }

  @Override
  public short getShort(int index) throws SQLException {
    return physical.getShort(index);
  }

  @Override
  public int getInt(int index) throws SQLException {
    return physical.getInt(index);
  }

  @Override
  public long getLong(int index) throws SQLException {
    return physical.getLong(index);
  }

  @Override
  public float getFloat(int index) throws SQLException {
    return physical.getFloat(index);
  }

  @Override
  public double getDouble(int index) throws SQLException {
    return physical.getDouble(index);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int index, int i) throws SQLException {
    return physical.getBigDecimal(index, i);
  }

  @Override
  public byte[] getBytes(int index) throws SQLException {
    return physical.getBytes(index);
  }

  @Override
  public Date getDate(int index) throws SQLException {
    return physical.getDate(index);
  }

  @Override
  public Time getTime(int index) throws SQLException {
    return physical.getTime(index);
  }

  @Override
  public Timestamp getTimestamp(int index) throws SQLException {
    return physical.getTimestamp(index);
  }

  @Override
  public InputStream getAsciiStream(int index) throws SQLException {
    return physical.getAsciiStream(index);
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int index) throws SQLException {
    return physical.getUnicodeStream(index);
  }

  @Override
  public InputStream getBinaryStream(int index) throws SQLException {
    return physical.getBinaryStream(index);
  }

  @Override
  public String getString(String label) throws SQLException {
    return physical.getString(label);
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return physical.getBoolean(label);
  }

  @Override
  public byte getByte(String label) throws SQLException {
    return physical.getByte(label);
  }

  @Override
  public short getShort(String label) throws SQLException {
    return physical.getShort(label);
  }

  @Override
  public int getInt(String label) throws SQLException {
    return physical.getInt(label);
  }

  @Override
  public long getLong(String label) throws SQLException {
    return physical.getLong(label);
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return physical.getFloat(label);
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return physical.getDouble(label);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String label, int i) throws SQLException {
    return physical.getBigDecimal(label, i);
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    return physical.getBytes(label);
  }

  @Override
  public Date getDate(String label) throws SQLException {
    return physical.getDate(label);
  }

  @Override
  public Time getTime(String label) throws SQLException {
    return physical.getTime(label);
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    return physical.getTimestamp(label);
  }

  @Override
  public InputStream getAsciiStream(String label) throws SQLException {
    return physical.getAsciiStream(label);
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String label) throws SQLException {
    return physical.getUnicodeStream(label);
  }

  @Override
  public InputStream getBinaryStream(String label) throws SQLException {
    return physical.getBinaryStream(label);
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return physical.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    physical.clearWarnings();
  }

  @Override
  public String getCursorName() throws SQLException {
    return physical.getCursorName();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return physical.getMetaData();
  }

  @Override
  public Object getObject(int index) throws SQLException {
    return physical.getObject(index);
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return physical.getObject(label);
  }

  @Override
  public int findColumn(String label) throws SQLException {
    return physical.findColumn(label);
  }

  @Override
  public Reader getCharacterStream(int index) throws SQLException {
    return physical.getCharacterStream(index);
  }

  @Override
  public Reader getCharacterStream(String label) throws SQLException {
    return physical.getCharacterStream(label);
  }

  @Override
  public BigDecimal getBigDecimal(int index) throws SQLException {
    return physical.getBigDecimal(index);
  }

  @Override
  public BigDecimal getBigDecimal(String label) throws SQLException {
    return physical.getBigDecimal(label);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    return physical.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    return physical.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    return physical.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    return physical.isLast();
  }

  @Override
  public void beforeFirst() throws SQLException {
    physical.beforeFirst();
  }

  @Override
  public void afterLast() throws SQLException {
    physical.afterLast();
  }

  @Override
  public boolean first() throws SQLException {
    return physical.first();
  }

  @Override
  public boolean last() throws SQLException {
    return physical.last();
  }

  @Override
  public int getRow() throws SQLException {
    return physical.getRow();
  }

  @Override
  public boolean absolute(int index) throws SQLException {
    return physical.absolute(index);
  }

  @Override
  public boolean relative(int index) throws SQLException {
    return physical.relative(index);
  }

  @Override
  public boolean previous() throws SQLException {
    return physical.previous();
  }

  @Override
  public void setFetchDirection(int index) throws SQLException {
    physical.setFetchDirection(index);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    return physical.getFetchDirection();
  }

  @Override
  public void setFetchSize(int index) throws SQLException {
    physical.setFetchSize(index);
  }

  @Override
  public int getFetchSize() throws SQLException {
    return physical.getFetchSize();
  }

  @Override
  public int getType() throws SQLException {
    return physical.getType();
  }

  @Override
  public int getConcurrency() throws SQLException {
    return physical.getConcurrency();
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    return physical.rowUpdated();
  }

  @Override
  public boolean rowInserted() throws SQLException {
    return physical.rowInserted();
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    return physical.rowDeleted();
  }

  @Override
  public void updateNull(int index) throws SQLException {
    physical.updateNull(index);
  }

  @Override
  public void updateBoolean(int index, boolean b) throws SQLException {
    physical.updateBoolean(index, b);
  }

  @Override
  public void updateByte(int index, byte x) throws SQLException {
    physical.updateByte(index, x);
  }

  @Override
  public void updateShort(int index, short x) throws SQLException {
    physical.updateShort(index, x);
  }

  @Override
  public void updateInt(int index, int i) throws SQLException {
    physical.updateInt(index, i);
  }

  @Override
  public void updateLong(int index, long n) throws SQLException {
    physical.updateLong(index, n);
  }

  @Override
  public void updateFloat(int index, float x) throws SQLException {
    physical.updateFloat(index, x);
  }

  @Override
  public void updateDouble(int index, double x) throws SQLException {
    physical.updateDouble(index, x);
  }

  @Override
  public void updateBigDecimal(int index, BigDecimal x) throws SQLException {
    physical.updateBigDecimal(index, x);
  }

  @Override
  public void updateString(int index, String s) throws SQLException {
    physical.updateString(index, s);
  }

  @Override
  public void updateBytes(int index, byte[] x) throws SQLException {
    physical.updateBytes(index, x);
  }

  @Override
  public void updateDate(int index, Date x) throws SQLException {
    physical.updateDate(index, x);
  }

  @Override
  public void updateTime(int index, Time x) throws SQLException {
    physical.updateTime(index, x);
  }

  @Override
  public void updateTimestamp(int index, Timestamp x) throws SQLException {
    physical.updateTimestamp(index, x);
  }

  @Override
  public void updateAsciiStream(int index, InputStream x, int i) throws SQLException {
    physical.updateAsciiStream(index, x, i);
  }

  @Override
  public void updateBinaryStream(int index, InputStream x, int i) throws SQLException {
    physical.updateBinaryStream(index, x, i);
  }

  @Override
  public void updateCharacterStream(int index, Reader x, int i) throws SQLException {
    physical.updateCharacterStream(index, x, i);
  }

  @Override
  public void updateObject(int index, Object x, int i) throws SQLException {
    physical.updateObject(index, x, i);
  }

  @Override
  public void updateObject(int index, Object x) throws SQLException {
    physical.updateObject(index, x);
  }

  @Override
  public void updateNull(String label) throws SQLException {
    physical.updateNull(label);
  }

  @Override
  public void updateBoolean(String label, boolean b) throws SQLException {
    physical.updateBoolean(label, b);
  }

  @Override
  public void updateByte(String label, byte x) throws SQLException {
    physical.updateByte(label, x);
  }

  @Override
  public void updateShort(String label, short x) throws SQLException {
    physical.updateShort(label, x);
  }

  @Override
  public void updateInt(String label, int i) throws SQLException {
    physical.updateInt(label, i);
  }

  @Override
  public void updateLong(String label, long n) throws SQLException {
    physical.updateLong(label, n);
  }

  @Override
  public void updateFloat(String label, float x) throws SQLException {
    physical.updateFloat(label, x);
  }

  @Override
  public void updateDouble(String label, double x) throws SQLException {
    physical.updateDouble(label, x);
  }

  @Override
  public void updateBigDecimal(String label, BigDecimal x) throws SQLException {
    physical.updateBigDecimal(label, x);
  }

  @Override
  public void updateString(String label, String s) throws SQLException {
    physical.updateString(label, s);
  }

  @Override
  public void updateBytes(String label, byte[] x) throws SQLException {
    physical.updateBytes(label, x);
  }

  @Override
  public void updateDate(String label, Date x) throws SQLException {
    physical.updateDate(label, x);
  }

  @Override
  public void updateTime(String label, Time x) throws SQLException {
    physical.updateTime(label, x);
  }

  @Override
  public void updateTimestamp(String label, Timestamp x) throws SQLException {
    physical.updateTimestamp(label, x);
  }

  @Override
  public void updateAsciiStream(String label, InputStream x, int i) throws SQLException {
    physical.updateAsciiStream(label, x, i);
  }

  @Override
  public void updateBinaryStream(String label, InputStream x, int i) throws SQLException {
    physical.updateBinaryStream(label, x, i);
  }

  @Override
  public void updateCharacterStream(String label, Reader x, int i) throws SQLException {
    physical.updateCharacterStream(label, x, i);
  }

  @Override
  public void updateObject(String label, Object x, int i) throws SQLException {
    physical.updateObject(label, x, i);
  }

  @Override
  public void updateObject(String label, Object x) throws SQLException {
    physical.updateObject(label, x);
  }

  @Override
  public void insertRow() throws SQLException {
    physical.insertRow();
  }

  @Override
  public void updateRow() throws SQLException {
    physical.updateRow();
  }

  @Override
  public void deleteRow() throws SQLException {
    physical.deleteRow();
  }

  @Override
  public void refreshRow() throws SQLException {
    physical.refreshRow();
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    physical.cancelRowUpdates();
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    physical.moveToInsertRow();
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    physical.moveToCurrentRow();
  }

  @Override
  public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
    return physical.getObject(index, map);
  }

  @Override
  public Ref getRef(int index) throws SQLException {
    return physical.getRef(index);
  }

  @Override
  public Blob getBlob(int index) throws SQLException {
    return physical.getBlob(index);
  }

  @Override
  public Clob getClob(int index) throws SQLException {
    return physical.getClob(index);
  }

  @Override
  public Array getArray(int index) throws SQLException {
    return physical.getArray(index);
  }

  @Override
  public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
    return physical.getObject(label, map);
  }

  @Override
  public Ref getRef(String label) throws SQLException {
    return physical.getRef(label);
  }

  @Override
  public Blob getBlob(String label) throws SQLException {
    return physical.getBlob(label);
  }

  @Override
  public Clob getClob(String label) throws SQLException {
    return physical.getClob(label);
  }

  @Override
  public Array getArray(String label) throws SQLException {
    return physical.getArray(label);
  }

  @Override
  public Date getDate(int index, Calendar cal) throws SQLException {
    return physical.getDate(index, cal);
  }

  @Override
  public Date getDate(String label, Calendar cal) throws SQLException {
    return physical.getDate(label, cal);
  }

  @Override
  public Time getTime(int index, Calendar cal) throws SQLException {
    return physical.getTime(index, cal);
  }

  @Override
  public Time getTime(String label, Calendar cal) throws SQLException {
    return physical.getTime(label, cal);
  }

  @Override
  public Timestamp getTimestamp(int index, Calendar cal) throws SQLException {
    return physical.getTimestamp(index, cal);
  }

  @Override
  public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
    return physical.getTimestamp(label, cal);
  }

  @Override
  public URL getURL(int index) throws SQLException {
    return physical.getURL(index);
  }

  @Override
  public URL getURL(String label) throws SQLException {
    return physical.getURL(label);
  }

  @Override
  public void updateRef(int index, Ref x) throws SQLException {
    physical.updateRef(index, x);
  }

  @Override
  public void updateRef(String label, Ref x) throws SQLException {
    physical.updateRef(label, x);
  }

  @Override
  public void updateBlob(int index, Blob x) throws SQLException {
    physical.updateBlob(index, x);
  }

  @Override
  public void updateBlob(String label, Blob x) throws SQLException {
    physical.updateBlob(label, x);
  }

  @Override
  public void updateClob(int index, Clob x) throws SQLException {
    physical.updateClob(index, x);
  }

  @Override
  public void updateClob(String label, Clob x) throws SQLException {
    physical.updateClob(label, x);
  }

  @Override
  public void updateArray(int index, Array x) throws SQLException {
    physical.updateArray(index, x);
  }

  @Override
  public void updateArray(String label, Array x) throws SQLException {
    physical.updateArray(label, x);
  }

  @Override
  public RowId getRowId(int index) throws SQLException {
    return physical.getRowId(index);
  }

  @Override
  public RowId getRowId(String label) throws SQLException {
    return physical.getRowId(label);
  }

  @Override
  public void updateRowId(int index, RowId x) throws SQLException {
    physical.updateRowId(index, x);
  }

  @Override
  public void updateRowId(String label, RowId x) throws SQLException {
    physical.updateRowId(label, x);
  }

  @Override
  public int getHoldability() throws SQLException {
    return physical.getHoldability();
  }

  @Override
  public void updateNString(int index, String s) throws SQLException {
    physical.updateNString(index, s);
  }

  @Override
  public void updateNString(String label, String s) throws SQLException {
    physical.updateNString(label, s);
  }

  @Override
  public void updateNClob(int index, NClob x) throws SQLException {
    physical.updateNClob(index, x);
  }

  @Override
  public void updateNClob(String label, NClob x) throws SQLException {
    physical.updateNClob(label, x);
  }

  @Override
  public NClob getNClob(int index) throws SQLException {
    return physical.getNClob(index);
  }

  @Override
  public NClob getNClob(String label) throws SQLException {
    return physical.getNClob(label);
  }

  @Override
  public SQLXML getSQLXML(int index) throws SQLException {
    return physical.getSQLXML(index);
  }

  @Override
  public SQLXML getSQLXML(String label) throws SQLException {
    return physical.getSQLXML(label);
  }

  @Override
  public void updateSQLXML(int index, SQLXML x) throws SQLException {
    physical.updateSQLXML(index, x);
  }

  @Override
  public void updateSQLXML(String label, SQLXML x) throws SQLException {
    physical.updateSQLXML(label, x);
  }

  @Override
  public String getNString(int index) throws SQLException {
    return physical.getNString(index);
  }

  @Override
  public String getNString(String label) throws SQLException {
    return physical.getNString(label);
  }

  @Override
  public Reader getNCharacterStream(int index) throws SQLException {
    return physical.getNCharacterStream(index);
  }

  @Override
  public Reader getNCharacterStream(String label) throws SQLException {
    return physical.getNCharacterStream(label);
  }

  @Override
  public void updateNCharacterStream(int index, Reader x, long n) throws SQLException {
    physical.updateNCharacterStream(index, x, n);
  }

  @Override
  public void updateNCharacterStream(String label, Reader x, long n) throws SQLException {
    physical.updateNCharacterStream(label, x, n);
  }

  @Override
  public void updateAsciiStream(int index, InputStream x, long n) throws SQLException {
    physical.updateAsciiStream(index, x, n);
  }

  @Override
  public void updateBinaryStream(int index, InputStream x, long n) throws SQLException {
    physical.updateBinaryStream(index, x, n);
  }

  @Override
  public void updateCharacterStream(int index, Reader x, long n) throws SQLException {
    physical.updateCharacterStream(index, x, n);
  }

  @Override
  public void updateAsciiStream(String label, InputStream x, long n) throws SQLException {
    physical.updateAsciiStream(label, x, n);
  }

  @Override
  public void updateBinaryStream(String label, InputStream x, long n) throws SQLException {
    physical.updateBinaryStream(label, x, n);
  }

  @Override
  public void updateCharacterStream(String label, Reader x, long n) throws SQLException {
    physical.updateCharacterStream(label, x, n);
  }

  @Override
  public void updateBlob(int index, InputStream x, long n) throws SQLException {
    physical.updateBlob(index, x, n);
  }

  @Override
  public void updateBlob(String label, InputStream x, long n) throws SQLException {
    physical.updateBlob(label, x, n);
  }

  @Override
  public void updateClob(int index, Reader x, long n) throws SQLException {
    physical.updateClob(index, x, n);
  }

  @Override
  public void updateClob(String label, Reader x, long n) throws SQLException {
    physical.updateClob(label, x, n);
  }

  @Override
  public void updateNClob(int index, Reader x, long n) throws SQLException {
    physical.updateNClob(index, x, n);
  }

  @Override
  public void updateNClob(String label, Reader x, long n) throws SQLException {
    physical.updateNClob(label, x, n);
  }

  @Override
  public void updateNCharacterStream(int index, Reader x) throws SQLException {
    physical.updateNCharacterStream(index, x);
  }

  @Override
  public void updateNCharacterStream(String label, Reader x) throws SQLException {
    physical.updateNCharacterStream(label, x);
  }

  @Override
  public void updateAsciiStream(int index, InputStream x) throws SQLException {
    physical.updateAsciiStream(index, x);
  }

  @Override
  public void updateBinaryStream(int index, InputStream x) throws SQLException {
    physical.updateBinaryStream(index, x);
  }

  @Override
  public void updateCharacterStream(int index, Reader x) throws SQLException {
    physical.updateCharacterStream(index, x);
  }

  @Override
  public void updateAsciiStream(String label, InputStream x) throws SQLException {
    physical.updateAsciiStream(label, x);
  }

  @Override
  public void updateBinaryStream(String label, InputStream x) throws SQLException {
    physical.updateBinaryStream(label, x);
  }

  @Override
  public void updateCharacterStream(String label, Reader x) throws SQLException {
    physical.updateCharacterStream(label, x);
  }

  @Override
  public void updateBlob(int index, InputStream x) throws SQLException {
    physical.updateBlob(index, x);
  }

  @Override
  public void updateBlob(String label, InputStream x) throws SQLException {
    physical.updateBlob(label, x);
  }

  @Override
  public void updateClob(int index, Reader x) throws SQLException {
    physical.updateClob(index, x);
  }

  @Override
  public void updateClob(String label, Reader x) throws SQLException {
    physical.updateClob(label, x);
  }

  @Override
  public void updateNClob(int index, Reader x) throws SQLException {
    physical.updateNClob(index, x);
  }

  @Override
  public void updateNClob(String label, Reader x) throws SQLException {
    physical.updateNClob(label, x);
  }

  @Override
  public <T> T getObject(int index, Class<T> type) throws SQLException {
    return physical.getObject(index, type);
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return physical.getObject(label, type);
  }

  @Override
  public void updateObject(int index, Object x, SQLType x2, int i) throws SQLException {
    physical.updateObject(index, x, x2, i);
  }

  @Override
  public void updateObject(String label, Object x, SQLType x2, int i) throws SQLException {
    physical.updateObject(label, x, x2, i);
  }

  @Override
  public void updateObject(int index, Object x, SQLType x2) throws SQLException {
    physical.updateObject(index, x, x2);
  }

  @Override
  public void updateObject(String label, Object x, SQLType x2) throws SQLException {
    physical.updateObject(label, x, x2);
  }
}
