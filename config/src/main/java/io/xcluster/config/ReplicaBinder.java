package io.xcluster.config;

import io.xcluster.config.ClusterConfig.Replica;
import io.xcluster.config.ClusterConfig.Replicas;
import io.xcluster.config.ClusterConfig.WhenNoReplica;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds a cluster's {@code replicas:} list and the cluster-level options of reading from them
 * ({@code replicaReadDelay}, {@code whenNoReplica}, {@code replicaProbeInterval}). A replica's missing
 * {@code username} and {@code password} are the primary's, and its {@code pool} properties override the
 * primary's one by one, since replicas are usually the same kind of server as their primary.
 */
final class ReplicaBinder {
  static final String REPLICAS = "replicas";
  static final String READ_DELAY = "replicaReadDelay";
  static final String WHEN_NO_REPLICA = "whenNoReplica";
  static final String PROBE_INTERVAL = "replicaProbeInterval";
  static final List<String> CLUSTER_KEYS = List.of(REPLICAS, READ_DELAY, WHEN_NO_REPLICA, PROBE_INTERVAL);
  private static final List<String> KEYS = List.of("name", "url", "username", "password", "pool");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String DURATION_FORMS = "a whole number with ms, s or m (500ms, 2s, 1m), or 0";

  private final NodeReader reader;
  private final Problems problems;
  private final String cluster;
  private final Primary primary;
  private final Map<String, Integer> nameLines = new HashMap<>();

  /** What a replica inherits from its primary, and the primary's URL it must match in kind. */
  private record Primary(String url, String username, Secret password, Map<String, String> pool) {}

  private ReplicaBinder(NodeReader reader, String cluster, Primary primary) {
    this.reader = reader;
    this.problems = reader.problems();
    this.cluster = cluster;
    this.primary = primary;
  }

  /** The replicas and options among a cluster's entries; {@link Replicas#none()}'s values where absent. */
  static Replicas bind(NodeReader reader, String cluster, List<YamlEntry> entries, String url, String username,
      Secret password, Map<String, String> pool) {
    return new ReplicaBinder(reader, cluster, new Primary(url, username, password, pool)).bind(entries);
  }

  private Replicas bind(List<YamlEntry> entries) {
    Replicas defaults = Replicas.none();
    List<Replica> servers = NodeReader.find(entries, REPLICAS).map(this::replicas).orElse(List.of());
    Duration delay = NodeReader.find(entries, READ_DELAY).flatMap(entry -> duration(entry, false))
        .orElse(defaults.readDelay());
    WhenNoReplica whenNone = NodeReader.find(entries, WHEN_NO_REPLICA).flatMap(this::whenNoReplica)
        .orElse(defaults.whenNoReplica());
    Duration probe = NodeReader.find(entries, PROBE_INTERVAL).flatMap(entry -> duration(entry, true))
        .orElse(defaults.probeInterval());
    return new Replicas(servers, delay, whenNone, probe);
  }

  private List<Replica> replicas(YamlEntry entry) {
    List<Replica> servers = new ArrayList<>();
    if (NodeReader.isNull(entry.value())) {
      return servers;
    }
    Optional<SequenceNode> list = reader.sequence(entry.value(), "'" + REPLICAS + "' of cluster '" + cluster + "'",
        "write one '- url: jdbc:...' entry per replica under replicas:");
    List<Node> items = list.map(SequenceNode::getValue).orElse(List.of());
    for (int index = 0; index < items.size(); index++) {
      replica(items.get(index), index + 1).ifPresent(servers::add);
    }
    return servers;
  }

  private Optional<Replica> replica(Node item, int position) {
    String where = "replica " + position + " of cluster '" + cluster + "'";
    Optional<MappingNode> map = reader.mapping(item, where,
        "write the replica as a mapping with at least its url, e.g. - url: jdbc:postgresql://replica:5432/db");
    if (map.isEmpty()) {
      return Optional.empty();
    }
    List<YamlEntry> entries = reader.entries(map.get(), "in " + where);
    String name = name(NodeReader.find(entries, "name"), position, NodeReader.line(item));
    String owner = "replica '" + name + "' of cluster '" + cluster + "'";
    KnownKeys.check(entries, KEYS, "in " + owner, problems);
    Optional<String> url = url(NodeReader.find(entries, "url"), owner, NodeReader.line(item));
    String username = text(entries, "username", owner).orElse(primary.username());
    Secret password = NodeReader.find(entries, "password").isPresent()
        ? Secret.of(text(entries, "password", owner).orElse(null)) : primary.password();
    Map<String, String> pool = new LinkedHashMap<>(primary.pool());
    NodeReader.find(entries, "pool").ifPresent(entry -> pool.putAll(ClusterBinder.pool(reader, entry, owner)));
    return url.map(text -> new Replica(name, text, username, password, pool));
  }

