package io.xcluster.driver.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.driver.result.PhysicalComparison.Difference;
import io.xcluster.testing.DbServer;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.Sql;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The synthetic result set against the clusters' own drivers: a table of many column types with
 * NULLs and edge values is read through pgjdbc or Connector-J, copied into an {@link
 * XClusterResultSet} (metadata with {@link ColumnMeta#from}, rows with {@code getObject}) and every
 * getter of {@link PhysicalComparison#GETTERS} is called on both, row by row.
 *
 * <p>The rule: <b>wherever the physical driver returns a value, the synthetic result returns the
 * same value and {@code wasNull}</b>, except for the differences listed per dialect below, each
 * with its reason. Where the physical driver throws, the synthetic result may convert instead: the
 * two drivers disagree on what to refuse (pgjdbc's {@code getObject(int, Class)} refuses even
 * {@code Long} for an {@code int4}, Connector-J's accepts nearly anything), and a merged result
 * cannot refuse per source, so it follows {@link ValueConverter}'s single, more permissive table.
 * Every listed difference must still occur, so the list cannot go stale.
 *
 * <p>Each dialect runs in UTC and in Asia/Kolkata (+05:30, no daylight saving), so that a wall
 * clock read in the wrong zone shows.
 */
class PhysicalDriversDifferentialTest {
  private static final String QUERY = "SELECT * FROM types ORDER BY id";

  /** Differences from pgjdbc, by {@code "column getter"}. */
  private static final Map<String, String> POSTGRESQL_DIFFERENCES = new LinkedHashMap<>();

  /** Differences from Connector-J (on MariaDB or MySQL), by {@code "column getter"}. */
  private static final Map<String, String> MYSQL_DIFFERENCES = new LinkedHashMap<>();

  /** Differences from pgjdbc that only a JVM zone other than UTC shows. */
  private static final Map<String, String> POSTGRESQL_ZONE_DIFFERENCES = new LinkedHashMap<>();

  /** Differences from Connector-J that only a JVM zone other than UTC shows. */
  private static final Map<String, String> MYSQL_ZONE_DIFFERENCES = new LinkedHashMap<>();

  static {
    String textForms = "getString getBytes getCharacterStream getBinaryStream";
    document(
        POSTGRESQL_DIFFERENCES,
        "a Boolean prints true/false: pgjdbc passes PostgreSQL's t/f through, but once copied the"
            + " value no longer says which database it came from (Connector-J prints 1/0)",
        "flag",
        textForms);
    document(
        POSTGRESQL_DIFFERENCES,
        "pgjdbc's getObject gives a timestamptz as a java.sql.Timestamp, which has no offset, so"
            + " the copy prints without PostgreSQL's +00; copy such columns with"
            + " getObject(OffsetDateTime.class) to keep it",
        "tstz",
        textForms);
    document(
        POSTGRESQL_ZONE_DIFFERENCES,
        "the same root: once a timestamptz is a java.sql.Timestamp it reads as a wall clock, so a"
            + " Calendar reinterprets it (pgjdbc ignores the Calendar for timestamptz) and"
            + " OffsetDateTime carries the JVM's offset, not pgjdbc's UTC (the same instant, but"
            + " not equals)",
        "tstz",
        "getTimestamp(UTC) getObject(OffsetDateTime)");
    document(
        POSTGRESQL_ZONE_DIFFERENCES,
        "a wall clock becomes an OffsetDateTime in the JVM's zone, as Connector-J and"
            + " Timestamp.toInstant do; pgjdbc reads a timestamp without time zone as UTC",
        "ts",
        "getObject(OffsetDateTime)");
    document(
        POSTGRESQL_DIFFERENCES,
        "a Float/Double becomes BigDecimal.valueOf(double) (0.0, 1.0E+20), as in Connector-J;"
            + " pgjdbc parses PostgreSQL's text (0, 1E+20): equal by compareTo, not by equals",
        "r d",
        "getBigDecimal getObject(BigDecimal)");

    document(
        MYSQL_DIFFERENCES,
        "a Boolean prints true/false; Connector-J prints TINYINT(1)'s 1/0 (pgjdbc prints t/f)",
        "flag",
        "getString getBytes getObject(String) getObject(byte[])");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J's getObject(UUID) reinterprets the raw bytes of any column as a UUID;"
            + " xcluster parses only UUID text and refuses other values (22018)",
        "v t bin",
        "getObject(UUID)");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J's getBoolean is true only for -1 and positive numbers (an ODBC habit);"
            + " xcluster's getBoolean is true for every number but zero",
        "b n r",
        "getBoolean getObject(Boolean)");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J's getString prints FLOAT/DOUBLE in Java's form (0.0, 1.0E20); xcluster"
            + " prints PostgreSQL's (0, 1e+20)",
        "r d",
        "getString getObject(String)");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J's getBytes gives MySQL's own text (1e20); xcluster PostgreSQL's (1e+20)",
        "d",
        "getBytes getObject(byte[])");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J pads fractional seconds to the column's precision in some getters"
            + " (23:59:59.500); xcluster cuts trailing zeros as PostgreSQL does",
        "ts tsz",
        "getBytes getObject(byte[])");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J pads a TIMESTAMP(3)'s fraction (23:59:59.500); xcluster cuts trailing zeros",
        "tsz",
        "getString getObject(String)");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J decodes VARBINARY bytes as characters (lossy); xcluster prints bytea hex,"
            + " \\x0102ff, as pgjdbc does",
        "bin",
        "getString getCharacterStream getObject(String)");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J reads VARBINARY bytes as a number (empty is 0); xcluster refuses binary as"
            + " a number (22018)",
        "bin",
        "getBoolean getByte getShort getInt getLong getFloat getDouble getBigDecimal"
            + " getObject(Integer) getObject(Long) getObject(Short) getObject(Boolean)"
            + " getObject(Double) getObject(Float) getObject(BigDecimal)");
    document(
        MYSQL_DIFFERENCES,
        "Connector-J's getByte on a string takes the first character's code ('1' gives 49);"
            + " xcluster parses the number",
        "t",
        "getByte");
    document(
        MYSQL_ZONE_DIFFERENCES,
        "Connector-J ignores the Calendar when it reads a TIME as a Date and gives midnight in the"
            + " JVM's zone; xcluster gives midnight in the Calendar's zone as for any wall clock;"
            + " the same date",
        "tod",
        "getDate(UTC)");
  }

  private static void document(
      Map<String, String> differences, String reason, String columns, String getters) {
    for (String column : columns.split(" ")) {
      for (String getter : getters.split(" ")) {
        differences.put(column + " " + getter, reason);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Kolkata"})
  void postgresqlValuesReadTheSameThroughTheSyntheticResult(String zone) throws Exception {
    DbServer server = DbServers.postgres();
    String database = "xc_result_pg";
    TimeZone original = TimeZone.getDefault();
    server.recreateDatabase(database);
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      try (Connection connection = server.connect(database)) {
        Sql.run(
            connection,
            "CREATE TABLE types (id int PRIMARY KEY, i int, b bigint, s smallint,"
                + " n numeric(10,2), r real, d double precision, v varchar(50), t text,"
                + " flag boolean, day date, tod time, ts timestamp(3), tstz timestamptz,"
                + " bin bytea, u uuid)",
            "INSERT INTO types VALUES (1, 42, 9000000000, 7, 12.50, 1.5, 2.25, 'hello', 'world',"
                + " true, '2024-01-31', '13:45:10', '2024-01-31 13:45:10.123',"
                + " '2024-01-31 13:45:10+00', '\\x0102ff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')",
            "INSERT INTO types (id) VALUES (2)",
            "INSERT INTO types VALUES (3, -1, -5, 0, -0.99, 0, 1e20, '42', 'yes', false,"
                + " '1999-12-31', '00:00:00', '1999-12-31 23:59:59', '1999-12-31 23:59:59.5-08',"
                + " '\\x', '00000000-0000-0000-0000-000000000000')",
            "INSERT INTO types VALUES (4, 1, 1, 1, 99999999.99, -2.5, 0.001,"
                + " '2024-03-04 05:06:07', '1', true, '2024-02-29', '23:59:59.25',"
                + " '2024-02-29 00:00:00', '2024-02-29 12:00:00+05:30', '\\x00',"
                + " 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')");
        assertSameExceptDocumented(
            connection, zone, POSTGRESQL_DIFFERENCES, POSTGRESQL_ZONE_DIFFERENCES);
      }
    } finally {
      TimeZone.setDefault(original);
      server.dropDatabase(database);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Kolkata"})
  void mysqlValuesReadTheSameThroughTheSyntheticResult(String zone) throws Exception {
    DbServer server = DbServers.mysql();
    String database = "xc_result_my";
    TimeZone original = TimeZone.getDefault();
    server.recreateDatabase(database);
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      try (Connection connection = server.connect(database)) {
        Sql.run(
            connection,
            "CREATE TABLE types (id int PRIMARY KEY, i int, b bigint, s smallint,"
                + " n decimal(10,2), r float, d double, v varchar(50), t text, flag tinyint(1),"
                + " day date, tod time, ts datetime(3), tsz timestamp(3) NULL,"
                + " bin varbinary(50))",
            "INSERT INTO types VALUES (1, 42, 9000000000, 7, 12.50, 1.5, 2.25, 'hello', 'world',"
                + " 1, '2024-01-31', '13:45:10', '2024-01-31 13:45:10.123',"
                + " '2024-01-31 13:45:10.000', X'0102ff')",
            "INSERT INTO types (id) VALUES (2)",
            "INSERT INTO types VALUES (3, -1, -5, 0, -0.99, 0, 1e20, '42', 'yes', 0,"
                + " '1999-12-31', '00:00:00', '1999-12-31 23:59:59',"
                + " '1999-12-31 23:59:59.500', X'')",
            "INSERT INTO types VALUES (4, 1, 1, 1, 99999999.99, -2.5, 0.001,"
                + " '2024-03-04 05:06:07', '1', 1, '2024-02-29', '23:59:59',"
                + " '2024-02-29 00:00:00', '2024-02-29 12:00:00', X'00')");
        assertSameExceptDocumented(connection, zone, MYSQL_DIFFERENCES, MYSQL_ZONE_DIFFERENCES);
      }
    } finally {
      TimeZone.setDefault(original);
      server.dropDatabase(database);
    }
  }

  private static void assertSameExceptDocumented(
      Connection connection,
      String zone,
      Map<String, String> everywhere,
      Map<String, String> outsideUtc)
      throws Exception {
    Map<String, String> documented = new LinkedHashMap<>(everywhere);
    if (!zone.equals("UTC")) {
      documented.putAll(outsideUtc);
    }
    assertEquals(
        List.of(),
        PhysicalComparison.metadataDifferences(connection, QUERY),
        "ResultSetMetaData answers that differ");
    List<Difference> differences = PhysicalComparison.differences(connection, QUERY);
    String undocumented =
        differences.stream()
            .filter(difference -> !difference.onlyMorePermissive())
            .filter(difference -> !documented.containsKey(difference.key()))
            .map(Object::toString)
            .collect(Collectors.joining("\n"));
    assertEquals("", undocumented, "values that differ from the physical driver's");
    Set<String> stale = new TreeSet<>(documented.keySet());
    stale.removeAll(PhysicalComparison.keys(differences));
    assertEquals(Set.of(), stale, "documented differences that no longer occur");
  }
}
