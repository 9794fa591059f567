package io.xcluster.driver.result;

import io.xcluster.driver.jdbc.SqlExceptions;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The write half of {@link ResultSet} that a read-only result set does not have: every updater, row
 * insertion and deletion. Each throws SQLFeatureNotSupportedException (SQLState 0A000) naming the
 * method, whether the result set is open or closed, so subclasses hold only real behaviour.
 */
public abstract class AbstractUnsupportedUpdatesResultSet implements ResultSet {

  /** The exception every unsupported method throws. */
  protected static SQLFeatureNotSupportedException unsupported(String method) {
    return SqlExceptions.unsupported("ResultSet." + method + " (xcluster results are read-only)");
  }

  @Override
  public void updateNull(int column) throws SQLException {
    throw unsupported("updateNull");
  }

  @Override
  public void updateNull(String label) throws SQLException {
    throw unsupported("updateNull");
  }

  @Override
  public void updateBoolean(int column, boolean x) throws SQLException {
    throw unsupported("updateBoolean");
  }

  @Override
  public void updateBoolean(String label, boolean x) throws SQLException {
    throw unsupported("updateBoolean");
  }

  @Override
  public void updateByte(int column, byte x) throws SQLException {
    throw unsupported("updateByte");
  }

  @Override
  public void updateByte(String label, byte x) throws SQLException {
    throw unsupported("updateByte");
  }

  @Override
  public void updateShort(int column, short x) throws SQLException {
    throw unsupported("updateShort");
  }

  @Override
  public void updateShort(String label, short x) throws SQLException {
    throw unsupported("updateShort");
  }

  @Override
  public void updateInt(int column, int x) throws SQLException {
    throw unsupported("updateInt");
  }

  @Override
  public void updateInt(String label, int x) throws SQLException {
    throw unsupported("updateInt");
  }

  @Override
  public void updateLong(int column, long x) throws SQLException {
    throw unsupported("updateLong");
  }

  @Override
  public void updateLong(String label, long x) throws SQLException {
    throw unsupported("updateLong");
  }

  @Override
  public void updateFloat(int column, float x) throws SQLException {
    throw unsupported("updateFloat");
  }

  @Override
  public void updateFloat(String label, float x) throws SQLException {
    throw unsupported("updateFloat");
  }

  @Override
  public void updateDouble(int column, double x) throws SQLException {
    throw unsupported("updateDouble");
  }

  @Override
  public void updateDouble(String label, double x) throws SQLException {
    throw unsupported("updateDouble");
  }

  @Override
  public void updateBigDecimal(int column, BigDecimal x) throws SQLException {
    throw unsupported("updateBigDecimal");
  }

  @Override
  public void updateBigDecimal(String label, BigDecimal x) throws SQLException {
    throw unsupported("updateBigDecimal");
  }

  @Override
  public void updateString(int column, String x) throws SQLException {
    throw unsupported("updateString");
  }

  @Override
  public void updateString(String label, String x) throws SQLException {
    throw unsupported("updateString");
  }

  @Override
  public void updateBytes(int column, byte[] x) throws SQLException {
    throw unsupported("updateBytes");
  }

  @Override
  public void updateBytes(String label, byte[] x) throws SQLException {
    throw unsupported("updateBytes");
  }

  @Override
  public void updateDate(int column, Date x) throws SQLException {
    throw unsupported("updateDate");
  }

  @Override
  public void updateDate(String label, Date x) throws SQLException {
    throw unsupported("updateDate");
  }

  @Override
  public void updateTime(int column, Time x) throws SQLException {
    throw unsupported("updateTime");
  }

  @Override
  public void updateTime(String label, Time x) throws SQLException {
    throw unsupported("updateTime");
  }

  @Override
  public void updateTimestamp(int column, Timestamp x) throws SQLException {
    throw unsupported("updateTimestamp");
  }

  @Override
  public void updateTimestamp(String label, Timestamp x) throws SQLException {
    throw unsupported("updateTimestamp");
  }

