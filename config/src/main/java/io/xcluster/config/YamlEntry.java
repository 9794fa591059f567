package io.xcluster.config;

import org.yaml.snakeyaml.nodes.Node;

/** One key of a YAML mapping, with the line it stands on and its value's node. */
record YamlEntry(String key, int line, Node value) {}
