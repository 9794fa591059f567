package io.xcluster.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that span clusters, run on the bound values: no table entry in two clusters, and a
 * {@code defaultCluster} that names a cluster. It reads and reports; it never changes what it checks.
 */
final class ConfigValidator {
  private ConfigValidator() {}

  static void check(List<ClusterConfig> clusters, Optional<Setting> defaultCluster, Problems problems) {
    checkTables(clusters, problems);
    defaultCluster.filter(setting -> !setting.value().isBlank() && !clusters.isEmpty())
        .ifPresent(setting -> checkDefault(clusters, setting, problems));
  }

  /** Two entries collide when they would match the same tables at the same rank: same schema, same name. */
  private static void checkTables(List<ClusterConfig> clusters, Problems problems) {
    Map<String, Owner> owners = new HashMap<>();
    for (ClusterConfig cluster : clusters) {
      for (TablePattern pattern : cluster.tables()) {
        Owner first = owners.putIfAbsent(key(pattern), new Owner(cluster.name(), pattern));
        if (first != null && !first.cluster().equals(cluster.name())) {
          problems.add(pattern.line(), "table '" + pattern.text() + "' is mapped to two clusters: '" + first.cluster()
              + "' (line " + first.pattern().line() + ") and '" + cluster.name() + "' (line " + pattern.line() + ")",
              "keep it in only one cluster's 'tables' list");
        }
      }
    }
  }

  private static String key(TablePattern pattern) {
    String schema = pattern.schema() == null ? "" : pattern.schema().toLowerCase(Locale.ROOT);
    String name = pattern.caseSensitive() ? "\"" + pattern.name() : pattern.name().toLowerCase(Locale.ROOT);
    return schema + '\0' + name;
  }

  private static void checkDefault(List<ClusterConfig> clusters, Setting setting, Problems problems) {
    List<String> names = clusters.stream().map(ClusterConfig::name).toList();
    if (!names.contains(setting.value())) {
      problems.add(setting.source(), setting.line(), "defaultCluster '" + setting.value() + "' is not a cluster"
          + " (known clusters: " + String.join(", ", names) + ")", KnownKeys.closest(setting.value(), names)
          .map(name -> "did you mean '" + name + "'?").orElse("set it to one of the known clusters, or remove it"));
    }
  }

  private record Owner(String cluster, TablePattern pattern) {}
}
