package io.xcluster.testing;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Where a database server listens, independent of any one database: {@code
 * jdbc:<scheme>://<authority>/<database>?<parameters>}.
 *
 * <p>A server URL from the environment (e.g. {@code XC_TEST_PG_URL=jdbc:postgresql://db:5432/})
 * is parsed into its authority, an optional path and optional parameters. The path, when present,
 * names the maintenance database that administrative connections open (default {@code postgres} on
 * PostgreSQL, none on MySQL); a test database name always replaces it in {@link #forDatabase}. The
 * URL's parameters are kept and override the dialect's defaults of the same name.
 *
 * @param authority host and port as written, e.g. {@code 127.0.0.1:5432}
 * @param parameters URL parameters in name order; unmodifiable
 */
record ServerUrl(
    Dialect dialect, String authority, String maintenanceDatabase, Map<String, String> parameters) {

  ServerUrl {
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** A server at {@code host:port} with the dialect's default parameters. */
  static ServerUrl of(Dialect dialect, String host, int port) {
    return new ServerUrl(
        dialect, host + ":" + port, dialect.maintenanceDatabase(), dialect.defaultUrlParameters());
  }

  /**
   * Parses a server URL of the given dialect.
   *
   * @throws IllegalArgumentException if the URL does not start with the dialect's {@code
   *     jdbc:<scheme>://}
   */
  static ServerUrl parse(Dialect dialect, String url) {
    String prefix = dialect.urlScheme() + "//";
    if (!url.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "Expected a URL starting with " + prefix + " but got: " + url);
    }
    String rest = url.substring(prefix.length());
    int queryStart = rest.indexOf('?');
    String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
    String hostAndPath = queryStart < 0 ? rest : rest.substring(0, queryStart);
    int pathStart = hostAndPath.indexOf('/');
    String authority = pathStart < 0 ? hostAndPath : hostAndPath.substring(0, pathStart);
    String path = pathStart < 0 ? "" : hostAndPath.substring(pathStart + 1);
    Map<String, String> parameters = new TreeMap<>(dialect.defaultUrlParameters());
    parameters.putAll(parseQuery(query));
    return new ServerUrl(
        dialect, authority, path.isEmpty() ? dialect.maintenanceDatabase() : path, parameters);
  }

  /** The JDBC URL of {@code database} on this server; the empty string means no database. */
  String forDatabase(String database) {
    StringBuilder url = new StringBuilder(dialect.urlScheme()).append("//").append(authority);
    url.append('/').append(database);
    if (!parameters.isEmpty()) {
      StringJoiner query = new StringJoiner("&", "?", "");
      parameters.forEach((name, value) -> query.add(name + "=" + value));
      url.append(query);
    }
    return url.toString();
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> parameters = new TreeMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals < 0) {
        parameters.put(pair, "");
      } else {
        parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return parameters;
  }
}
