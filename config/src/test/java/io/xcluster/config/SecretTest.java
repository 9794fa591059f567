package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void masksUserInfoPassword() {
    assertEquals("jdbc:postgresql://app:****@db:5432/accounts",
        Secret.maskUrl("jdbc:postgresql://app:hunter2@db:5432/accounts"));
  }

  @Test
  void masksUserInfoPasswordContainingAt() {
    assertEquals("jdbc:mysql://app:****@db/content", Secret.maskUrl("jdbc:mysql://app:p@ss@db/content"));
  }

  @Test
  void leavesUserWithoutPasswordAndPortsAlone() {
    String url = "jdbc:postgresql://app@db:5432/accounts?ssl=true";
    assertEquals(url, Secret.maskUrl(url));
    assertEquals("jdbc:postgresql://db:5432/x", Secret.maskUrl("jdbc:postgresql://db:5432/x"));
  }

  @Test
  void masksQueryParametersCaseInsensitively() {
    assertEquals("jdbc:postgresql://db/x?user=app&password=****&ssl=true",
        Secret.maskUrl("jdbc:postgresql://db/x?user=app&password=hunter2&ssl=true"));
    assertEquals("jdbc:postgresql://db/x?PassWord=****", Secret.maskUrl("jdbc:postgresql://db/x?PassWord=hunter2"));
    assertEquals("jdbc:mysql://db/x?user=a&pwd=****", Secret.maskUrl("jdbc:mysql://db/x?user=a&pwd=hunter2"));
    assertEquals("jdbc:postgresql://db/x?sslpassword=****&passwd=****",
        Secret.maskUrl("jdbc:postgresql://db/x?sslpassword=k3y&passwd=hunter2"));
  }

  @Test
  void masksSemicolonPropertiesAsSqlServerWritesThem() {
    assertEquals("jdbc:sqlserver://db:1433;databaseName=x;user=sa;Password=****;encrypt=true",
        Secret.maskUrl("jdbc:sqlserver://db:1433;databaseName=x;user=sa;Password=hunter2;encrypt=true"));
    assertEquals("jdbc:sqlserver://db;password=****;encrypt=true",
        Secret.maskUrl("jdbc:sqlserver://db;password={a;b};encrypt=true"));
  }

  @Test
  void masksOtherParametersEndingInPassword() {
    assertEquals("jdbc:mysql://db/x?trustCertificateKeyStorePassword=****",
        Secret.maskUrl("jdbc:mysql://db/x?trustCertificateKeyStorePassword=changeit"));
  }

  @Test
  void masksOracleUserSlashPassword() {
    assertEquals("jdbc:oracle:thin:scott/****@//db:1521/svc",
        Secret.maskUrl("jdbc:oracle:thin:scott/tiger@//db:1521/svc"));
  }

  @Test
  void nullStaysNull() {
    assertNull(Secret.maskUrl(null));
  }

  @Test
  void toStringNeverRevealsTheValue() {
    assertEquals("****", Secret.of("hunter2").toString());
    assertEquals("(none)", Secret.of("").toString());
    assertEquals("(none)", Secret.of(null).toString());
  }
}
