package io.xcluster.config;

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
 * Binds a sharded cluster's {@code sharding:} (rule and shard keys) and {@code shards:} (one server each) to a
 * {@link Sharding}, reporting every problem: an unknown rule, a table without a shard key, a shard without its
 * range or values, overlapping ranges, a key listed twice, shards of different databases.
 */
final class ShardingBinder {
  private static final List<String> SHARDING_KEYS = List.of("rule", "keys");
  private static final List<String> SHARD_KEYS =
      List.of("name", "url", "username", "password", "pool", "from", "to", "values", "replicas");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final String EXAMPLE = "e.g. sharding: { rule: hash, keys: { posts: user_id } } and shards:"
      + " [ { url: 'jdbc:postgresql://host/content_0' }, { url: 'jdbc:postgresql://host/content_1' } ]";

  /**
   * The cluster's own username, password and pool (each shard's unless it sets its own), and its replica
   * options (replicaReadDelay...), which every shard's replicas follow.
   */
  record Defaults(String username, Secret password, Map<String, String> pool, List<YamlEntry> replicaOptions) {}

  private final NodeReader reader;
  private final Problems problems;
  private final String cluster;
  private final int line;
  private final List<TablePattern> tables;

  ShardingBinder(NodeReader reader, String cluster, int line, List<TablePattern> tables) {
    this.reader = reader;
    this.problems = reader.problems();
    this.cluster = cluster;
    this.line = line;
    this.tables = tables;
  }

  Optional<Sharding> bind(Optional<YamlEntry> sharding, Optional<YamlEntry> shards, Defaults defaults) {
    if (sharding.isEmpty() || shards.isEmpty()) {
      problems.add(sharding.or(() -> shards).map(YamlEntry::line).orElse(line), "cluster '" + cluster + "' has '"
          + (sharding.isEmpty() ? "shards" : "sharding") + "' without '" + (sharding.isEmpty() ? "sharding" : "shards")
          + "'", "a sharded cluster needs both, " + EXAMPLE);
      return Optional.empty();
    }
    Optional<MappingNode> settings = reader.mapping(sharding.get().value(), what("sharding"), EXAMPLE);
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    List<YamlEntry> entries = reader.entries(settings.get(), "in the sharding of cluster '" + cluster + "'");
    KnownKeys.check(entries, SHARDING_KEYS, "in the sharding of cluster '" + cluster + "'", problems);
    Optional<Sharding.Rule> rule = rule(NodeReader.find(entries, "rule"), sharding.get().line());
    List<Sharding.ShardKey> keys = keys(NodeReader.find(entries, "keys"), sharding.get().line());
    List<Sharding.Shard> bound = shards(shards.get(), rule, defaults);
    if (rule.isEmpty()) {
      return Optional.empty();
    }
    checkKeysOfShards(rule.get(), bound, shards.get().line());
    return Optional.of(new Sharding(rule.get(), keys, bound));
  }

  private String what(String key) {
    return "'" + key + "' of cluster '" + cluster + "'";
  }

