package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusterConfigYamlTest {

  @Test
  void quotingEscapesWhatDoubleQuotedYamlNeeds() {
    assertEquals("\"\"", ClusterConfigYaml.quote(""));
    assertEquals(
        "\"jdbc:mysql://h:3306/db?a=1&b=2\"",
        ClusterConfigYaml.quote("jdbc:mysql://h:3306/db?a=1&b=2"));
    assertEquals("\"a\\\"b\\\\c\\nd\\x01\"", ClusterConfigYaml.quote("a\"b\\c\nd\u0001"));
  }
}
