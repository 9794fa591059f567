package io.xcluster.testing;

import java.sql.Types;

/**
 * The column types of the fixture schema, mapped per dialect. Keys are {@code BIGINT} on PostgreSQL
 * but {@code INT} on MySQL, so that joins across engines meet differently typed keys. Timestamps
 * are PostgreSQL {@code TIMESTAMP(6)} and MySQL {@code DATETIME(6)}: both without time zone, with
 * microseconds, and free of MySQL {@code TIMESTAMP}'s session time-zone conversion.
 */
public enum ColumnType {
  /** Primary and foreign keys; values are {@link Long} in {@link FixtureData}. */
  KEY,
  /** Plain integers; values are {@link Integer}. */
  INT,
  /** {@code VARCHAR(200)}; values are lower-case ASCII {@link String}s. */
  TEXT,
  /** Timestamps with microseconds; values are {@link java.time.LocalDateTime}. */
  TIMESTAMP;

  /** The SQL type in {@code CREATE TABLE}. */
  public String sqlType(Dialect dialect) {
    return switch (this) {
      case KEY -> dialect == Dialect.POSTGRESQL ? "BIGINT" : "INT";
      case INT -> "INT";
      case TEXT -> "VARCHAR(200)";
      case TIMESTAMP -> dialect == Dialect.POSTGRESQL ? "TIMESTAMP(6)" : "DATETIME(6)";
    };
  }

  /** The {@link Types} constant for binding {@code NULL}. */
  int jdbcType(Dialect dialect) {
    return switch (this) {
      case KEY -> dialect == Dialect.POSTGRESQL ? Types.BIGINT : Types.INTEGER;
      case INT -> Types.INTEGER;
      case TEXT -> Types.VARCHAR;
      case TIMESTAMP -> Types.TIMESTAMP;
    };
  }
}
