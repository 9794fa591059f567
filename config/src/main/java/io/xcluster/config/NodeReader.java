package io.xcluster.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of YAML nodes, reporting a value of the wrong shape as a problem instead of
 * throwing. Messages describe values by their role ("'password' of cluster 'accounts'"), never by content.
 */
final class NodeReader {
  private final Problems problems;
  private final Substitution substitution;

  NodeReader(Problems problems, Substitution substitution) {
    this.problems = problems;
    this.substitution = substitution;
  }

  Problems problems() {
    return problems;
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /**
   * The scalar's text with variables substituted; empty for a YAML null, or for a non-scalar or a failed
   * substitution (both reported).
   */
  Optional<String> text(Node node, String what) {
    if (isNull(node)) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      problems.add(line(node), what + " must be a single value, not " + shape(node), "write it as plain text");
      return Optional.empty();
    }
    return substitution.apply(scalar.getValue(), line(node), what);
  }

  Optional<MappingNode> mapping(Node node, String what, String fix) {
    if (node instanceof MappingNode map) {
      return Optional.of(map);
    }
    problems.add(line(node), what + " must be a mapping, not " + shape(node), fix);
    return Optional.empty();
  }

  Optional<SequenceNode> sequence(Node node, String what, String fix) {
    if (node instanceof SequenceNode list) {
      return Optional.of(list);
    }
    problems.add(line(node), what + " must be a list, not " + shape(node), fix);
    return Optional.empty();
  }

  /** The mapping's entries in order; a non-scalar key or a repeated key (after the first) is reported and skipped. */
  List<YamlEntry> entries(MappingNode map, String where) {
    List<YamlEntry> entries = new ArrayList<>();
    Map<String, Integer> firstLines = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode scalar)) {
        problems.add(line(key), "a key " + where + " is " + shape(key), "use plain text keys");
        continue;
      }
      Integer first = firstLines.putIfAbsent(scalar.getValue(), line(key));
      if (first != null) {
        problems.add(line(key), "duplicate key '" + scalar.getValue() + "' " + where + " (first at line " + first + ")",
            "keep only one '" + scalar.getValue() + "'");
        continue;
      }
      entries.add(new YamlEntry(scalar.getValue(), line(key), tuple.getValueNode()));
    }
    return entries;
  }

  static Optional<YamlEntry> find(List<YamlEntry> entries, String key) {
    return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
  }

  static String shape(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return isNull(node) ? "empty" : "a single value";
  }
}
