package io.xcluster.driver.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.xcluster.testing.DbServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Integer join keys bound as one binary array on PostgreSQL, and the cases that keep the portable text array:
 * other key types, a key that is not a number, a driver other than pgjdbc.
 */
class KeyValuesTest {
  private static final String COUNT_MATCHES =
      "SELECT COUNT(*) FROM generate_series(1, 100) AS g(n) WHERE n = ANY(?)";

  private static List<Object[]> keys(Object... values) {
    return java.util.Arrays.stream(values).map(value -> new Object[] {value}).toList();
  }

  @Test
  void int8KeysOfAnyIntegerClassBindAsALongArrayThatMatchesOnPostgresql() throws SQLException {
    try (Connection connection = DbServers.postgres().connect("postgres");
        PreparedStatement statement = connection.prepareStatement(COUNT_MATCHES)) {
      Object array = KeyValues.primitiveArray(keys(3L, 7, (short) 9, 500L), "int8", statement);
      assertArrayEquals(new long[] {3, 7, 9, 500}, (long[]) array);
      statement.setObject(1, array);
      assertEquals(3, count(statement), "3, 7 and 9 are in 1..100, 500 is not");
    }
  }

  @Test
  void aPgjdbcStatementBehindHikariCpIsStillRecognised() throws SQLException {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl(DbServers.postgres().jdbcUrl("postgres"));
    config.setUsername(DbServers.postgres().username());
    config.setPassword(DbServers.postgres().password());
    config.setMaximumPoolSize(1);
    try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
        Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(COUNT_MATCHES)) {
      Object array = KeyValues.primitiveArray(keys(4L, 5L), "int8", statement);
      assertArrayEquals(new long[] {4, 5}, (long[]) array);
      statement.setObject(1, array);
      assertEquals(2, count(statement));
    }
  }

  @Test
  void int4KeysBindAsAnIntArray() throws SQLException {
    try (Connection connection = DbServers.postgres().connect("postgres");
        PreparedStatement statement = connection.prepareStatement(
            "SELECT COUNT(*) FROM generate_series(1, 100) AS g(n) WHERE n::int4 = ANY(?)")) {
      Object array = KeyValues.primitiveArray(keys(1L, 100), "int4", statement);
      assertArrayEquals(new int[] {1, 100}, (int[]) array);
      statement.setObject(1, array);
      assertEquals(2, count(statement));
    }
  }

  @Test
  void otherTypesAndNonNumericKeysKeepThePortableArray() throws SQLException {
    try (Connection connection = DbServers.postgres().connect("postgres");
        PreparedStatement statement = connection.prepareStatement(COUNT_MATCHES)) {
      assertNull(KeyValues.primitiveArray(keys("a", "b"), "text", statement));
      assertNull(KeyValues.primitiveArray(keys(1L, 2L), "int2", statement));
      assertNull(KeyValues.primitiveArray(keys(1L, "12"), "int8", statement), "a text key among numbers");
    }
  }

  @Test
  void aDriverOtherThanPgjdbcKeepsThePortableArray() throws SQLException {
    try (Connection connection = DbServers.mysql().connect("mysql");
        PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
      assertNull(KeyValues.primitiveArray(keys(1L, 2L), "int8", statement));
    }
  }

  private static long count(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
