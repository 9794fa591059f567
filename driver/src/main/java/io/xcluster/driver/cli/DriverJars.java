package io.xcluster.driver.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The clusters' JDBC drivers for {@code java -jar}, which ignores the class path: {@code --drivers a.jar:b.jar}
 * loads them and registers each driver found (through its {@code java.sql.Driver} service entry) with
 * DriverManager, behind a small delegate, since DriverManager only hands out drivers its caller's class
 * loader can see.
 */
final class DriverJars {
  private DriverJars() {}

  /** Registers the drivers of the jars in {@code paths} (separated as the platform separates paths). */
  static List<String> register(String paths) throws IOException, SQLException {
    List<URL> urls = new ArrayList<>();
    for (String path : paths.split(java.io.File.pathSeparator)) {
      Path jar = Path.of(path.strip());
      if (!Files.isReadable(jar)) {
        throw new IOException("cannot read the driver jar " + jar);
      }
      urls.add(toUrl(jar));
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), DriverJars.class.getClassLoader());
    List<String> registered = new ArrayList<>();
    for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
      if (driver.getClass().getClassLoader() == loader) {
        DriverManager.registerDriver(new Delegate(driver));
        registered.add(driver.getClass().getName());
      }
    }
    return registered;
  }

  private static URL toUrl(Path jar) throws MalformedURLException {
    return jar.toUri().toURL();
  }

  /** A driver of another class loader, as DriverManager's callers may see it. */
  private record Delegate(Driver driver) implements Driver {
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
      return driver.connect(url, info);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
      return driver.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
      return driver.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
      return driver.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
      return driver.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
      return driver.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return driver.getParentLogger();
    }
  }
}