  private Optional<Sharding.Rule> rule(Optional<YamlEntry> entry, int at) {
    String fix = "write rule: hash (key modulo the shard count), range (from/to per shard) or list (values per shard)";
    if (entry.isEmpty()) {
      problems.add(at, "the sharding of cluster '" + cluster + "' has no 'rule'", fix);
      return Optional.empty();
    }
    Optional<String> text = reader.text(entry.get().value(), "'rule' of the sharding of cluster '" + cluster + "'");
    try {
      return text.map(value -> Sharding.Rule.valueOf(value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      problems.add(entry.get().line(), "unknown sharding rule '" + text.get() + "' of cluster '" + cluster + "'", fix);
      return Optional.empty();
    }
  }

  /** {@code keys: {posts: user_id}}: one entry per entry of the cluster's tables, none for another table. */
  private List<Sharding.ShardKey> keys(Optional<YamlEntry> entry, int at) {
    String fix = "name each table's shard key column, e.g. keys: { posts: user_id, comments: user_id }";
    List<Sharding.ShardKey> keys = new ArrayList<>();
    Optional<MappingNode> map = entry.isEmpty() || NodeReader.isNull(entry.get().value()) ? Optional.empty()
        : reader.mapping(entry.get().value(), "'keys' of the sharding of cluster '" + cluster + "'", fix);
    for (YamlEntry key : map.map(m -> reader.entries(m, "in the shard keys of cluster '" + cluster + "'"))
        .orElse(List.of())) {
      shardKey(key).ifPresent(keys::add);
    }
    for (TablePattern table : tables) {
      if (keys.stream().noneMatch(key -> key.table().text().equalsIgnoreCase(table.text()))) {
        problems.add(entry.map(YamlEntry::line).orElse(at), "table '" + table.text() + "' of sharded cluster '"
            + cluster + "' has no shard key", "add it under keys, e.g. keys: { " + table.text() + ": user_id }");
      }
    }
    return keys;
  }

  private Optional<Sharding.ShardKey> shardKey(YamlEntry key) {
    String what = "shard key entry '" + key.key() + "' of cluster '" + cluster + "'";
    Optional<TablePattern> table = new ClusterBinder(reader, cluster, key.line()).parse(key.key(), key.line());
    if (table.isPresent() && tables.stream().noneMatch(t -> t.text().equalsIgnoreCase(key.key()))) {
      problems.add(key.line(), what + " names a table the cluster does not list in 'tables'",
          "add the table to the cluster's tables, or remove its key");
      return Optional.empty();
    }
    Optional<String> column = reader.text(key.value(), what).map(String::strip).filter(text -> !text.isEmpty());
    if (column.isEmpty()) {
      problems.add(key.line(), what + " names no column", "write the shard key column, e.g. " + key.key() + ": user_id");
    }
    return table.isPresent() && column.isPresent()
        ? Optional.of(new Sharding.ShardKey(table.get(), column.get())) : Optional.empty();
  }

  private List<Sharding.Shard> shards(YamlEntry entry, Optional<Sharding.Rule> rule, Defaults defaults) {
    Optional<SequenceNode> list = reader.sequence(entry.value(), what("shards"),
        "list one entry per shard, each with its url: shards: [ { url: ... }, { url: ... } ]");
    List<Sharding.Shard> shards = new ArrayList<>();
    if (list.isPresent() && list.get().getValue().isEmpty()) {
      problems.add(entry.line(), "sharded cluster '" + cluster + "' lists no shards", "list at least one shard's url");
    }
    List<Node> items = list.map(SequenceNode::getValue).orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      shard(items.get(i), i, rule, defaults).ifPresent(shards::add);
    }
    checkNamesAndDialects(shards, entry.line());
    return shards;
  }

  private Optional<Sharding.Shard> shard(Node item, int index, Optional<Sharding.Rule> rule, Defaults defaults) {
    Optional<MappingNode> map = reader.mapping(item, "shard " + index + " of cluster '" + cluster + "'",
        "give it url and optionally name, username, password, pool, and from/to (range) or values (list)");
    if (map.isEmpty()) {
      return Optional.empty();
    }
    List<YamlEntry> entries = reader.entries(map.get(), "in shard " + index + " of cluster '" + cluster + "'");
    KnownKeys.check(entries, SHARD_KEYS, "in shard " + index + " of cluster '" + cluster + "'", problems);
    int at = NodeReader.line(item);
    String name = name(entries, index, at);
    ClusterBinder server = new ClusterBinder(reader, cluster + "/" + name, at);
    String url = server.url(NodeReader.find(entries, "url"));
    String username = server.text(entries, "username").orElse(defaults.username());
    Secret password = server.text(entries, "password").map(Secret::of).orElse(defaults.password());
    Map<String, String> pool = new LinkedHashMap<>(defaults.pool());
    NodeReader.find(entries, "pool").ifPresent(entry -> pool.putAll(ClusterBinder.pool(reader, entry,
        "shard '" + name + "' of cluster '" + cluster + "'")));
    Long from = bound(entries, "from", name);
    Long to = bound(entries, "to", name);
    List<String> values = values(NodeReader.find(entries, "values"), name);
    rule.ifPresent(known -> checkPlacement(known, name, at, from, to, values));
    List<YamlEntry> replicaEntries = new ArrayList<>(defaults.replicaOptions());
    NodeReader.find(entries, "replicas").ifPresent(replicaEntries::add);
    ClusterConfig.Replicas replicas = ReplicaBinder.bind(reader, cluster + "/" + name, replicaEntries, url, username,
        password, pool);
    return Optional.of(new Sharding.Shard(name, url, username, password, pool, from, to, values, replicas));
  }

  private String name(List<YamlEntry> entries, int index, int at) {
    Optional<String> named = NodeReader.find(entries, "name")
        .flatMap(entry -> reader.text(entry.value(), "'name' of shard " + index + " of cluster '" + cluster + "'"));
    if (named.isPresent() && !NAME.matcher(named.get()).matches()) {
      problems.add(at, "shard name '" + named.get() + "' of cluster '" + cluster + "' is not a simple name",
          "use letters, digits, '_', '-' or '.', e.g. name: east");
    }
    return named.orElse("shard" + index);
  }

  private Long bound(List<YamlEntry> entries, String key, String shard) {
    Optional<YamlEntry> entry = NodeReader.find(entries, key);
    Optional<String> text = entry.flatMap(e -> reader.text(e.value(), "'" + key + "' of shard '" + shard + "'"));
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(text.get().strip().replace("_", ""));
    } catch (NumberFormatException notWhole) {
      problems.add(entry.get().line(), "'" + key + "' of shard '" + shard + "' of cluster '" + cluster
          + "' is not a whole number ('" + text.get() + "')", "range shards hold integer keys, e.g. " + key + ": 1000");
      return null;
    }
  }

