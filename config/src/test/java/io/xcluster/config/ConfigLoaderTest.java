package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String TWO_CLUSTERS = """
      clusters:
        accounts:
          url: jdbc:postgresql://127.0.0.1:5432/accounts
          username: postgres
          password: ${ACCOUNTS_DB_PASSWORD}
          pool: { maximumPoolSize: 8, connectionTimeout: 1000 }
          tables: [users, subscriptions]
        content:
          url: jdbc:mysql://127.0.0.1:3306/content
          username: root
          tables: [posts, comments]
      defaultCluster: accounts
      """;

  @TempDir Path dir;

  @Test
  void loadsClasspathResource() {
    XClusterConfig config = ConfigLoader.load(XClusterUrl.parse("jdbc:xcluster:classpath:xcluster-test.yaml")
        .orElseThrow(), Fixtures.NO_VARIABLES);
    assertEquals("classpath:xcluster-test.yaml", config.source());
    assertEquals(List.of("accounts", "content"), List.copyOf(config.clusters().keySet()));
    assertEquals(new Options(Optional.of("accounts"), 500, 2000), config.options());
    assertEquals(Map.of("maximumPoolSize", "8"), config.cluster("accounts").pool());
    assertEquals("", config.cluster("accounts").password().reveal());
    assertEquals(Optional.of("content"), config.tables().lookup(TableName.of("audit_log")));
    assertEquals(Optional.of("accounts"), config.tables().lookup(TableName.of("unmapped")));
  }

  @Test
  void loadsAbsolutePath() {
    Path file = Fixtures.write(dir, TWO_CLUSTERS);
    XClusterConfig config = ConfigLoader.load(Fixtures.url(file), name -> "hunter2");
    assertEquals(file.toAbsolutePath().normalize().toString(), config.source());
    ClusterConfig accounts = config.cluster("accounts");
    assertEquals("jdbc:postgresql://127.0.0.1:5432/accounts", accounts.url());
    assertEquals("postgres", accounts.username());
    assertEquals("hunter2", accounts.password().reveal());
    assertEquals(List.of("users", "subscriptions"), accounts.tables().stream().map(TablePattern::text).toList());
    assertEquals(Map.of("maximumPoolSize", "8", "connectionTimeout", "1000"), accounts.pool());
    assertNull(config.cluster("content").password().reveal());
    assertEquals(Options.DEFAULT_PARSE_CACHE_SIZE, config.options().parseCacheSize());
  }

  @Test
  void loadsPathRelativeToWorkingDirectory() {
    Path file = Fixtures.write(dir, TWO_CLUSTERS);
    String relative = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    XClusterConfig config = ConfigLoader.load(new XClusterUrl(relative, Map.of()), name -> "x");
    assertEquals(file.toAbsolutePath().normalize().toString(), config.source());
  }

  @Test
  void urlOverridesTopLevelOptions() {
    Path file = Fixtures.write(dir, TWO_CLUSTERS);
    XClusterUrl url = XClusterUrl.parse("jdbc:xcluster:" + file + "?defaultCluster=content&parseCacheSize=7"
        + "&parseTimeoutMillis=250").orElseThrow();
    Options options = ConfigLoader.load(url, name -> "x").options();
    assertEquals(new Options(Optional.of("content"), 7, 250), options);
  }

  @Test
  void crossClusterLimitsComeFromTheFileAndTheUrl() {
    Path file = Fixtures.write(dir, TWO_CLUSTERS + "maxRowsInMemory: 5000\nmaxCrossJoinRows: 40\n");
    XClusterUrl url = XClusterUrl.parse("jdbc:xcluster:" + file + "?bindBatchSize=250").orElseThrow();
    Options options = ConfigLoader.load(url, name -> "x").options();
    assertEquals(5000, options.maxRowsInMemory());
    assertEquals(40, options.maxCrossJoinRows());
    assertEquals(250, options.bindBatchSize());
  }

  @Test
  void textOrderingIsStrictUnlessCodepointIsChosen() {
    Path file = Fixtures.write(dir, TWO_CLUSTERS);
    assertEquals(false, ConfigLoader.load(Fixtures.url(file), name -> "x").options().codePointTextOrder());
    XClusterUrl url = XClusterUrl.parse("jdbc:xcluster:" + file + "?textOrdering=codepoint").orElseThrow();
    assertEquals(true, ConfigLoader.load(url, name -> "x").options().codePointTextOrder());
    ConfigException failure = Fixtures.failure(dir, TWO_CLUSTERS + "textOrdering: sloppy\n", name -> "x");
    assertTrue(failure.getMessage().contains("'textOrdering' must be 'strict' or 'codepoint'"), failure.getMessage());
  }

  @Test
  void bindBatchSizeOfZeroIsAProblem() {
    ConfigException failure = Fixtures.failure(dir, TWO_CLUSTERS + "bindBatchSize: 0\n", name -> "x");
    assertTrue(failure.getMessage().contains("'bindBatchSize' must be at least 1"), failure.getMessage());
  }

  @Test
  void blankDefaultClusterOverrideSwitchesTheDefaultOff() {
    Path file = Fixtures.write(dir, TWO_CLUSTERS);
    XClusterUrl url = XClusterUrl.parse("jdbc:xcluster:" + file + "?defaultCluster=").orElseThrow();
    XClusterConfig config = ConfigLoader.load(url, name -> "x");
    assertEquals(Optional.empty(), config.tables().defaultCluster());
  }

  @Test
  void variableDefaultAppliesWhenUnset() {
    String yaml = TWO_CLUSTERS.replace("${ACCOUNTS_DB_PASSWORD}", "${ACCOUNTS_DB_PASSWORD:-dev}");
    XClusterConfig config = Fixtures.load(dir, yaml);
    assertEquals("dev", config.cluster("accounts").password().reveal());
  }

  @Test
  void variablesSubstituteInsideLargerValues() {
    String yaml = TWO_CLUSTERS.replace("127.0.0.1:5432", "${DB_HOST}:${DB_PORT:-5432}");
    Map<String, String> variables = Map.of("DB_HOST", "db.internal", "ACCOUNTS_DB_PASSWORD", "x");
    XClusterConfig config = ConfigLoader.load(Fixtures.url(Fixtures.write(dir, yaml)), variables::get);
    assertEquals("jdbc:postgresql://db.internal:5432/accounts", config.cluster("accounts").url());
  }

  @Test
  void nestedDefaultIsSubstitutedToo() {
    String yaml = TWO_CLUSTERS.replace("${ACCOUNTS_DB_PASSWORD}", "${PRIMARY:-${FALLBACK}}");
    XClusterConfig config = ConfigLoader.load(Fixtures.url(Fixtures.write(dir, yaml)), Map.of("FALLBACK", "fb")::get);
    assertEquals("fb", config.cluster("accounts").password().reveal());
  }

  @Test
  void doubledDollarWritesLiteralPlaceholder() {
    XClusterConfig config = Fixtures.load(dir, TWO_CLUSTERS.replace("${ACCOUNTS_DB_PASSWORD}", "a$${NOT_A_VAR}b"));
    assertEquals("a${NOT_A_VAR}b", config.cluster("accounts").password().reveal());
  }

  @Test
  void systemPropertyIsUsedWhenNoEnvironmentVariableIsSet() {
    String name = "xcluster.test.password." + System.nanoTime();
    Path file = Fixtures.write(dir, TWO_CLUSTERS.replace("ACCOUNTS_DB_PASSWORD", name));
    System.setProperty(name, "from-property");
    try {
      assertEquals("from-property", ConfigLoader.load(Fixtures.url(file)).cluster("accounts").password().reveal());
    } finally {
      System.clearProperty(name);
    }
  }

  @Test
  void valuesKeepTheirTextExactlyAsWritten() {
    String yaml = TWO_CLUSTERS.replace("${ACCOUNTS_DB_PASSWORD}", "0123").replace("[posts, comments]", "[on, 'no']");
    XClusterConfig config = Fixtures.load(dir, yaml);
    assertEquals("0123", config.cluster("accounts").password().reveal());
    assertEquals(List.of("on", "no"), config.cluster("content").tables().stream().map(TablePattern::name).toList());
  }

  @Test
  void toStringsNeverContainThePassword() {
    String yaml = TWO_CLUSTERS.replace("accounts\n    username", "accounts?password=hunter2\n    username")
        .replace("connectionTimeout: 1000", "dataSource.password: hunter2, jdbcUrl: 'jdbc:x://u:hunter2@h'");
    XClusterConfig config = ConfigLoader.load(Fixtures.url(Fixtures.write(dir, yaml)), name -> "hunter2");
    assertEquals("hunter2", config.cluster("accounts").password().reveal());
    assertFalse(config.toString().contains("hunter2"), config.toString());
    assertFalse(config.cluster("accounts").toString().contains("hunter2"));
    assertTrue(config.cluster("accounts").toString().contains("password=****"));
  }

  @Test
  void configIsImmutable() {
    XClusterConfig config = Fixtures.load(dir, TWO_CLUSTERS.replace("${ACCOUNTS_DB_PASSWORD}", "x"));
    assertThrows(UnsupportedOperationException.class, () -> config.clusters().remove("accounts"));
    assertThrows(UnsupportedOperationException.class, () -> config.cluster("accounts").pool().clear());
    assertThrows(UnsupportedOperationException.class, () -> config.cluster("accounts").tables().clear());
  }

  @Test
  void unknownClusterNameFailsWithSource() {
    XClusterConfig config = Fixtures.load(dir, TWO_CLUSTERS.replace("${ACCOUNTS_DB_PASSWORD}", "x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.cluster("nope"));
    assertTrue(e.getMessage().contains(config.source()));
  }

  @Test
  void tableRowsHintsAreReadPerTable() {
    Path file = Fixtures.write(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://127.0.0.1:5432/accounts
            tables: [users, audit.events, '"Plans"']
            tableRows: { users: 10_000, audit.events: 2000000, '"Plans"': 3 }
        """);
    ClusterConfig accounts = ConfigLoader.load(Fixtures.url(file), Fixtures.NO_VARIABLES).cluster("accounts");
    assertEquals(java.util.OptionalLong.of(10_000), accounts.rowsOf(TableName.of("USERS")));
    assertEquals(java.util.OptionalLong.of(2_000_000), accounts.rowsOf(new TableName("audit", "events", false)));
    assertEquals(java.util.OptionalLong.empty(), accounts.rowsOf(TableName.of("events")));
    assertEquals(java.util.OptionalLong.of(3), accounts.rowsOf(new TableName(null, "Plans", true)));
    assertEquals(java.util.OptionalLong.empty(), accounts.rowsOf(new TableName(null, "plans", true)));
  }

  @Test
  void passwordsCanComeFromASecretsFile() throws Exception {
    Path secret = dir.resolve("db_password");
    java.nio.file.Files.writeString(secret, "s3cr3t'\n");
    Path file = Fixtures.write(dir, """
        clusters:
          accounts:
            url: jdbc:postgresql://127.0.0.1:5432/accounts
            password: ${file:%s}
            tables: [users]
          content:
            url: jdbc:postgresql://127.0.0.1:5432/content
            password: ${file:%s/missing:-fallback}
            tables: [posts]
        """.formatted(secret, dir));
    XClusterConfig config = ConfigLoader.load(Fixtures.url(file), Fixtures.NO_VARIABLES);
    assertEquals("s3cr3t'", config.cluster("accounts").password().reveal());
    assertEquals("fallback", config.cluster("content").password().reveal());
    assertFalse(config.cluster("accounts").toString().contains("s3cr3t"));
  }
}
