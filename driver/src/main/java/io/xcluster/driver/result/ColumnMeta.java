package io.xcluster.driver.result;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;

/**
 * What {@link java.sql.ResultSetMetaData} says about one column of a synthetic result. Strings are
 * never null: JDBC's "not applicable" is the empty string.
 *
 * @param label the name a query's {@code AS} gave the column, which {@code findColumn} matches
 * @param name the underlying column's name; the label when there is none
 * @param jdbcType a {@link Types} constant
 * @param className the Java class {@code getObject} returns, e.g. {@code java.lang.Integer}
 * @param nullable {@link ResultSetMetaData#columnNoNulls}, {@code columnNullable} or {@code
 *     columnNullableUnknown}
 */
public record ColumnMeta(
    String label,
    String name,
    String tableName,
    String schemaName,
    String catalogName,
    int jdbcType,
    String typeName,
    String className,
    int precision,
    int scale,
    int nullable,
    int displaySize,
    boolean signed,
    boolean autoIncrement,
    boolean caseSensitive,
    boolean currency) {

  public ColumnMeta {
    Objects.requireNonNull(label, "label");
    name = orEmpty(name);
    tableName = orEmpty(tableName);
    schemaName = orEmpty(schemaName);
    catalogName = orEmpty(catalogName);
    typeName = orEmpty(typeName);
    className = className == null || className.isEmpty() ? Object.class.getName() : className;
  }

  /**
   * A column computed in memory (an aggregate, a constant): no table, nullability unknown, signed
   * when {@code jdbcType} is numeric.
   */
  public static ColumnMeta computed(
      String label, int jdbcType, String typeName, Class<?> javaClass) {
    return new ColumnMeta(
        label,
        label,
        "",
        "",
        "",
        jdbcType,
        typeName,
        javaClass.getName(),
        0,
        0,
        ResultSetMetaData.columnNullableUnknown,
        0,
        isNumeric(jdbcType),
        false,
        false,
        false);
  }

  /**
   * Copies what a cluster's driver says about {@code column} (1-based). A call the driver refuses
   * (SQLException, including SQLFeatureNotSupportedException, or UnsupportedOperationException)
   * leaves the JDBC default: empty strings, {@link Types#OTHER}, zero, {@code
   * columnNullableUnknown}, false. An empty label falls back to the column name.
   */
  public static ColumnMeta from(ResultSetMetaData md, int column) {
    try {
      return read(md, column);
    } catch (SQLException | UnsupportedOperationException refused) {
      return readEach(md, column);
    }
  }

  /** Every attribute at once: what drivers answer, without the allocation of a guard per attribute. */
  private static ColumnMeta read(ResultSetMetaData md, int column) throws SQLException {
    String name = Objects.requireNonNullElse(md.getColumnName(column), "");
    String label = Objects.requireNonNullElse(md.getColumnLabel(column), "");
    return new ColumnMeta(
        label.isEmpty() ? name : label,
        name.isEmpty() ? label : name,
        Objects.requireNonNullElse(md.getTableName(column), ""),
        Objects.requireNonNullElse(md.getSchemaName(column), ""),
        Objects.requireNonNullElse(md.getCatalogName(column), ""),
        md.getColumnType(column),
        Objects.requireNonNullElse(md.getColumnTypeName(column), ""),
        Objects.requireNonNullElse(md.getColumnClassName(column), ""),
        md.getPrecision(column),
        md.getScale(column),
        md.isNullable(column),
        md.getColumnDisplaySize(column),
        md.isSigned(column),
        md.isAutoIncrement(column),
        md.isCaseSensitive(column),
        md.isCurrency(column));
  }

  /** Attribute by attribute, each refused one taking its default. */
  private static ColumnMeta readEach(ResultSetMetaData md, int column) {
    String name = text(() -> md.getColumnName(column));
    String label = text(() -> md.getColumnLabel(column));
    return new ColumnMeta(
        label.isEmpty() ? name : label,
        name.isEmpty() ? label : name,
        text(() -> md.getTableName(column)),
        text(() -> md.getSchemaName(column)),
        text(() -> md.getCatalogName(column)),
        number(() -> md.getColumnType(column), Types.OTHER),
        text(() -> md.getColumnTypeName(column)),
        text(() -> md.getColumnClassName(column)),
        number(() -> md.getPrecision(column), 0),
        number(() -> md.getScale(column), 0),
        number(() -> md.isNullable(column), ResultSetMetaData.columnNullableUnknown),
        number(() -> md.getColumnDisplaySize(column), 0),
        flag(() -> md.isSigned(column)),
        flag(() -> md.isAutoIncrement(column)),
        flag(() -> md.isCaseSensitive(column)),
        flag(() -> md.isCurrency(column)));
  }

  /** The same column under another label, e.g. the alias of the cross-cluster query. */
  public ColumnMeta withLabel(String newLabel) {
    return new ColumnMeta(
        newLabel,
        name,
        tableName,
        schemaName,
        catalogName,
        jdbcType,
        typeName,
        className,
        precision,
        scale,
        nullable,
        displaySize,
        signed,
        autoIncrement,
        caseSensitive,
        currency);
  }

  private static boolean isNumeric(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT,
              Types.SMALLINT,
              Types.INTEGER,
              Types.BIGINT,
              Types.REAL,
              Types.FLOAT,
              Types.DOUBLE,
              Types.NUMERIC,
              Types.DECIMAL ->
          true;
      default -> false;
    };
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** One metadata call that may fail. */
  private interface Call<T> {
    T get() throws SQLException;
  }

  private static String text(Call<String> call) {
    return orEmpty(tolerant(call, ""));
  }

  private static int number(Call<Integer> call, int fallback) {
    return tolerant(call, fallback);
  }

  private static boolean flag(Call<Boolean> call) {
    return tolerant(call, false);
  }

  private static <T> T tolerant(Call<T> call, T fallback) {
    try {
      return call.get();
    } catch (SQLException | UnsupportedOperationException refused) {
      return fallback;
    }
  }
}