  @Override
  public void updateAsciiStream(int column, InputStream x, int length) throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String label, InputStream x, int length) throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int column, InputStream x, int length) throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String label, InputStream x, int length) throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int column, Reader x, int length) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String label, Reader x, int length) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public void updateObject(int column, Object x, int scaleOrLength) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public void updateObject(String label, Object x, int scaleOrLength) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public void updateObject(int column, Object x) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public void updateObject(String label, Object x) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public void updateObject(int column, Object x, SQLType targetType, int scaleOrLength)
      throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public void updateObject(String label, Object x, SQLType targetType, int scaleOrLength)
      throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public void updateObject(int column, Object x, SQLType targetType) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public void updateObject(String label, Object x, SQLType targetType) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public void updateRef(int column, Ref x) throws SQLException {
    throw unsupported("updateRef");
  }

  @Override
  public void updateRef(String label, Ref x) throws SQLException {
    throw unsupported("updateRef");
  }

  @Override
  public void updateBlob(int column, Blob x) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public void updateBlob(String label, Blob x) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public void updateClob(int column, Clob x) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public void updateClob(String label, Clob x) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public void updateArray(int column, Array x) throws SQLException {
    throw unsupported("updateArray");
  }

  @Override
  public void updateArray(String label, Array x) throws SQLException {
    throw unsupported("updateArray");
  }

  @Override
  public void updateRowId(int column, RowId x) throws SQLException {
    throw unsupported("updateRowId");
  }

  @Override
  public void updateRowId(String label, RowId x) throws SQLException {
    throw unsupported("updateRowId");
  }

  @Override
  public void updateNString(int column, String x) throws SQLException {
    throw unsupported("updateNString");
  }

  @Override
  public void updateNString(String label, String x) throws SQLException {
    throw unsupported("updateNString");
  }

  @Override
  public void updateNClob(int column, NClob x) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public void updateNClob(String label, NClob x) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public void updateSQLXML(int column, SQLXML x) throws SQLException {
    throw unsupported("updateSQLXML");
  }

  @Override
  public void updateSQLXML(String label, SQLXML x) throws SQLException {
    throw unsupported("updateSQLXML");
  }

  @Override
  public void updateNCharacterStream(int column, Reader x, long length) throws SQLException {
    throw unsupported("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String label, Reader x, long length) throws SQLException {
    throw unsupported("updateNCharacterStream");
  }

  @Override
  public void updateAsciiStream(int column, InputStream x, long length) throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String label, InputStream x, long length) throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int column, InputStream x, long length) throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String label, InputStream x, long length) throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int column, Reader x, long length) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String label, Reader x, long length) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public void updateBlob(int column, InputStream x, long length) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public void updateBlob(String label, InputStream x, long length) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public void updateClob(int column, Reader x, long length) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public void updateClob(String label, Reader x, long length) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public void updateNClob(int column, Reader x, long length) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public void updateNClob(String label, Reader x, long length) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public void updateNCharacterStream(int column, Reader x) throws SQLException {
    throw unsupported("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String label, Reader x) throws SQLException {
    throw unsupported("updateNCharacterStream");
  }

  @Override
  public void updateAsciiStream(int column, InputStream x) throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String label, InputStream x) throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int column, InputStream x) throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String label, InputStream x) throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int column, Reader x) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String label, Reader x) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public void updateBlob(int column, InputStream x) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public void updateBlob(String label, InputStream x) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public void updateClob(int column, Reader x) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public void updateClob(String label, Reader x) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public void updateNClob(int column, Reader x) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public void updateNClob(String label, Reader x) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public void insertRow() throws SQLException {
    throw unsupported("insertRow");
  }

  @Override
  public void updateRow() throws SQLException {
    throw unsupported("updateRow");
  }

  @Override
  public void deleteRow() throws SQLException {
    throw unsupported("deleteRow");
  }

  @Override
  public void refreshRow() throws SQLException {
    throw unsupported("refreshRow");
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    throw unsupported("cancelRowUpdates");
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    throw unsupported("moveToInsertRow");
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    throw unsupported("moveToCurrentRow");
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    throw unsupported("rowUpdated");
  }

  @Override
  public boolean rowInserted() throws SQLException {
    throw unsupported("rowInserted");
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    throw unsupported("rowDeleted");
  }
}
