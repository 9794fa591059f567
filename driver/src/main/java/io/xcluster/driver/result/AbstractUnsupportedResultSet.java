package io.xcluster.driver.result;

import java.io.InputStream;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;

/**
 * The read methods a merged, in-memory result cannot honour: locators (LOBs, refs, arrays, row ids,
 * SQLXML) point into one database's session, which the merge has left; ASCII and Unicode streams
 * and URLs are rarely used and not derivable without guessing an encoding; a named cursor does not
 * exist. Each throws SQLFeatureNotSupportedException (SQLState 0A000) naming the method.
 */
public abstract class AbstractUnsupportedResultSet extends AbstractUnsupportedUpdatesResultSet {

  @Override
  public Ref getRef(int column) throws SQLException {
    throw unsupported("getRef");
  }

  @Override
  public Ref getRef(String label) throws SQLException {
    throw unsupported("getRef");
  }

  @Override
  public Blob getBlob(int column) throws SQLException {
    throw unsupported("getBlob");
  }

  @Override
  public Blob getBlob(String label) throws SQLException {
    throw unsupported("getBlob");
  }

  @Override
  public Clob getClob(int column) throws SQLException {
    throw unsupported("getClob");
  }

  @Override
  public Clob getClob(String label) throws SQLException {
    throw unsupported("getClob");
  }

  @Override
  public NClob getNClob(int column) throws SQLException {
    throw unsupported("getNClob");
  }

  @Override
  public NClob getNClob(String label) throws SQLException {
    throw unsupported("getNClob");
  }

  @Override
  public SQLXML getSQLXML(int column) throws SQLException {
    throw unsupported("getSQLXML");
  }

  @Override
  public SQLXML getSQLXML(String label) throws SQLException {
    throw unsupported("getSQLXML");
  }

  @Override
  public RowId getRowId(int column) throws SQLException {
    throw unsupported("getRowId");
  }

  @Override
  public RowId getRowId(String label) throws SQLException {
    throw unsupported("getRowId");
  }

  @Override
  public Array getArray(int column) throws SQLException {
    throw unsupported("getArray");
  }

  @Override
  public Array getArray(String label) throws SQLException {
    throw unsupported("getArray");
  }

  @Override
  public InputStream getAsciiStream(int column) throws SQLException {
    throw unsupported("getAsciiStream");
  }

  @Override
  public InputStream getAsciiStream(String label) throws SQLException {
    throw unsupported("getAsciiStream");
  }

  @Override
  public URL getURL(int column) throws SQLException {
    throw unsupported("getURL");
  }

  @Override
  public URL getURL(String label) throws SQLException {
    throw unsupported("getURL");
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int column) throws SQLException {
    throw unsupported("getUnicodeStream");
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String label) throws SQLException {
    throw unsupported("getUnicodeStream");
  }

  @Override
  public String getCursorName() throws SQLException {
    throw unsupported("getCursorName");
  }
}
