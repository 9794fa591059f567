package io.xcluster.driver;

import io.xcluster.config.XClusterUrl;
import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.jdbc.XClusterConnection;
import io.xcluster.driver.runtime.XClusterRuntime;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for one xcluster configuration, for frameworks that take a DataSource bean.
 *
 * <p>It owns its runtime: pools start lazily on first use and stop when the DataSource is {@link #close()}d.
 * Configure it with {@link #setUrl(String)} (a {@code jdbc:xcluster:} URL) before the first
 * {@code getConnection}. Credentials come from the YAML file; the user/password overloads ignore theirs.
 */
public final class XClusterDataSource implements DataSource, AutoCloseable {
  private volatile String url;
  private volatile XClusterRuntime runtime;
  private volatile boolean closed;
  private final List<QueryListener> listeners = new CopyOnWriteArrayList<>();
  private int loginTimeoutSeconds;
  private PrintWriter logWriter;

  public XClusterDataSource() {}

  public XClusterDataSource(String url) {
    this.url = url;
  }

  public String getUrl() {
    return url;
  }

  /** Sets the {@code jdbc:xcluster:} URL; only before the first connection. */
  public synchronized void setUrl(String url) {
    if (runtime != null) {
      throw new IllegalStateException("the URL cannot change after the first connection");
    }
    this.url = url;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return new XClusterConnection(runtime(), url);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  private XClusterRuntime runtime() throws SQLException {
    XClusterRuntime open = runtime;
    return open != null && !closed ? open : start();
  }

  private synchronized XClusterRuntime start() throws SQLException {
    if (closed) {
      throw SqlExceptions.of(SqlState.CONNECTION_CLOSED, "this XClusterDataSource is closed");
    }
    if (runtime == null) {
      if (url == null || !XClusterUrl.accepts(url)) {
        throw SqlExceptions.of(SqlState.CONFIGURATION,
            "XClusterDataSource needs a jdbc:xcluster: URL, was " + url + ". Fix: call setUrl(\"jdbc:xcluster:...\")");
      }
      try {
        XClusterRuntime opened = XClusterRuntime.open(XClusterUrl.parse(url).orElseThrow());
        listeners.forEach(opened::addQueryListener);
        runtime = opened;
      } catch (XClusterException invalid) {
        throw SqlExceptions.from(invalid);
      }
    }
    return runtime;
  }

  /** Tells {@code listener} of every physical query of every connection this DataSource makes. */
  public synchronized void addQueryListener(QueryListener listener) {
    listeners.add(listener);
    if (runtime != null) {
      runtime.addQueryListener(listener);
    }
  }

  public synchronized void removeQueryListener(QueryListener listener) {
    listeners.remove(listener);
    if (runtime != null) {
      runtime.removeQueryListener(listener);
    }
  }

  /**
   * How many physical connections of a cluster's pool are lent out right now (0 before its pool starts).
   * For monitoring and leak checks: with no xcluster connection in use it returns to 0.
   */
  public int activeConnections(String cluster) {
    XClusterRuntime open = runtime;
    return open == null ? 0 : open.activeConnections(cluster);
  }

  /** Closes every pool this DataSource started; connections still open fail on their next use. */
  @Override
  public synchronized void close() {
    closed = true;
    if (runtime != null) {
      runtime.close();
    }
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("xcluster logs through SLF4J, not java.util.logging", "0A000");
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
    return "XClusterDataSource[" + url + (closed ? ", closed" : "") + "]";
  }
}
