package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.config.ClusterConfig.Replica;
import io.xcluster.config.ClusterConfig.Replicas;
import io.xcluster.config.ClusterConfig.WhenNoReplica;
import io.xcluster.error.SqlState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster's {@code replicas:} and the options of reading from them: bound values, defaults, and every problem. */
class ReplicaConfigTest {
  @TempDir Path dir;

  @Test
  void replicasAreNamedByPositionAndInheritThePrimarysCredentialsAndPool() {
    XClusterConfig config = Fixtures.load(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://primary:5432/accounts
            username: app
            password: primary-secret
            pool: { maximumPoolSize: 8, connectionTimeout: 2000 }
            tables: [users]
            replicas:
              - url: jdbc:postgresql://replica-a:5432/accounts
              - name: eu-west_2
                url: jdbc:postgresql://replica-b:5432/accounts
                username: reader
                password: replica-secret
                pool: { maximumPoolSize: 2 }
        """);
    Replicas replicas = config.cluster("accounts").replicas();
    assertEquals(List.of("replica1", "eu-west_2"), replicas.servers().stream().map(Replica::name).toList());
    Replica first = replicas.servers().get(0);
    assertEquals("jdbc:postgresql://replica-a:5432/accounts", first.url());
    assertEquals("app", first.username());
    assertEquals("primary-secret", first.password().reveal());
    assertEquals(Map.of("maximumPoolSize", "8", "connectionTimeout", "2000"), first.pool());
    Replica second = replicas.servers().get(1);
    assertEquals("reader", second.username());
    assertEquals("replica-secret", second.password().reveal());
    assertEquals(Map.of("maximumPoolSize", "2", "connectionTimeout", "2000"), second.pool());
    assertEquals(Duration.ofSeconds(2), replicas.readDelay(), "Rails' default delay");
    assertEquals(WhenNoReplica.PRIMARY, replicas.whenNoReplica());
    assertEquals(Duration.ofSeconds(5), replicas.probeInterval());
  }

  @Test
  void clusterOptionsTakeDurationsWithUnitsAndVariables() {
    Path file = Fixtures.write(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://primary/db
            tables: [users]
            replicas:
              - url: ${REPLICA_URL}
                password: ${REPLICA_PASSWORD}
            replicaReadDelay: 500ms
            whenNoReplica: FAIL
            replicaProbeInterval: 1_500ms
          content:
            url: jdbc:mysql://primary/content
            tables: [posts]
            replicas: [ { url: 'jdbc:mysql://replica/content' } ]
            replicaReadDelay: 0
            replicaProbeInterval: 1m
        """);
    Map<String, String> variables = Map.of("REPLICA_URL", "jdbc:postgresql://replica/db", "REPLICA_PASSWORD", "s3cret");
    XClusterConfig config = ConfigLoader.load(Fixtures.url(file), variables::get);
    Replicas accounts = config.cluster("accounts").replicas();
    assertEquals("jdbc:postgresql://replica/db", accounts.servers().get(0).url());
    assertEquals("s3cret", accounts.servers().get(0).password().reveal());
    assertEquals(Duration.ofMillis(500), accounts.readDelay());
    assertEquals(WhenNoReplica.FAIL, accounts.whenNoReplica());
    assertEquals(Duration.ofMillis(1_500), accounts.probeInterval());
    Replicas content = config.cluster("content").replicas();
    assertEquals(Duration.ZERO, content.readDelay());
    assertEquals(Duration.ofMinutes(1), content.probeInterval());
    assertFalse(config.cluster("content").toString().contains("s3cret"));
  }

  @Test
  void aClusterWithoutReplicasHasNone() {
    XClusterConfig config = Fixtures.load(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
            replicas: []
          content:
            url: jdbc:postgresql://h/content
            tables: [posts]
        """);
    assertTrue(config.cluster("accounts").replicas().isEmpty());
    assertEquals(Replicas.none(), config.cluster("content").replicas());
  }

  @Test
  void replicaPasswordsNeverPrint() {
    XClusterConfig config = Fixtures.load(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
            replicas:
              - url: jdbc:postgresql://reader:url-secret@replica/db?password=url-secret
                password: hunter2
                pool: { dataSource.password: pool-secret }
        """);
    String printed = config.cluster("accounts").toString();
    assertTrue(printed.contains("replicas=Replicas[servers=[Replica[name=replica1"), printed);
    for (String secret : List.of("hunter2", "url-secret", "pool-secret")) {
      assertFalse(printed.contains(secret), printed);
    }
  }