  private List<String> values(Optional<YamlEntry> entry, String shard) {
    List<String> values = new ArrayList<>();
    String what = "'values' of shard '" + shard + "' of cluster '" + cluster + "'";
    entry.flatMap(e -> reader.sequence(e.value(), what, "list the keys the shard holds, e.g. values: [de, at]"))
        .ifPresent(list -> list.getValue().forEach(value -> reader.text(value, "an entry of " + what)
            .map(String::strip).ifPresent(values::add)));
    return values;
  }

  private void checkPlacement(Sharding.Rule rule, String shard, int at, Long from, Long to, List<String> values) {
    String which = "shard '" + shard + "' of cluster '" + cluster + "'";
    boolean ranged = from != null || to != null;
    switch (rule) {
      case HASH -> {
        if (ranged || !values.isEmpty()) {
          problems.add(at, which + " has from/to or values, but the rule is hash", "remove them, or change the rule");
        }
      }
      case RANGE -> {
        if (!ranged || !values.isEmpty()) {
          problems.add(at, which + " needs from and/or to (and no values) under the range rule",
              "write the keys it holds, e.g. from: 0, to: 1000 (to is exclusive; leave one out for an open end)");
        } else if (from != null && to != null && from >= to) {
          problems.add(at, which + " has from " + from + " not below to " + to, "write from < to (to is exclusive)");
        }
      }
      case LIST -> {
        if (values.isEmpty() || ranged) {
          problems.add(at, which + " needs values (and no from/to) under the list rule",
              "list the keys it holds, e.g. values: [de, at]");
        }
      }
    }
  }

  private void checkNamesAndDialects(List<Sharding.Shard> shards, int at) {
    Map<String, Integer> names = new HashMap<>();
    for (Sharding.Shard shard : shards) {
      if (names.merge(shard.name(), 1, Integer::sum) == 2) {
        problems.add(at, "cluster '" + cluster + "' has two shards named '" + shard.name() + "'",
            "give each shard its own name");
      }
    }
    List<String> kinds = shards.stream().map(shard -> databaseKind(shard.url())).distinct().toList();
    if (kinds.size() > 1) {
      problems.add(at, "the shards of cluster '" + cluster + "' are different databases (" + String.join(", ", kinds)
          + ")", "shards hold the same schema on the same kind of database; split them into clusters instead");
    }
  }

  private static String databaseKind(String url) {
    String[] parts = url.split(":", 3);
    String kind = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : url;
    return kind.equals("mariadb") ? "mysql" : kind;
  }

  /** Ranges must not overlap; a list value must not sit in two shards. */
  private void checkKeysOfShards(Sharding.Rule rule, List<Sharding.Shard> shards, int at) {
    for (int i = 0; i < shards.size(); i++) {
      for (int j = i + 1; j < shards.size(); j++) {
        Sharding.Shard a = shards.get(i);
        Sharding.Shard b = shards.get(j);
        if (rule == Sharding.Rule.RANGE && overlap(a, b)) {
          problems.add(at, "the ranges of shards '" + a.name() + "' and '" + b.name() + "' of cluster '" + cluster
              + "' overlap", "make each key belong to one shard (to is exclusive: from: 0, to: 100 then from: 100)");
        }
        if (rule == Sharding.Rule.LIST) {
          a.values().stream().filter(b.values()::contains).findFirst().ifPresent(twice -> problems.add(at,
              "key '" + twice + "' is listed in shards '" + a.name() + "' and '" + b.name() + "' of cluster '"
                  + cluster + "'", "list each key in one shard only"));
        }
      }
    }
  }

  private static boolean overlap(Sharding.Shard a, Sharding.Shard b) {
    long aFrom = a.from() == null ? Long.MIN_VALUE : a.from();
    long aTo = a.to() == null ? Long.MAX_VALUE : a.to();
    long bFrom = b.from() == null ? Long.MIN_VALUE : b.from();
    long bTo = b.to() == null ? Long.MAX_VALUE : b.to();
    return (a.from() != null || a.to() != null) && (b.from() != null || b.to() != null) && aFrom < bTo && bFrom < aTo;
  }
}
