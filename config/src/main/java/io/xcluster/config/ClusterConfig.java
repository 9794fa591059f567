package io.xcluster.config;

import java.util.List;
import java.util.Map;

/**
 * One cluster of the map: where it is, how to log in, how to pool, which tables it owns.
 *
 * @param name the cluster's name, as the YAML key
 * @param url the JDBC URL of the cluster's primary (the real driver's URL, e.g. jdbc:postgresql://...)
 * @param username may be null when the URL or driver supplies it
 * @param password never printed; {@link Secret#toString()} masks it
 * @param pool HikariCP properties as strings (e.g. {@code maximumPoolSize -> "8"}); unmodifiable
 * @param tables the table patterns as written in the file, in order; unmodifiable
 */
public record ClusterConfig(
    String name,
    String url,
    String username,
    Secret password,
    Map<String, String> pool,
    List<TablePattern> tables) {

  /** The URL with any embedded credentials masked: safe for logs and messages. */
  public String safeUrl() {
    return Secret.maskUrl(url);
  }

  @Override
  public String toString() {
    return "ClusterConfig[name=" + name + ", url=" + safeUrl() + ", username=" + username
        + ", password=" + password + ", pool=" + pool + ", tables=" + tables + "]";
  }
}
