package io.xcluster.driver.differential;

import java.sql.Types;

/**
 * How strictly column types are compared. Values are always compared after {@link Values}
 * normalisation; this decides what else must agree.
 */
enum TypeCheck {
  /**
   * The JDBC type of every column and the Java classes of its values must be the database's. For
   * topologies whose every cluster runs the colocated database's engine.
   */
  EXACT,
  /**
   * Only the type's family (number, text, timestamp...) must agree. For topologies mixing engines,
   * where a MariaDB {@code INT} legitimately comes back as {@code INTEGER}/{@link Integer} while
   * the colocated PostgreSQL {@code BIGINT} is {@code BIGINT}/{@link Long}.
   */
  FAMILY;

  /** The family of a {@link Types} constant; unknown types are a family of their own. */
  static String family(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.DECIMAL,
          Types.NUMERIC,
          Types.REAL,
          Types.FLOAT,
          Types.DOUBLE ->
          "number";
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          "text";
      case Types.TIMESTAMP -> "timestamp";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp with time zone";
      case Types.DATE -> "date";
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> "time";
      case Types.BIT, Types.BOOLEAN -> "boolean";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
      default -> "jdbc type " + jdbcType;
    };
  }
}
