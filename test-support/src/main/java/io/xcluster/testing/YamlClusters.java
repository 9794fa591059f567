package io.xcluster.testing;

/**
 * One cluster entry of an xcluster YAML file, for tests that write their own configuration (their own
 * databases, a proxied URL, TLS options): the server's credentials, values quoted as YAML needs.
 */
public final class YamlClusters {
  private YamlClusters() {}

  /** {@code name} on {@code url}, logging in as {@code server}'s user, owning {@code tables}. */
  public static String entry(String name, String url, DbServer server, String... tables) {
    return "  " + name + ":\n"
        + "    url: " + ClusterConfigYaml.quote(url) + "\n"
        + "    username: " + ClusterConfigYaml.quote(server.username()) + "\n"
        + "    password: " + ClusterConfigYaml.quote(server.password() == null ? "" : server.password()) + "\n"
        + "    tables: [" + String.join(", ", tables) + "]\n";
  }
}
