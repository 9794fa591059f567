package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.error.SqlState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem names the file, the line and the fix. */
class ConfigProblemsTest {
  @TempDir Path dir;

  private String file() {
    return dir.resolve("xcluster.yaml").toAbsolutePath().normalize().toString();
  }

  /** Asserts exactly one problem, at {@code line}, whose text contains every fragment; returns the message. */
  private String onlyProblem(ConfigException e, int line, String... fragments) {
    assertEquals(1, e.problems().size(), e.getMessage());
    return assertProblem(e, line, fragments);
  }

  private String assertProblem(ConfigException e, int line, String... fragments) {
    String message = e.getMessage();
    String location = file() + (line > 0 ? ":" + line + ": " : ": ");
    ConfigException.Problem problem = e.problems().stream().filter(p -> p.toString().startsWith(location))
        .findFirst().orElseThrow(() -> new AssertionError("no problem at " + location + " in " + message));
    for (String fragment : fragments) {
      assertTrue(problem.toString().contains(fragment), () -> "'" + fragment + "' missing from " + problem);
    }
    assertTrue(message.contains(problem.toString()));
    assertFalse(problem.fix().isBlank());
    assertEquals(SqlState.CONFIGURATION, e.state());
    return problem.toString();
  }

  @Test
  void yamlSyntaxErrorNamesLineAndColumn() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
           tables: [users]
        """);
    onlyProblem(e, 4, "YAML syntax error at line 4, column 4", "Fix: correct the YAML at line 4, column 4");
  }

  @Test
  void syntaxErrorNeverQuotesThePasswordLine() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            password: "hunter2
        """);
    onlyProblem(e, 4, "while scanning a quoted scalar started at line 3");
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void missingFileNamesAbsolutePathAndFix() {
    XClusterUrl url = new XClusterUrl(dir.resolve("nope/../absent.yaml").toString(), Map.of());
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(url, Fixtures.NO_VARIABLES));
    String absent = dir.resolve("absent.yaml").toAbsolutePath().toString();
    assertEquals(List.of(new ConfigException.Problem(absent, 0, "configuration file " + absent + " not found",
        e.problems().get(0).fix())), e.problems());
    assertTrue(e.getMessage().contains("Fix: create it, or correct the path in the JDBC URL"), e.getMessage());
  }

  @Test
  void missingClasspathResourceIsNamed() {
    XClusterUrl url = XClusterUrl.parse("jdbc:xcluster:classpath:/absent.yaml").orElseThrow();
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(url));
    assertTrue(e.getMessage().contains("classpath:absent.yaml: classpath resource 'absent.yaml' not found. Fix: put"),
        e.getMessage());
  }

  @Test
  void directoryIsNotAFile() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Fixtures.url(dir)));
    assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
  }

  @Test
  void emptyFileIsReported() {
    onlyProblem(Fixtures.failure(dir, ""), 0, "the file is empty", "Fix: declare the clusters");
  }

  @Test
  void missingClustersIsReported() {
    onlyProblem(Fixtures.failure(dir, "defaultCluster: a\n"), 1, "no clusters are defined", "Fix: add a top-level");
  }

  @Test
  void emptyClustersIsReported() {
    onlyProblem(Fixtures.failure(dir, "clusters: {}\n"), 1, "no clusters are defined");
  }

  @Test
  void topLevelThatIsNotAMappingIsReported() {
    onlyProblem(Fixtures.failure(dir, "- a\n- b\n"), 1, "the top level must be a mapping, not a list");
  }

  @Test
  void clusterThatIsNotAMappingIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts: jdbc:postgresql://h/db
        """);
    onlyProblem(e, 2, "cluster 'accounts' must be a mapping, not a single value", "Fix: give it url, tables");
  }

  @Test
  void missingUrlIsReportedAtTheCluster() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            tables: [users]
        """);
    onlyProblem(e, 2, "cluster 'accounts' has no 'url'", "Fix: add url:");
  }

  @Test
  void blankUrlIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: ' '
            tables: [users]
        """);
    onlyProblem(e, 3, "'url' of cluster 'accounts' is blank");
  }

  @Test
  void urlWithoutJdbcPrefixIsReportedMasked() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: postgresql://app:hunter2@h/db
            tables: [users]
        """);
    onlyProblem(e, 3, "is not a JDBC URL (postgresql://app:****@h/db)", "Fix: write a URL that starts with 'jdbc:'");
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void xclusterUrlIsReportedAsRecursion() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:xcluster:other.yaml
            tables: [users]
        """);
    onlyProblem(e, 3, "is an xcluster URL", "route back into xcluster", "Fix: set it to the real database's JDBC URL");
  }

  @Test
  void missingTablesIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
        """);
    onlyProblem(e, 2, "cluster 'accounts' lists no 'tables'", "Fix: list the tables it owns");
  }

  @Test
  void emptyTablesIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: []
        """);
    onlyProblem(e, 4, "cluster 'accounts' lists no 'tables'");
  }

  @Test
  void tablesThatAreNotAListAreReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: users
        """);
    onlyProblem(e, 4, "'tables' of cluster 'accounts' must be a list, not a single value", "Fix: write tables: [");
  }

  @Test
  void tableEntriesThatAreNotStringsAreReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables:
              - users
              - { name: orders }
              -
        """);
    assertEquals(2, e.problems().size(), e.getMessage());
    assertProblem(e, 6, "an entry of 'tables' of cluster 'accounts' must be a single value, not a mapping");
    assertProblem(e, 7, "an entry of 'tables' of cluster 'accounts' is empty");
  }

  @Test
  void malformedTableEntryIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users, '"Orders']
        """);
    onlyProblem(e, 4, "table entry '\"Orders' of cluster 'accounts' is invalid: the quote \" is not closed");
  }

  @Test
  void tableMappedToTwoClustersNamesBothClustersAndLines() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
          content:
            url: jdbc:mysql://h/db
            tables:
              - posts
              - USERS
        """);
    onlyProblem(e, 9, "table 'USERS' is mapped to two clusters: 'accounts' (line 4) and 'content' (line 9)",
        "Fix: keep it in only one cluster's 'tables' list");
  }

  @Test
  void quotedTableMappedToTwoClustersIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: ['"Users"', users]
          content:
            url: jdbc:mysql://h/db
            tables: ['`Users`', '"users"']
        """);
    onlyProblem(e, 7, "table '`Users`' is mapped to two clusters: 'accounts' (line 4) and 'content' (line 7)");
  }

  @Test
  void qualifiedAndUnqualifiedEntriesDoNotCollide() {
    XClusterConfig config = Fixtures.load(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
          archive:
            url: jdbc:postgresql://h/archive
            tables: [old.users, '"Users"']
        """);
    assertEquals("archive", config.tables().clusterOf(new TableName("old", "users", false)));
  }

  @Test
  void unknownDefaultClusterListsKnownClusters() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
          content:
            url: jdbc:mysql://h/db
            tables: [posts]
        defaultCluster: acounts
        """);
    onlyProblem(e, 8, "defaultCluster 'acounts' is not a cluster (known clusters: accounts, content)",
        "Fix: did you mean 'accounts'?");
  }

  @Test
  void unknownDefaultClusterFromUrlNamesTheUrl() {
    Path file = Fixtures.write(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
        """);
    XClusterUrl url = XClusterUrl.parse("jdbc:xcluster:" + file + "?defaultCluster=zzz").orElseThrow();
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(url, Fixtures.NO_VARIABLES));
    assertEquals(1, e.problems().size());
    assertTrue(e.getMessage().contains("jdbc:xcluster:" + file + ": defaultCluster 'zzz' is not a cluster"),
        e.getMessage());
  }

  @Test
  void unknownClusterKeySuggestsTheClosest() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tabels: [users]
        """);
    assertEquals(2, e.problems().size(), e.getMessage());
    assertProblem(e, 4,
        "unknown key 'tabels' in cluster 'accounts' (known keys: url, username, password, pool, tables, tableRows,",
        "Fix: did you mean 'tables'?");
    assertProblem(e, 2, "lists no 'tables'");
  }

  @Test
  void unknownTopLevelKeyWithoutCloseMatchListsKnownKeys() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
        routing: strict
        """);
    onlyProblem(e, 5, "unknown key 'routing' at the top level (known keys: clusters, defaultCluster, parseCacheSize,"
        + " parseTimeoutMillis, maxRowsInMemory, maxCrossJoinRows, bindBatchSize, hashJoinThreshold, textOrdering, listeners)", "Fix: remove it");
  }

  @Test
  void unknownUrlParameterIsReported() {
    Path file = Fixtures.write(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
        """);
    XClusterUrl url = XClusterUrl.parse("jdbc:xcluster:" + file + "?parsecachesize=5").orElseThrow();
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(url, Fixtures.NO_VARIABLES));
    assertTrue(e.getMessage().contains("unknown URL parameter 'parsecachesize'"), e.getMessage());
    assertTrue(e.getMessage().contains("Fix: did you mean 'parseCacheSize'?"), e.getMessage());
  }

  @Test
  void duplicateYamlKeyIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            url: jdbc:postgresql://h/other
            tables: [users]
        """);
    onlyProblem(e, 4, "duplicate key 'url' in cluster 'accounts' (first at line 3)");
  }

  @Test
  void nonIntegerOptionIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
        parseCacheSize: lots
        """);
    onlyProblem(e, 5, "'parseCacheSize' must be a whole number from 0 to 2147483647, not 'lots'",
        "Fix: set it to a number such as 10000");
  }

  @Test
  void negativeOptionIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
        parseTimeoutMillis: -1
        """);
    onlyProblem(e, 5, "'parseTimeoutMillis' must be a whole number", "not '-1'");
  }

  @Test
  void poolThatIsNotAMappingIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            pool: [8]
            tables: [users]
        """);
    onlyProblem(e, 4, "'pool' of cluster 'accounts' must be a mapping, not a list", "Fix: write HikariCP properties");
  }

  @Test
  void unresolvedVariableNamesFileLineAndFix() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            password: ${ACCOUNTS_DB_PASSWORD}
            tables: [users]
        """);
    onlyProblem(e, 4, "variable ${ACCOUNTS_DB_PASSWORD} in 'password' of cluster 'accounts' is not set",
        "Fix: set the environment variable or system property ACCOUNTS_DB_PASSWORD, or give a default with"
            + " ${ACCOUNTS_DB_PASSWORD:-default}");
  }

  @Test
  void unterminatedPlaceholderIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            password: ${hunter2
            tables: [users]
        """);
    onlyProblem(e, 4, "unterminated '${' in 'password' of cluster 'accounts'");
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void passwordIsNeverQuotedEvenWhenItIsTheOffendingValue() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            password: [hunter2]
            passwrd: hunter2
            pool: { password: }
            tables: [users]
        """);
    assertEquals(3, e.problems().size(), e.getMessage());
    assertProblem(e, 4, "'password' of cluster 'accounts' must be a single value, not a list");
    assertProblem(e, 5, "unknown key 'passwrd'", "did you mean 'password'?");
    assertProblem(e, 6, "pool property 'password' of cluster 'accounts' has no value");
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnceInLineOrder() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: mysql://h/db
            password: ${SECRET}
            tables: [users]
          content:
            username: root
            tabels: [posts]
          broken: 42
          other:
            url: jdbc:mysql://h/db
            tables: [users]
        defaultCluster: nowhere
        parseCacheSize: -5
        """);
    List<Integer> lines = e.problems().stream().map(ConfigException.Problem::line).toList();
    assertEquals(List.of(3, 4, 6, 6, 8, 9, 12, 13, 14), lines, e.getMessage());
    assertEquals(10, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void tableRowsHintsMustNameOwnTablesWithCounts() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users, audit_*]
            tableRows:
              users: lots
              posts: 10
              audit_*: 5
              audit_2024: -3
        """);
    String message = e.getMessage();
    assertTrue(message.contains("yaml:6: tableRows entry 'users' of cluster 'accounts' is not a row count ('lots')"),
        message);
    assertTrue(message.contains("yaml:7: tableRows entry 'posts' of cluster 'accounts' names a table the cluster"
        + " does not list in 'tables'"), message);
    assertTrue(message.contains("yaml:8: tableRows entry 'audit_*' of cluster 'accounts' is a glob"), message);
    assertTrue(message.contains("yaml:9: tableRows entry 'audit_2024' of cluster 'accounts' is not a row count"),
        message);
  }

  @Test
  void tableRowsThatIsNotAMappingIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
            tableRows: [users]
        """);
    onlyProblem(e, 5, "'tableRows' of cluster 'accounts' must be a mapping, not a list",
        "Fix: write approximate row counts per table");
  }

  @Test
  void anUnreadableSecretsFileIsReportedWithoutItsContent() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            password: ${file:/nonexistent/xcluster/secret}
            tables: [users]
        """);
    onlyProblem(e, 4, "secrets file '/nonexistent/xcluster/secret' in 'password' of cluster 'accounts' cannot be read"
        + " (NoSuchFileException)", "Fix: check the path and its permissions");
  }

  @Test
  void aListenerThatIsNotAClassNameIsReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
        listeners: com.example.Audit, not a class
        """);
    onlyProblem(e, 5, "'listeners' names 'not a class', which is not a class name", "Fix: list fully qualified");
  }
}
