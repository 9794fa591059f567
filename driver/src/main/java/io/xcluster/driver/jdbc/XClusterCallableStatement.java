package io.xcluster.driver.jdbc;

import io.xcluster.error.SqlState;
import io.xcluster.rewriter.Plan;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * A CallableStatement routed like any statement (a {@code {call ...}} escape that JSqlParser cannot read goes
 * to the default cluster, or where a leading {@code /* xcluster:cluster=NAME *&#47;} hint says). OUT
 * parameter registrations and named parameters are recorded and replayed on the physical statement in the
 * order they were made; OUT values are read from the physical statement after execution.
 */
final class XClusterCallableStatement extends XClusterPreparedStatement implements CallableStatement {
  private final List<CallAction> recorded = new ArrayList<>();

  @FunctionalInterface
  private interface CallAction {
    void apply(CallableStatement target) throws SQLException;
  }

  XClusterCallableStatement(XClusterConnection connection, StatementShape shape, String sql, Plan plan) {
    super(connection, shape, sql, plan, GeneratedKeys.NONE, false, java.util.Optional.empty());
  }

  @Override
  PreparedStatement preparedOn(Plan.PassThrough route) throws SQLException {
    return physicalOn(route.cluster(), route.kind(), physical -> shape.prepareCallOn(physical, sql));
  }

  @Override
  void bindRecorded(PreparedStatement target) throws SQLException {
    super.bindRecorded(target);
    CallableStatement callable = (CallableStatement) target;
    for (CallAction action : recorded) {
      action.apply(callable);
    }
  }

  @Override
  public void clearParameters() throws SQLException {
    super.clearParameters();
    recorded.clear();
  }

  private void record(CallAction action) throws SQLException {
    checkOpen();
    recorded.add(action);
  }

  private CallableStatement outputs() throws SQLException {
    checkOpen();
    Statement executed = physical();
    if (executed == null) {
      throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_STATE,
          "OUT parameters can be read only after the statement has executed");
    }
    return (CallableStatement) executed;
  }

  // ---- OUT parameters registered, replayed on execution ------------------------------------------------

  @Override
  public void registerOutParameter(int index, int sqlType) throws SQLException {
    record(target -> target.registerOutParameter(index, sqlType));
  }

  @Override
  public void registerOutParameter(int index, int sqlType, int scale) throws SQLException {
    record(target -> target.registerOutParameter(index, sqlType, scale));
  }

  @Override
  public void registerOutParameter(int index, int sqlType, String typeName) throws SQLException {
    record(target -> target.registerOutParameter(index, sqlType, typeName));
  }

  @Override
  public void registerOutParameter(String name, int sqlType) throws SQLException {
    record(target -> target.registerOutParameter(name, sqlType));
  }

  @Override
  public void registerOutParameter(String name, int sqlType, int scale) throws SQLException {
    record(target -> target.registerOutParameter(name, sqlType, scale));
  }

  @Override
  public void registerOutParameter(String name, int sqlType, String typeName) throws SQLException {
    record(target -> target.registerOutParameter(name, sqlType, typeName));
  }

  @Override
  public void registerOutParameter(int index, SQLType sqlType) throws SQLException {
    record(target -> target.registerOutParameter(index, sqlType));
  }

  @Override
  public void registerOutParameter(int index, SQLType sqlType, int scale) throws SQLException {
    record(target -> target.registerOutParameter(index, sqlType, scale));
  }

  @Override
  public void registerOutParameter(int index, SQLType sqlType, String typeName) throws SQLException {
    record(target -> target.registerOutParameter(index, sqlType, typeName));
  }

  @Override
  public void registerOutParameter(String name, SQLType sqlType) throws SQLException {
    record(target -> target.registerOutParameter(name, sqlType));
  }

  @Override
  public void registerOutParameter(String name, SQLType sqlType, int scale) throws SQLException {
    record(target -> target.registerOutParameter(name, sqlType, scale));
  }

  @Override
  public void registerOutParameter(String name, SQLType sqlType, String typeName) throws SQLException {
    record(target -> target.registerOutParameter(name, sqlType, typeName));
  }

  // ---- named parameters: recorded, replayed on execution ------------------------------------------------

  @Override
  public void setURL(String name, URL x) throws SQLException {
    record(target -> target.setURL(name, x));
  }

  @Override
  public void setNull(String name, int sqlType) throws SQLException {
    record(target -> target.setNull(name, sqlType));
  }

  @Override
  public void setBoolean(String name, boolean x) throws SQLException {
    record(target -> target.setBoolean(name, x));
  }

  @Override
  public void setByte(String name, byte x) throws SQLException {
    record(target -> target.setByte(name, x));
  }

  @Override
  public void setShort(String name, short x) throws SQLException {
    record(target -> target.setShort(name, x));
  }

  @Override
  public void setInt(String name, int length) throws SQLException {
    record(target -> target.setInt(name, length));
  }

  @Override
  public void setLong(String name, long length) throws SQLException {
    record(target -> target.setLong(name, length));
  }

  @Override
  public void setFloat(String name, float x) throws SQLException {
    record(target -> target.setFloat(name, x));
  }

  @Override
  public void setDouble(String name, double x) throws SQLException {
    record(target -> target.setDouble(name, x));
  }

  @Override
  public void setBigDecimal(String name, BigDecimal x) throws SQLException {
    record(target -> target.setBigDecimal(name, x));
  }

  @Override
  public void setString(String name, String typeName) throws SQLException {
    record(target -> target.setString(name, typeName));
  }

  @Override
  public void setBytes(String name, byte[] x) throws SQLException {
    record(target -> target.setBytes(name, x));
  }

  @Override
  public void setDate(String name, Date x) throws SQLException {
    record(target -> target.setDate(name, x));
  }

  @Override
  public void setTime(String name, Time x) throws SQLException {
    record(target -> target.setTime(name, x));
  }

  @Override
  public void setTimestamp(String name, Timestamp x) throws SQLException {
    record(target -> target.setTimestamp(name, x));
  }

  @Override
  public void setAsciiStream(String name, InputStream x, int length) throws SQLException {
    record(target -> target.setAsciiStream(name, x, length));
  }

  @Override
  public void setBinaryStream(String name, InputStream x, int length) throws SQLException {
    record(target -> target.setBinaryStream(name, x, length));
  }

  @Override
  public void setObject(String name, Object x, int targetSqlType, int scale) throws SQLException {
    record(target -> target.setObject(name, x, targetSqlType, scale));
  }

  @Override
  public void setObject(String name, Object x, int targetSqlType) throws SQLException {
    record(target -> target.setObject(name, x, targetSqlType));
  }

  @Override
  public void setObject(String name, Object x) throws SQLException {
    record(target -> target.setObject(name, x));
  }

  @Override
  public void setCharacterStream(String name, Reader x, int length) throws SQLException {
    record(target -> target.setCharacterStream(name, x, length));
  }

  @Override
  public void setDate(String name, Date x, Calendar calendar) throws SQLException {
    record(target -> target.setDate(name, x, calendar));
  }

  @Override
  public void setTime(String name, Time x, Calendar calendar) throws SQLException {
    record(target -> target.setTime(name, x, calendar));
  }

  @Override
  public void setTimestamp(String name, Timestamp x, Calendar calendar) throws SQLException {
    record(target -> target.setTimestamp(name, x, calendar));
  }

  @Override
  public void setNull(String name, int sqlType, String typeName) throws SQLException {
    record(target -> target.setNull(name, sqlType, typeName));
  }

  @Override
  public void setRowId(String name, RowId x) throws SQLException {
    record(target -> target.setRowId(name, x));
  }

  @Override
  public void setNString(String name, String typeName) throws SQLException {
    record(target -> target.setNString(name, typeName));
  }

  @Override
  public void setNCharacterStream(String name, Reader x, long length) throws SQLException {
    record(target -> target.setNCharacterStream(name, x, length));
  }

  @Override
  public void setNClob(String name, NClob x) throws SQLException {
    record(target -> target.setNClob(name, x));
  }

  @Override
  public void setClob(String name, Reader x, long length) throws SQLException {
    record(target -> target.setClob(name, x, length));
  }

  @Override
  public void setBlob(String name, InputStream x, long length) throws SQLException {
    record(target -> target.setBlob(name, x, length));
  }

  @Override
  public void setNClob(String name, Reader x, long length) throws SQLException {
    record(target -> target.setNClob(name, x, length));
  }

  @Override
  public void setSQLXML(String name, SQLXML x) throws SQLException {
    record(target -> target.setSQLXML(name, x));
  }

  @Override
  public void setBlob(String name, Blob x) throws SQLException {
    record(target -> target.setBlob(name, x));
  }

  @Override
  public void setClob(String name, Clob x) throws SQLException {
    record(target -> target.setClob(name, x));
  }

  @Override
  public void setAsciiStream(String name, InputStream x, long length) throws SQLException {
    record(target -> target.setAsciiStream(name, x, length));
  }

  @Override
  public void setBinaryStream(String name, InputStream x, long length) throws SQLException {
    record(target -> target.setBinaryStream(name, x, length));
  }

  @Override
  public void setCharacterStream(String name, Reader x, long length) throws SQLException {
    record(target -> target.setCharacterStream(name, x, length));
  }

  @Override
  public void setAsciiStream(String name, InputStream x) throws SQLException {
    record(target -> target.setAsciiStream(name, x));
  }

  @Override
  public void setBinaryStream(String name, InputStream x) throws SQLException {
    record(target -> target.setBinaryStream(name, x));
  }

  @Override
  public void setCharacterStream(String name, Reader x) throws SQLException {
    record(target -> target.setCharacterStream(name, x));
  }

  @Override
  public void setNCharacterStream(String name, Reader x) throws SQLException {
    record(target -> target.setNCharacterStream(name, x));
  }

  @Override
  public void setClob(String name, Reader x) throws SQLException {
    record(target -> target.setClob(name, x));
  }

  @Override
  public void setBlob(String name, InputStream x) throws SQLException {
    record(target -> target.setBlob(name, x));
  }

  @Override
  public void setNClob(String name, Reader x) throws SQLException {
    record(target -> target.setNClob(name, x));
  }

  @Override
  public void setObject(String name, Object x, SQLType targetType, int scale) throws SQLException {
    record(target -> target.setObject(name, x, targetType, scale));
  }

  @Override
  public void setObject(String name, Object x, SQLType targetType) throws SQLException {
    record(target -> target.setObject(name, x, targetType));
  }

  // ---- OUT parameter values, read from the physical statement after execution ----------------------------

  @Override
  public boolean wasNull() throws SQLException {
    return outputs().wasNull();
  }

  @Override
  public String getString(int index) throws SQLException {
    return outputs().getString(index);
  }

  @Override
  public boolean getBoolean(int index) throws SQLException {
    return outputs().getBoolean(index);
  }

  @Override
  public byte getByte(int index) throws SQLException {
    return outputs().getByte(index);
  }

  @Override
  public short getShort(int index) throws SQLException {
    return outputs().getShort(index);
  }

  @Override
  public int getInt(int index) throws SQLException {
    return outputs().getInt(index);
  }

  @Override
  public long getLong(int index) throws SQLException {
    return outputs().getLong(index);
  }

  @Override
  public float getFloat(int index) throws SQLException {
    return outputs().getFloat(index);
  }

  @Override
  public double getDouble(int index) throws SQLException {
    return outputs().getDouble(index);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int index, int scale) throws SQLException {
    return outputs().getBigDecimal(index, scale);
  }

  @Override
  public byte[] getBytes(int index) throws SQLException {
    return outputs().getBytes(index);
  }

  @Override
  public Date getDate(int index) throws SQLException {
    return outputs().getDate(index);
  }

  @Override
  public Time getTime(int index) throws SQLException {
    return outputs().getTime(index);
  }

  @Override
  public Timestamp getTimestamp(int index) throws SQLException {
    return outputs().getTimestamp(index);
  }

  @Override
  public Object getObject(int index) throws SQLException {
    return outputs().getObject(index);
  }

  @Override
  public BigDecimal getBigDecimal(int index) throws SQLException {
    return outputs().getBigDecimal(index);
  }

  @Override
  public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
    return outputs().getObject(index, map);
  }

  @Override
  public Ref getRef(int index) throws SQLException {
    return outputs().getRef(index);
  }

  @Override
  public Blob getBlob(int index) throws SQLException {
    return outputs().getBlob(index);
  }

  @Override
  public Clob getClob(int index) throws SQLException {
    return outputs().getClob(index);
  }

  @Override
  public Array getArray(int index) throws SQLException {
    return outputs().getArray(index);
  }

  @Override
  public Date getDate(int index, Calendar calendar) throws SQLException {
    return outputs().getDate(index, calendar);
  }

  @Override
  public Time getTime(int index, Calendar calendar) throws SQLException {
    return outputs().getTime(index, calendar);
  }

  @Override
  public Timestamp getTimestamp(int index, Calendar calendar) throws SQLException {
    return outputs().getTimestamp(index, calendar);
  }

  @Override
  public URL getURL(int index) throws SQLException {
    return outputs().getURL(index);
  }

  @Override
  public String getString(String name) throws SQLException {
    return outputs().getString(name);
  }

  @Override
  public boolean getBoolean(String name) throws SQLException {
    return outputs().getBoolean(name);
  }

  @Override
  public byte getByte(String name) throws SQLException {
    return outputs().getByte(name);
  }

  @Override
  public short getShort(String name) throws SQLException {
    return outputs().getShort(name);
  }

  @Override
  public int getInt(String name) throws SQLException {
    return outputs().getInt(name);
  }

  @Override
  public long getLong(String name) throws SQLException {
    return outputs().getLong(name);
  }

  @Override
  public float getFloat(String name) throws SQLException {
    return outputs().getFloat(name);
  }

  @Override
  public double getDouble(String name) throws SQLException {
    return outputs().getDouble(name);
  }

  @Override
  public byte[] getBytes(String name) throws SQLException {
    return outputs().getBytes(name);
  }

  @Override
  public Date getDate(String name) throws SQLException {
    return outputs().getDate(name);
  }

  @Override
  public Time getTime(String name) throws SQLException {
    return outputs().getTime(name);
  }

  @Override
  public Timestamp getTimestamp(String name) throws SQLException {
    return outputs().getTimestamp(name);
  }

  @Override
  public Object getObject(String name) throws SQLException {
    return outputs().getObject(name);
  }

  @Override
  public BigDecimal getBigDecimal(String name) throws SQLException {
    return outputs().getBigDecimal(name);
  }

  @Override
  public Object getObject(String name, Map<String, Class<?>> map) throws SQLException {
    return outputs().getObject(name, map);
  }

  @Override
  public Ref getRef(String name) throws SQLException {
    return outputs().getRef(name);
  }

  @Override
  public Blob getBlob(String name) throws SQLException {
    return outputs().getBlob(name);
  }

  @Override
  public Clob getClob(String name) throws SQLException {
    return outputs().getClob(name);
  }

  @Override
  public Array getArray(String name) throws SQLException {
    return outputs().getArray(name);
  }

  @Override
  public Date getDate(String name, Calendar calendar) throws SQLException {
    return outputs().getDate(name, calendar);
  }

  @Override
  public Time getTime(String name, Calendar calendar) throws SQLException {
    return outputs().getTime(name, calendar);
  }

  @Override
  public Timestamp getTimestamp(String name, Calendar calendar) throws SQLException {
    return outputs().getTimestamp(name, calendar);
  }

  @Override
  public URL getURL(String name) throws SQLException {
    return outputs().getURL(name);
  }

  @Override
  public RowId getRowId(int index) throws SQLException {
    return outputs().getRowId(index);
  }

  @Override
  public RowId getRowId(String name) throws SQLException {
    return outputs().getRowId(name);
  }

  @Override
  public NClob getNClob(int index) throws SQLException {
    return outputs().getNClob(index);
  }

  @Override
  public NClob getNClob(String name) throws SQLException {
    return outputs().getNClob(name);
  }

  @Override
  public SQLXML getSQLXML(int index) throws SQLException {
    return outputs().getSQLXML(index);
  }

  @Override
  public SQLXML getSQLXML(String name) throws SQLException {
    return outputs().getSQLXML(name);
  }

  @Override
  public String getNString(int index) throws SQLException {
    return outputs().getNString(index);
  }

  @Override
  public String getNString(String name) throws SQLException {
    return outputs().getNString(name);
  }

  @Override
  public Reader getNCharacterStream(int index) throws SQLException {
    return outputs().getNCharacterStream(index);
  }

  @Override
  public Reader getNCharacterStream(String name) throws SQLException {
    return outputs().getNCharacterStream(name);
  }

  @Override
  public Reader getCharacterStream(int index) throws SQLException {
    return outputs().getCharacterStream(index);
  }

  @Override
  public Reader getCharacterStream(String name) throws SQLException {
    return outputs().getCharacterStream(name);
  }

  @Override
  public <T> T getObject(int index, Class<T> type) throws SQLException {
    return outputs().getObject(index, type);
  }

  @Override
  public <T> T getObject(String name, Class<T> type) throws SQLException {
    return outputs().getObject(name, type);
  }
}