  /**
   * The replica's name as written (one word, unique in the cluster), else {@code replica<position>}; a
   * problem is reported for a malformed or repeated name, and the position's name stands in for it.
   */
  private String name(Optional<YamlEntry> entry, int position, int itemLine) {
    String fallback = "replica" + position;
    if (entry.isEmpty()) {
      return unique(fallback, itemLine, "replica " + position + " is named " + fallback + " by its position");
    }
    String what = "'name' of replica " + position + " of cluster '" + cluster + "'";
    Optional<String> text = reader.text(entry.get().value(), what);
    if (text.isEmpty() || !NAME.matcher(text.get()).matches()) {
      problems.add(entry.get().line(), what + " is " + text.map(t -> "'" + t + "'").orElse("empty")
          + ": a replica's name is one word of letters, digits, '_' or '-'",
          "write a name such as name: eu-west-1, or leave it out for " + fallback);
      return fallback;
    }
    return unique(text.get(), entry.get().line(), "replica " + position + " is named " + text.get());
  }

  private String unique(String name, int line, String what) {
    Integer first = nameLines.putIfAbsent(name, line);
    if (first != null) {
      problems.add(line, what + ", a name cluster '" + cluster + "' already gives a replica (line " + first + ")",
          "give each replica of the cluster its own name: with name:, or by leaving names out everywhere");
    }
    return name;
  }

  private Optional<String> url(Optional<YamlEntry> entry, String owner, int itemLine) {
    if (entry.isEmpty() || NodeReader.isNull(entry.get().value())) {
      problems.add(entry.map(YamlEntry::line).orElse(itemLine), owner + " has no 'url'",
          "add url: with the JDBC URL of the replica's database, e.g. url: jdbc:postgresql://replica:5432/db");
      return Optional.empty();
    }
    String what = "'url' of " + owner;
    Optional<String> url = reader.text(entry.get().value(), what);
    url.ifPresent(text -> ClusterBinder.checkUrl(problems, what, text, entry.get().line()));
    url.ifPresent(text -> checkKind(text, owner, entry.get().line()));
    return url;
  }

  /**
   * A replica is a copy of its primary, and SQL for the cluster is written in the primary's dialect: its URL
   * must name the same kind of database ({@code jdbc:mysql:} and {@code jdbc:mariadb:} count as one).
   */
  private void checkKind(String url, String owner, int line) {
    Optional<String> replica = kind(url);
    Optional<String> primaryKind = kind(primary.url());
    if (replica.isPresent() && primaryKind.isPresent() && !replica.equals(primaryKind)) {
      problems.add(line, owner + " is a " + replica.get() + " database but its primary is " + primaryKind.get(),
          "point the replica at a copy of the primary: a " + primaryKind.get() + " server");
    }
  }

  private static Optional<String> kind(String url) {
    if (!url.startsWith("jdbc:") || XClusterUrl.accepts(url) || url.indexOf(':', 5) < 0) { // reported by checkUrl
      return Optional.empty();
    }
    String kind = url.substring(5, url.indexOf(':', 5)).toLowerCase(Locale.ROOT);
    return Optional.of(kind.equals("mariadb") ? "mysql" : kind);
  }

  private Optional<String> text(List<YamlEntry> entries, String key, String owner) {
    return NodeReader.find(entries, key).flatMap(entry -> reader.text(entry.value(), "'" + key + "' of " + owner));
  }

  private Optional<Duration> duration(YamlEntry entry, boolean positive) {
    String what = "'" + entry.key() + "' of cluster '" + cluster + "'";
    Optional<String> text = NodeReader.isNull(entry.value()) ? Optional.empty() : reader.text(entry.value(), what);
    Optional<Duration> duration = text.flatMap(Durations::parse).filter(value -> !positive || !value.isZero());
    if (duration.isEmpty()) {
      problems.add(entry.line(), what + " must be " + (positive ? "a duration above 0" : "a duration") + ", not "
          + text.map(t -> "'" + t + "'").orElse("empty"), "write " + DURATION_FORMS + (positive ? " (not 0)" : "")
          + ", e.g. " + entry.key() + ": " + (positive ? "5s" : "2s"));
    }
    return duration;
  }

  private Optional<WhenNoReplica> whenNoReplica(YamlEntry entry) {
    String what = "'" + WHEN_NO_REPLICA + "' of cluster '" + cluster + "'";
    Optional<String> text = NodeReader.isNull(entry.value()) ? Optional.empty() : reader.text(entry.value(), what);
    String value = text.map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("");
    if (value.equals("primary")) {
      return Optional.of(WhenNoReplica.PRIMARY);
    }
    if (value.equals("fail")) {
      return Optional.of(WhenNoReplica.FAIL);
    }
    problems.add(entry.line(), what + " must be 'primary' or 'fail', not " + text.map(t -> "'" + t + "'")
        .orElse("empty"), "use 'primary' (read from the primary while no replica answers) or 'fail' (refuse"
        + " such reads with SQLState 08006)");
    return Optional.empty();
  }
}
