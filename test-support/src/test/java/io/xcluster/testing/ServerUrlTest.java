package io.xcluster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ServerUrlTest {

  @Test
  void serverUrlWithoutPathUsesPostgresAsMaintenanceDatabase() {
    ServerUrl url = ServerUrl.parse(Dialect.POSTGRESQL, "jdbc:postgresql://db.example:5433/");

    assertEquals("db.example:5433", url.authority());
    assertEquals("postgres", url.maintenanceDatabase());
    assertEquals("jdbc:postgresql://db.example:5433/xc_a", url.forDatabase("xc_a"));
  }

  @Test
  void pathNamesTheMaintenanceDatabaseAndParametersAreKept() {
    ServerUrl url =
        ServerUrl.parse(Dialect.POSTGRESQL, "jdbc:postgresql://h:5432/admin?sslmode=require");

    assertEquals("admin", url.maintenanceDatabase());
    assertEquals("jdbc:postgresql://h:5432/xc_a?sslmode=require", url.forDatabase("xc_a"));
  }

  @Test
  void urlWithoutSlashIsAcceptedToo() {
    ServerUrl url = ServerUrl.parse(Dialect.MYSQL, "jdbc:mysql://h:3306");

    assertEquals("", url.maintenanceDatabase());
    assertEquals(
        "jdbc:mysql://h:3306/xc_a?allowPublicKeyRetrieval=true&sslMode=DISABLED",
        url.forDatabase("xc_a"));
  }

  @Test
  void mysqlParametersOverrideTheDefaults() {
    ServerUrl url =
        ServerUrl.parse(Dialect.MYSQL, "jdbc:mysql://h:3306/?sslMode=REQUIRED&connectTimeout=500");

    assertEquals(
        "jdbc:mysql://h:3306/?allowPublicKeyRetrieval=true&connectTimeout=500&sslMode=REQUIRED",
        url.forDatabase(""));
  }

  @Test
  void urlOfAnotherDialectIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerUrl.parse(Dialect.POSTGRESQL, "jdbc:mysql://h:3306/"));
  }
}
