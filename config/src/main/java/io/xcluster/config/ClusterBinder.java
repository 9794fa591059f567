package io.xcluster.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Binds one cluster's mapping to a {@link ClusterConfig}, reporting each field that is missing or malformed. */
final class ClusterBinder {
  static final List<String> KEYS = java.util.stream.Stream.concat(
      java.util.stream.Stream.of("url", "username", "password", "pool", "tables", "tableRows", "sharding", "shards"),
      ReplicaBinder.CLUSTER_KEYS.stream()).toList();
  private static final String TABLE_FORMS =
      "write table, schema.table, a glob such as audit_*, or a quoted name such as '\"Users\"'";

  private final NodeReader reader;
  private final Problems problems;
  private final String name;
  private final int line;

  ClusterBinder(NodeReader reader, String name, int line) {
    this.reader = reader;
    this.problems = reader.problems();
    this.name = name;
    this.line = line;
  }

  /** @param line the line of the cluster's name, where missing keys are reported */
  static ClusterConfig bind(NodeReader reader, String name, int line, MappingNode map) {
    return new ClusterBinder(reader, name, line).bind(map);
  }

  private ClusterConfig bind(MappingNode map) {
    List<YamlEntry> entries = reader.entries(map, "in cluster '" + name + "'");
    KnownKeys.check(entries, KEYS, "in cluster '" + name + "'", problems);
    Optional<YamlEntry> shards = NodeReader.find(entries, "shards");
    String username = text(entries, "username").orElse(null);
    Secret password = Secret.of(text(entries, "password").orElse(null));
    Map<String, String> pool = NodeReader.find(entries, "pool")
        .map(entry -> pool(reader, entry, "cluster '" + name + "'")).orElse(Map.of());
    List<TablePattern> tables = tables(NodeReader.find(entries, "tables"));
    List<ClusterConfig.TableRows> rows = NodeReader.find(entries, "tableRows")
        .map(entry -> tableRows(entry, tables)).orElse(List.of());
    Optional<YamlEntry> sharding = NodeReader.find(entries, "sharding");
    if (shards.isEmpty() && sharding.isEmpty()) {
      String url = url(NodeReader.find(entries, "url"));
      ClusterConfig.Replicas replicas = ReplicaBinder.bind(reader, name, entries, url, username, password,
          pool);
      return new ClusterConfig(name, url, username, password, pool, tables, rows, replicas);
    }
    NodeReader.find(entries, "url").ifPresent(url -> problems.add(url.line(), "sharded cluster '" + name
        + "' has a 'url' of its own", "give each entry of 'shards' its url, and remove the cluster's"));
    NodeReader.find(entries, "replicas").ifPresent(replicas -> problems.add(replicas.line(), "sharded cluster '"
        + name + "' lists replicas of its own", "list each shard's replicas under that shard, e.g. shards:"
        + " [ { url: ..., replicas: [ { url: ... } ] } ]"));
    List<YamlEntry> replicaOptions = entries.stream()
        .filter(entry -> ReplicaBinder.CLUSTER_KEYS.contains(entry.key()) && !entry.key().equals("replicas")).toList();
    Optional<Sharding> bound = new ShardingBinder(reader, name, line, tables)
        .bind(sharding, shards, new ShardingBinder.Defaults(username, password, pool, replicaOptions));
    String firstUrl = bound.map(s -> s.shards().isEmpty() ? "" : s.shards().get(0).url()).orElse("");
    return new ClusterConfig(name, firstUrl, username, password, pool, tables, rows, bound);
  }

  Optional<String> text(List<YamlEntry> entries, String key) {
    return NodeReader.find(entries, key).flatMap(entry -> reader.text(entry.value(), what(key)));
  }

  private String what(String key) {
    return "'" + key + "' of cluster '" + name + "'";
  }

  String url(Optional<YamlEntry> entry) {
    if (entry.isEmpty() || NodeReader.isNull(entry.get().value())) {
      problems.add(entry.map(YamlEntry::line).orElse(line), "cluster '" + name + "' has no 'url'",
          "add url: with the JDBC URL of the cluster's database, e.g. url: jdbc:postgresql://host:5432/db");
      return "";
    }
    Optional<String> url = reader.text(entry.get().value(), what("url"));
    url.ifPresent(text -> checkUrl(problems, what("url"), text, entry.get().line()));
    return url.orElse("");
  }

  /** Reports a URL that is blank, not a JDBC URL, or an xcluster URL; {@code what} names it in messages. */
  static void checkUrl(Problems problems, String what, String url, int urlLine) {
    if (url.isBlank()) {
      problems.add(urlLine, what + " is blank", "set it to the JDBC URL of the cluster's database");
    } else if (XClusterUrl.accepts(url)) {
      problems.add(urlLine, what + " is an xcluster URL (" + Secret.maskUrl(url)
          + "), which would route back into xcluster",
          "set it to the real database's JDBC URL, e.g. jdbc:postgresql://...");
    } else if (!url.startsWith("jdbc:")) {
      problems.add(urlLine, what + " is not a JDBC URL (" + Secret.maskUrl(url) + ")",
          "write a URL that starts with 'jdbc:', e.g. jdbc:postgresql://host:5432/db");
    }
  }

