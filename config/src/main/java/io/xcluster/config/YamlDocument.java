package io.xcluster.config;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Composes YAML into a node tree, which keeps every value's line and its text exactly as written (no
 * {@code 0123} turned into 83, no {@code on} turned into true); nothing is constructed from tags.
 */
final class YamlDocument {
  private YamlDocument() {}

  /** The document's root node, or empty after reporting a syntax error or an empty file. */
  static Optional<Node> compose(byte[] bytes, Problems problems) {
    try {
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      Node root = yaml.compose(new UnicodeReader(new ByteArrayInputStream(bytes)));
      if (root == null) {
        problems.add(0, "the file is empty", "declare the clusters under a top-level 'clusters:' key");
      }
      return Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      reportSyntax(e, problems);
    } catch (YAMLException e) {
      problems.add(0, "not valid YAML: " + e.getMessage(), "correct the file's YAML syntax");
    }
    return Optional.empty();
  }

  /** Reports SnakeYAML's description and position but not its snippet, which may show a password. */
  private static void reportSyntax(MarkedYAMLException e, Problems problems) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = mark == null ? 0 : mark.getLine() + 1;
    String position = mark == null ? "" : "line " + line + ", column " + (mark.getColumn() + 1);
    problems.add(line, "YAML syntax error" + (position.isEmpty() ? "" : " at " + position) + ": " + context(e)
        + e.getProblem(), "correct the YAML" + (position.isEmpty() ? "" : " at " + position)
        + " (check indentation, ':' after keys, closing quotes and brackets)");
  }

  /** SnakeYAML's context, e.g. "while scanning a quoted scalar", with the line it started on when earlier. */
  private static String context(MarkedYAMLException e) {
    if (e.getContext() == null) {
      return "";
    }
    Mark start = e.getContextMark();
    boolean earlier = start != null && e.getProblemMark() != null && start.getLine() < e.getProblemMark().getLine();
    return e.getContext() + (earlier ? " started at line " + (start.getLine() + 1) : "") + ": ";
  }
}
