package io.xcluster.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Walks the YAML node tree into a {@link BoundConfig}: the top-level keys, each cluster (through
 * {@link ClusterBinder}) and the raw option values. Shape problems are reported, never thrown.
 */
final class ConfigBinder {
  static final String CLUSTERS = "clusters";
  static final List<String> KEYS =
      java.util.stream.Stream.concat(java.util.stream.Stream.of(CLUSTERS), OptionsReader.KEYS.stream()).toList();
  private static final String EXAMPLE =
      "e.g. clusters: { main: { url: 'jdbc:postgresql://host/db', tables: [users] } }";

  private final NodeReader reader;
  private final Problems problems;

  ConfigBinder(NodeReader reader) {
    this.reader = reader;
    this.problems = reader.problems();
  }

  BoundConfig bind(Node root) {
    Optional<MappingNode> map = reader.mapping(root, "the top level", "start the file with 'clusters:'");
    if (map.isEmpty()) {
      return new BoundConfig(List.of(), Map.of());
    }
    List<YamlEntry> entries = reader.entries(map.get(), "at the top level");
    KnownKeys.check(entries, KEYS, "at the top level", problems);
    List<ClusterConfig> clusters = clusters(NodeReader.find(entries, CLUSTERS), NodeReader.line(root));
    return new BoundConfig(clusters, options(entries));
  }

  private List<ClusterConfig> clusters(Optional<YamlEntry> entry, int rootLine) {
    if (entry.isEmpty() || NodeReader.isNull(entry.get().value())) {
      return noClusters(rootLine);
    }
    Optional<MappingNode> map = reader.mapping(entry.get().value(), "'clusters'", "map each cluster's name to its"
        + " settings, " + EXAMPLE);
    List<ClusterConfig> clusters = new ArrayList<>();
    for (YamlEntry cluster : map.map(m -> reader.entries(m, "under 'clusters'")).orElse(List.of())) {
      cluster(cluster).ifPresent(clusters::add);
    }
    if (map.isPresent() && map.get().getValue().isEmpty()) {
      return noClusters(entry.get().line());
    }
    return clusters;
  }

  private List<ClusterConfig> noClusters(int line) {
    problems.add(line, "no clusters are defined", "add a top-level 'clusters:' mapping with at least one cluster, "
        + EXAMPLE);
    return List.of();
  }

  private Optional<ClusterConfig> cluster(YamlEntry cluster) {
    if (cluster.key().isBlank()) {
      problems.add(cluster.line(), "a cluster has a blank name", "give every cluster a name");
      return Optional.empty();
    }
    String what = "cluster '" + cluster.key() + "'";
    return reader.mapping(cluster.value(), what, "give it url, tables and optionally username, password and pool, "
            + "indented under the cluster's name")
        .map(map -> ClusterBinder.bind(reader, cluster.key(), cluster.line(), map));
  }

  private Map<String, Setting> options(List<YamlEntry> entries) {
    Map<String, Setting> options = new LinkedHashMap<>();
    for (String key : OptionsReader.KEYS) {
      NodeReader.find(entries, key).ifPresent(entry -> reader.text(entry.value(), "'" + key + "'")
          .ifPresent(value -> options.put(key, new Setting(value, problems.source(), entry.line()))));
    }
    return options;
  }
}
