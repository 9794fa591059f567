package io.xcluster.driver;

import io.xcluster.config.XClusterUrl;
import io.xcluster.driver.jdbc.SqlExceptions;
import io.xcluster.driver.jdbc.XClusterConnection;
import io.xcluster.driver.jdbc.XClusterVersion;
import io.xcluster.driver.runtime.XClusterRuntime;
import io.xcluster.error.XClusterException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The {@code jdbc:xcluster:} driver. Registered with {@link DriverManager} through
 * {@code META-INF/services/java.sql.Driver}.
 *
 * <p>One runtime (configuration, plan cache, pools) is created per distinct URL and shared by every
 * connection made with that URL, until {@link #shutdown()}. A URL whose configuration is invalid creates
 * nothing: {@code connect} fails with every problem listed, and the next call tries again.
 *
 * <p>The {@code user} and {@code password} properties that tools pass are ignored: each cluster's
 * credentials come from the YAML file.
 */
public final class XClusterDriver implements Driver {
  private static final XClusterDriver INSTANCE = new XClusterDriver();
  private static final Map<XClusterUrl, XClusterRuntime> RUNTIMES = new ConcurrentHashMap<>();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException impossible) {
      throw new ExceptionInInitializerError(impossible);
    }
  }

  /** A pure prefix check, no side effects. */
  @Override
  public boolean acceptsURL(String url) {
    return XClusterUrl.accepts(url);
  }

  /** Returns null for a URL that is not {@code jdbc:xcluster:}, as DriverManager expects. */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    XClusterUrl parsed = parse(url);
    XClusterConnection connection = new XClusterConnection(runtimeFor(parsed), url);
    String shard = info == null ? null : info.getProperty(XClusterConnection.SHARD_PROPERTY);
    if (shard != null && !shard.isBlank()) {
      connection.pinShard(shard.strip());
    }
    return connection;
  }

  private static XClusterUrl parse(String url) throws SQLException {
    try {
      return XClusterUrl.parse(url).orElseThrow();
    } catch (XClusterException invalid) {
      throw SqlExceptions.from(invalid);
    }
  }

  private static XClusterRuntime runtimeFor(XClusterUrl url) throws SQLException {
    XClusterRuntime runtime = RUNTIMES.get(url);
    if (runtime != null) {
      return runtime;
    }
    synchronized (RUNTIMES) {
      runtime = RUNTIMES.get(url);
      if (runtime == null) {
        runtime = XClusterRuntime.open(url);
        RUNTIMES.put(url, runtime);
      }
      return runtime;
    }
  }

  /**
   * Closes the pools of every configuration this driver opened through DriverManager. Connections still open
   * fail on their next use; a later {@code connect} starts afresh.
   */
  public static void shutdown() {
    synchronized (RUNTIMES) {
      List<XClusterRuntime> open = new ArrayList<>(RUNTIMES.values());
      RUNTIMES.clear();
      open.forEach(XClusterRuntime::close);
    }
  }

  /** The top-level options a URL may override as {@code ?key=value}. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    DriverPropertyInfo defaultCluster = new DriverPropertyInfo("defaultCluster", null);
    defaultCluster.description = "owner of unmapped tables and of statements that name no table";
    DriverPropertyInfo cacheSize = new DriverPropertyInfo("parseCacheSize", null);
    cacheSize.description = "how many distinct SQL strings keep their plan cached";
    DriverPropertyInfo timeout = new DriverPropertyInfo("parseTimeoutMillis", null);
    timeout.description = "the longest one SQL parse may take";
    return new DriverPropertyInfo[] {defaultCluster, cacheSize, timeout};
  }

  @Override
  public int getMajorVersion() {
    return XClusterVersion.MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return XClusterVersion.MINOR;
  }

  /** Not fully SQL-92 compliant across clusters: some statements are refused rather than answered wrongly. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("xcluster logs through SLF4J, not java.util.logging", "0A000");
  }
}
