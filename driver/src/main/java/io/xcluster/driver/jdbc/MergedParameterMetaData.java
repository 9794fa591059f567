package io.xcluster.driver.jdbc;

import io.xcluster.error.SqlState;
import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * The parameters of a SELECT across clusters: how many there are, each an IN parameter; their types are not
 * known, since each is bound in some cluster's query or evaluated in memory and no one server describes them
 * all (or, for an {@code EXPLAIN XCLUSTER}, no server sees them). Asking a type is 0A000: callers that set an untyped NULL fall back to their default (Spring's
 * {@code StatementCreatorUtils} binds {@code Types.NULL}). The statement itself refuses nothing: a pool that
 * evicts a connection on 0A000 (HikariCP does) does not see this object's exceptions.
 */
final class MergedParameterMetaData implements ParameterMetaData {
  private final int count;

  MergedParameterMetaData(int count) {
    this.count = count;
  }

  @Override
  public int getParameterCount() {
    return count;
  }

  @Override
  public int isNullable(int param) throws SQLException {
    check(param);
    return parameterNullableUnknown;
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    check(param);
    return parameterModeIn;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    throw unknown("isSigned", param);
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    throw unknown("getPrecision", param);
  }

  @Override
  public int getScale(int param) throws SQLException {
    throw unknown("getScale", param);
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    throw unknown("getParameterType", param);
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    throw unknown("getParameterTypeName", param);
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    throw unknown("getParameterClassName", param);
  }

  private void check(int param) throws SQLException {
    if (param < 1 || param > count) {
      throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "parameter index " + param + " is out of range: the"
          + " statement has " + count + " parameter" + (count == 1 ? "" : "s"));
    }
  }

  private SQLException unknown(String method, int param) throws SQLException {
    check(param);
    return SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, method + "(" + param + ") is not known for a SELECT"
        + " across clusters: its parameters are bound in several clusters' queries and in memory, and no one"
        + " server describes them. Fix: bind every parameter with a typed setter (setNull with its"
        + " java.sql.Types code for NULL)");
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
}
