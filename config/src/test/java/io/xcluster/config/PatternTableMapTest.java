package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatternTableMapTest {
  private static final String SOURCE = "/etc/xcluster.yaml";

  /** Builds a map from "cluster -> entries", each entry on its own pretend line (1, 2, 3...). */
  private static TableMap map(Optional<String> defaultCluster, Map<String, List<String>> entries) {
    List<ClusterConfig> clusters = new ArrayList<>();
    int line = 1;
    for (String cluster : entries.keySet().stream().sorted().toList()) {
      List<TablePattern> patterns = new ArrayList<>();
      for (String entry : entries.get(cluster)) {
        patterns.add(TablePattern.parse(entry, line++));
      }
      clusters.add(new ClusterConfig(cluster, "jdbc:h2:mem:" + cluster, null, Secret.of(null), Map.of(), patterns));
    }
    return new PatternTableMap(SOURCE, clusters, defaultCluster);
  }

  private static TableMap map(Map<String, List<String>> entries) {
    return map(Optional.empty(), entries);
  }

  private static TableName qualified(String schema, String name) {
    return new TableName(schema, name, false);
  }

  @Test
  void plainEntryMatchesIgnoringCase() {
    TableMap map = map(Map.of("accounts", List.of("Users")));
    assertEquals("accounts", map.clusterOf(TableName.of("USERS")));
    assertEquals("accounts", map.clusterOf(new TableName(null, "users", true)));
    assertEquals("accounts", map.clusterOf(qualified("public", "users")));
  }

  @Test
  void quotedEntryMatchesOnlyTheExactName() {
    TableMap map = map(Map.of("accounts", List.of("\"Users\"")));
    assertEquals(Optional.of("accounts"), map.lookup(TableName.of("Users")));
    assertEquals(Optional.empty(), map.lookup(TableName.of("users")));
  }

  @Test
  void quotedExactBeatsPlainBeatsGlob() {
    TableMap map = map(Map.of("quoted", List.of("`Users`"), "plain", List.of("users"), "glob", List.of("us*")));
    assertEquals("quoted", map.clusterOf(TableName.of("Users")));
    assertEquals("plain", map.clusterOf(TableName.of("USERS")));
    assertEquals("glob", map.clusterOf(TableName.of("usage")));
  }

  @Test
  void schemaQualifiedEntryBeatsUnqualifiedWithinARank() {
    TableMap map = map(Map.of("archive", List.of("old.users", "old.log_*"), "accounts", List.of("users", "log_*")));
    assertEquals("archive", map.clusterOf(qualified("OLD", "users")));
    assertEquals("accounts", map.clusterOf(qualified("public", "users")));
    assertEquals("accounts", map.clusterOf(TableName.of("users")));
    assertEquals("archive", map.clusterOf(qualified("old", "log_2024")));
    assertEquals("accounts", map.clusterOf(TableName.of("log_2024")));
  }

  @Test
  void qualifiedEntryNeverMatchesAnotherSchemaOrAnUnqualifiedTable() {
    TableMap map = map(Map.of("archive", List.of("old.users", "\"s\".\"T\"")));
    assertEquals(Optional.empty(), map.lookup(qualified("new", "users")));
    assertEquals(Optional.empty(), map.lookup(TableName.of("users")));
    assertEquals(Optional.of("archive"), map.lookup(qualified("s", "T")));
    assertEquals(Optional.empty(), map.lookup(qualified("s", "t")));
  }

  @Test
  void globsMatchAnyRunAndSingleCharacters() {
    TableMap map = map(Map.of("audit", List.of("audit_*", "log_????"), "logs", List.of("*.events")));
    assertEquals("audit", map.clusterOf(TableName.of("AUDIT_login")));
    assertEquals("audit", map.clusterOf(TableName.of("audit_")));
    assertEquals("audit", map.clusterOf(TableName.of("log_2024")));
    assertEquals(Optional.empty(), map.lookup(TableName.of("log_20245")));
    assertEquals("logs", map.clusterOf(qualified("tenant7", "events")));
    assertEquals(Optional.empty(), map.lookup(TableName.of("events")));
  }

  @Test
  void quotedGlobIsCaseSensitive() {
    TableMap map = map(Map.of("audit", List.of("\"Audit*\"")));
    assertEquals(Optional.of("audit"), map.lookup(TableName.of("AuditLog")));
    assertEquals(Optional.empty(), map.lookup(TableName.of("auditlog")));
  }

  @Test
  void equallyGoodMatchesInTwoClustersAreAmbiguous() {
    TableMap map = map(Map.of("accounts", List.of("audit_*"), "content", List.of("*_log")));
    XClusterException e = assertThrows(XClusterException.class, () -> map.lookup(TableName.of("audit_log")));
    assertEquals(SqlState.AMBIGUOUS_TABLE, e.state());
    assertTrue(e.getMessage().contains("table 'audit_log' matches 'audit_*' (cluster 'accounts', line 1) and '*_log'"
        + " (cluster 'content', line 2) equally well. Fix: in " + SOURCE), e.getMessage());
  }

  @Test
  void aMoreSpecificMatchResolvesWhatGlobsAloneWouldNot() {
    TableMap map = map(Map.of("accounts", List.of("audit_*"), "content", List.of("*_log", "audit_log")));
    assertEquals("content", map.clusterOf(TableName.of("audit_log")));
  }

  @Test
  void severalMatchesInOneClusterAreNotAmbiguous() {
    TableMap map = map(Map.of("accounts", List.of("audit_*", "*_log")));
    assertEquals("accounts", map.clusterOf(TableName.of("audit_log")));
  }

  @Test
  void unmappedTableGoesToTheDefaultCluster() {
    TableMap map = map(Optional.of("accounts"), Map.of("accounts", List.of("users"), "content", List.of("posts")));
    assertEquals(Optional.of("accounts"), map.lookup(TableName.of("audit_log")));
    assertEquals("content", map.clusterOf(TableName.of("posts")));
    assertEquals(Optional.of("accounts"), map.defaultCluster());
  }

  @Test
  void unmappedTableWithoutDefaultIsEmpty() {
    TableMap map = map(Map.of("accounts", List.of("users")));
    assertEquals(Optional.empty(), map.lookup(TableName.of("audit_log")));
    assertEquals(Optional.empty(), map.defaultCluster());
  }

  @Test
  void clusterOfUnmappedTableNamesTableClustersAndFix() {
    TableMap map = map(Map.of("accounts", List.of("users"), "content", List.of("posts")));
    XClusterException e = assertThrows(XClusterException.class, () -> map.clusterOf(TableName.of("audit_log")));
    assertEquals(SqlState.UNDEFINED_TABLE, e.state());
    assertEquals("table 'audit_log' is not mapped to any cluster (known clusters: accounts, content). Fix: add it"
        + " to a cluster's 'tables' list in " + SOURCE + ", or set 'defaultCluster'", e.getMessage());
  }

  @Test
  void unknownDefaultClusterIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> map(Optional.of("nope"), Map.of("a", List.of("t"))));
  }
}
