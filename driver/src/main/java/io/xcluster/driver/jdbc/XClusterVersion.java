package io.xcluster.driver.jdbc;

/** The driver's name and version, as JDBC reports them. */
public final class XClusterVersion {
  public static final String NAME = "xcluster";
  public static final int MAJOR = 0;
  public static final int MINOR = 1;
  public static final String VERSION = MAJOR + "." + MINOR + ".0-SNAPSHOT";

  private XClusterVersion() {}
}