  /** The HikariCP properties of a {@code pool:} entry; {@code owner} names whose pool ("cluster 'accounts'"). */
  static Map<String, String> pool(NodeReader reader, YamlEntry entry, String owner) {
    Map<String, String> pool = new LinkedHashMap<>();
    if (NodeReader.isNull(entry.value())) {
      return pool;
    }
    String fix = "write HikariCP properties as a mapping, e.g. pool: { maximumPoolSize: 8 }";
    reader.mapping(entry.value(), "'pool' of " + owner, fix).ifPresent(map -> {
      for (YamlEntry property : reader.entries(map, "in the pool of " + owner)) {
        poolValue(reader, property, owner).ifPresent(value -> pool.put(property.key(), value));
      }
    });
    return pool;
  }

  private static Optional<String> poolValue(NodeReader reader, YamlEntry property, String owner) {
    Problems problems = reader.problems();
    String what = "pool property '" + property.key() + "' of " + owner;
    if (NodeReader.isNull(property.value())) {
      problems.add(property.line(), what + " has no value", "give it a value, or remove it");
      return Optional.empty();
    }
    return reader.text(property.value(), what);
  }

  private List<TablePattern> tables(Optional<YamlEntry> entry) {
    if (entry.isEmpty() || NodeReader.isNull(entry.get().value())) {
      return noTables(entry.map(YamlEntry::line).orElse(line));
    }
    Optional<SequenceNode> list = reader.sequence(entry.get().value(), what("tables"),
        "write tables: [users, orders] or one '- name' per line");
    if (list.isEmpty()) {
      return List.of();
    }
    if (list.get().getValue().isEmpty()) {
      return noTables(entry.get().line());
    }
    List<TablePattern> tables = new ArrayList<>();
    list.get().getValue().forEach(item -> table(item).ifPresent(tables::add));
    return tables;
  }

  private List<TablePattern> noTables(int at) {
    problems.add(at, "cluster '" + name + "' lists no 'tables'",
        "list the tables it owns, e.g. tables: [users, orders]");
    return List.of();
  }

  private Optional<TablePattern> table(Node item) {
    if (NodeReader.isNull(item)) {
      problems.add(NodeReader.line(item), "an entry of " + what("tables") + " is empty", TABLE_FORMS);
      return Optional.empty();
    }
    return reader.text(item, "an entry of " + what("tables")).flatMap(text -> parse(text, NodeReader.line(item)));
  }

  Optional<TablePattern> parse(String text, int itemLine) {
    try {
      return Optional.of(TablePattern.parse(text, itemLine));
    } catch (IllegalArgumentException e) {
      problems.add(itemLine, "table entry '" + text + "' of cluster '" + name + "' is invalid: " + e.getMessage(),
          TABLE_FORMS);
      return Optional.empty();
    }
  }

  /** {@code tableRows: {posts: 500000}}: each key a table of this cluster's (no glob), each value a count. */
  private List<ClusterConfig.TableRows> tableRows(YamlEntry entry, List<TablePattern> owned) {
    List<ClusterConfig.TableRows> hints = new ArrayList<>();
    if (NodeReader.isNull(entry.value())) {
      return hints;
    }
    String fix = "write approximate row counts per table, e.g. tableRows: { posts: 500000, users: 10000 }";
    reader.mapping(entry.value(), what("tableRows"), fix).ifPresent(map -> {
      for (YamlEntry hint : reader.entries(map, "in the tableRows of cluster '" + name + "'")) {
        tableRowsHint(hint, owned).ifPresent(hints::add);
      }
    });
    return hints;
  }

  private Optional<ClusterConfig.TableRows> tableRowsHint(YamlEntry hint, List<TablePattern> owned) {
    String what = "tableRows entry '" + hint.key() + "' of cluster '" + name + "'";
    Optional<TablePattern> table = parse(hint.key(), hint.line());
    if (table.isEmpty()) {
      return Optional.empty();
    }
    if (table.get().isGlob()) {
      problems.add(hint.line(), what + " is a glob", "name one table, e.g. posts or audit.events");
      return Optional.empty();
    }
    TableName named = new TableName(table.get().schema(), table.get().name(), table.get().caseSensitive());
    if (owned.stream().noneMatch(pattern -> new TableEntry(name, pattern).score(named) != TableEntry.NO_MATCH)) {
      problems.add(hint.line(), what + " names a table the cluster does not list in 'tables'",
          "add it to the cluster's tables, or move the hint to the cluster that owns it");
      return Optional.empty();
    }
    Optional<String> text = NodeReader.isNull(hint.value()) ? Optional.empty() : reader.text(hint.value(), what);
    Optional<Long> rows = text.flatMap(ClusterBinder::count);
    if (rows.isEmpty()) {
      problems.add(hint.line(), what + " is not a row count" + text.map(t -> " ('" + t + "')").orElse(""),
          "give a whole number of rows, 0 or more, e.g. " + hint.key() + ": 500000");
      return Optional.empty();
    }
    return Optional.of(new ClusterConfig.TableRows(table.get(), rows.get()));
  }

  private static Optional<Long> count(String text) {
    try {
      long value = Long.parseLong(text.strip().replace("_", ""));
      return value < 0 ? Optional.empty() : Optional.of(value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