  @Test
  void malformedReplicaEntriesAreReportedAtTheirLines() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
            replicas:
              - jdbc:postgresql://replica/db
              - name: r2
              - url: mysql://replica/db
                usrname: reader
              - url: jdbc:xcluster:other.yaml
                pool: [maximumPoolSize]
        """);
    assertEquals(6, e.problems().size(), e.getMessage());
    assertProblem(e, 6, "replica 1 of cluster 'accounts' must be a mapping, not a single value",
        "Fix: write the replica as a mapping with at least its url");
    assertProblem(e, 7, "replica 'r2' of cluster 'accounts' has no 'url'", "Fix: add url:");
    assertProblem(e, 8, "'url' of replica 'replica3' of cluster 'accounts' is not a JDBC URL");
    assertProblem(e, 9, "unknown key 'usrname' in replica 'replica3' of cluster 'accounts'",
        "did you mean 'username'?");
    assertProblem(e, 10, "'url' of replica 'replica4' of cluster 'accounts' is an xcluster URL");
    assertProblem(e, 11, "'pool' of replica 'replica4' of cluster 'accounts' must be a mapping, not a list");
  }

  @Test
  void aReplicaIsTheSameKindOfDatabaseAsItsPrimary() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          content:
            url: jdbc:mysql://primary:3306/content
            tables: [posts]
            replicas:
              - url: jdbc:mariadb://replica-a:3306/content
              - url: jdbc:postgresql://replica-b:5432/content
        """);
    onlyProblem(e, 7, "replica 'replica2' of cluster 'content' is a postgresql database but its primary is mysql",
        "Fix: point the replica at a copy of the primary: a mysql server");
  }

  @Test
  void poolPropertiesOfAReplicaAreCheckedLikeThePrimarys() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
            replicas:
              - url: jdbc:postgresql://replica/db
                pool: { maximumPoolSize: }
        """);
    onlyProblem(e, 7, "pool property 'maximumPoolSize' of replica 'replica1' of cluster 'accounts' has no value");
  }

  @Test
  void replicasThatAreNotAListAreReported() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
            replicas: { url: jdbc:postgresql://replica/db }
        """);
    onlyProblem(e, 5, "'replicas' of cluster 'accounts' must be a list, not a mapping",
        "Fix: write one '- url: jdbc:...' entry per replica");
  }

  @Test
  void replicaNamesMustBeOneWordAndUniqueInTheirCluster() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
            replicas:
              - url: jdbc:postgresql://a/db
              - url: jdbc:postgresql://b/db
                name: replica1
              - url: jdbc:postgresql://c/db
                name: eu/west
        """);
    assertEquals(2, e.problems().size(), e.getMessage());
    assertProblem(e, 8, "replica 2 is named replica1, a name cluster 'accounts' already gives a replica (line 6)",
        "Fix: give each replica of the cluster its own name");
    assertProblem(e, 10, "'name' of replica 3 of cluster 'accounts' is 'eu/west': a replica's name is one word",
        "Fix: write a name such as name: eu-west-1, or leave it out for replica3");
  }

  @Test
  void badOptionValuesAreReportedWithTheFormsTheyTake() {
    ConfigException e = Fixtures.failure(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://h/db
            tables: [users]
            replicas: [ { url: 'jdbc:postgresql://replica/db' } ]
            replicaReadDelay: 2
            whenNoReplica: sometimes
            replicaProbeInterval: 0
          content:
            url: jdbc:postgresql://h/content
            tables: [posts]
            replicaReadDelay: -1s
            replicaProbeInterval: soon
            whenNoReplica:
        """);
    assertEquals(6, e.problems().size(), e.getMessage());
    assertProblem(e, 6, "'replicaReadDelay' of cluster 'accounts' must be a duration, not '2'",
        "Fix: write a whole number with ms, s or m (500ms, 2s, 1m), or 0, e.g. replicaReadDelay: 2s");
    assertProblem(e, 7, "'whenNoReplica' of cluster 'accounts' must be 'primary' or 'fail', not 'sometimes'",
        "Fix: use 'primary'");
    assertProblem(e, 8, "'replicaProbeInterval' of cluster 'accounts' must be a duration above 0, not '0'",
        "(not 0), e.g. replicaProbeInterval: 5s");
    assertProblem(e, 12, "'replicaReadDelay' of cluster 'content' must be a duration, not '-1s'");
    assertProblem(e, 13, "'replicaProbeInterval' of cluster 'content' must be a duration above 0, not 'soon'");
    assertProblem(e, 14, "'whenNoReplica' of cluster 'content' must be 'primary' or 'fail', not empty");
  }

  @Test
  void durationsNeedAUnitExceptZero() {
    assertEquals(Optional.of(Duration.ZERO), Durations.parse("0"));
    assertEquals(Optional.of(Duration.ofMillis(300)), Durations.parse(" 300ms "));
    assertEquals(Optional.of(Duration.ofSeconds(2)), Durations.parse("2S"));
    assertEquals(Optional.of(Duration.ofMinutes(1)), Durations.parse("1m"));
    assertEquals(Optional.of(Duration.ofMillis(1_500)), Durations.parse("1_500ms"));
    for (String bad : List.of("", "2", "1.5s", "-1s", "2h", "s", "99999999999999999999s", "9223372036854775807m")) {
      assertEquals(Optional.empty(), Durations.parse(bad), bad);
    }
  }

  private String file() {
    return dir.resolve("xcluster.yaml").toAbsolutePath().normalize().toString();
  }

  private void onlyProblem(ConfigException e, int line, String... fragments) {
    assertEquals(1, e.problems().size(), e.getMessage());
    assertProblem(e, line, fragments);
  }

  private void assertProblem(ConfigException e, int line, String... fragments) {
    String location = file() + ":" + line + ": ";
    ConfigException.Problem problem = e.problems().stream().filter(p -> p.toString().startsWith(location))
        .findFirst().orElseThrow(() -> new AssertionError("no problem at " + location + " in " + e.getMessage()));
    for (String fragment : fragments) {
      assertTrue(problem.toString().contains(fragment), () -> "'" + fragment + "' missing from " + problem);
    }
    assertFalse(problem.fix().isBlank());
    assertEquals(SqlState.CONFIGURATION, e.state());
  }
}
