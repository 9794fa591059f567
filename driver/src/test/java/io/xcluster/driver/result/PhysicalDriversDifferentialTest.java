package io.xcluster.driver.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PhysicalDriversDifferentialTest {
  private static final String QUERY = "SELECT * FROM types ORDER BY id";

  @Test
  void postgresqlValuesReadTheSameThroughTheSyntheticResult() throws Exception {
    DbServer server = DbServers.postgres();
    String database = "xc_result_pg";
    server.recreateDatabase(database);
    try (Connection connection = server.connect(database)) {
      Sql.run(
          connection,
          "CREATE TABLE types (id int PRIMARY KEY, i int, b bigint, s smallint, n numeric(10,2),"
              + " r real, d double precision, v varchar(50), t text, flag boolean, day date,"
              + " tod time, ts timestamp(3), tstz timestamptz, bin bytea, u uuid)",
          "INSERT INTO types VALUES"
              + " (1, 42, 9000000000, 7, 12.50, 1.5, 2.25, 'hello', 'world', true, '2024-01-31',"
              + " '13:45:10', '2024-01-31 13:45:10.123', '2024-01-31 13:45:10+00', '\\x0102ff',"
              + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')",
          "INSERT INTO types (id) VALUES (2)",
          "INSERT INTO types VALUES"
              + " (3, -1, -5, 0, -0.99, 0, 1e20, '42', 'yes', false, '1999-12-31',"
              + " '00:00:00', '1999-12-31 23:59:59', '1999-12-31 23:59:59.5-08', '\\x',"
              + " '00000000-0000-0000-0000-000000000000')",
          "INSERT INTO types VALUES"
              + " (4, 1, 1, 1, 99999999.99, -2.5, 0.001, '2024-03-04 05:06:07', '1', true,"
              + " '2024-02-29', '23:59:59.25', '2024-02-29 00:00:00', '2024-02-29 12:00:00+05:30',"
              + " '\\x00', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')");
      List<PhysicalComparison.Difference> differences =
          PhysicalComparison.differences(connection, QUERY);
      assertEquals(
          "",
          differences.stream().map(Object::toString).collect(Collectors.joining("\n")));
    } finally {
      server.dropDatabase(database);
    }
  }

  @Test
  void mysqlValuesReadTheSameThroughTheSyntheticResult() throws Exception {
    DbServer server = DbServers.mysql();
    String database = "xc_result_my";
    server.recreateDatabase(database);
    try (Connection connection = server.connect(database)) {
      Sql.run(
          connection,
          "CREATE TABLE types (id int PRIMARY KEY, i int, b bigint, s smallint, n decimal(10,2),"
              + " r float, d double, v varchar(50), t text, flag tinyint(1), day date, tod time,"
              + " ts datetime(3), tsz timestamp(3) NULL, bin varbinary(50))",
          "INSERT INTO types VALUES"
              + " (1, 42, 9000000000, 7, 12.50, 1.5, 2.25, 'hello', 'world', 1, '2024-01-31',"
              + " '13:45:10', '2024-01-31 13:45:10.123', '2024-01-31 13:45:10.000', X'0102ff')",
          "INSERT INTO types (id) VALUES (2)",
          "INSERT INTO types VALUES"
              + " (3, -1, -5, 0, -0.99, 0, 1e20, '42', 'yes', 0, '1999-12-31',"
              + " '00:00:00', '1999-12-31 23:59:59', '1999-12-31 23:59:59.500', X'')",
          "INSERT INTO types VALUES"
              + " (4, 1, 1, 1, 99999999.99, -2.5, 0.001, '2024-03-04 05:06:07', '1', 1,"
              + " '2024-02-29', '23:59:59', '2024-02-29 00:00:00', '2024-02-29 12:00:00', X'00')");
      List<PhysicalComparison.Difference> differences =
          PhysicalComparison.differences(connection, QUERY);
      assertEquals(
          "",
          differences.stream().map(Object::toString).collect(Collectors.joining("\n")));
    } finally {
      server.dropDatabase(database);
    }
  }
}
