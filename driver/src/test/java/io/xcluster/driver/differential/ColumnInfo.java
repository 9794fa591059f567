package io.xcluster.driver.differential;

import java.util.Set;
import java.util.TreeSet;

/**
 * One result column as the comparison sees it.
 *
 * @param label {@code getColumnLabel}, compared ignoring case
 * @param jdbcType {@code getColumnType}
 * @param typeName {@code getColumnTypeName}, for messages only
 * @param valueClasses the classes of the column's non-null {@code getObject} values, sorted
 */
record ColumnInfo(String label, int jdbcType, String typeName, Set<String> valueClasses) {
  ColumnInfo {
    valueClasses = Set.copyOf(valueClasses);
  }

  /** {@code name BIGINT(-5) [java.lang.Long]}. */
  String describe() {
    return label + " " + typeName + "(" + jdbcType + ") " + new TreeSet<>(valueClasses);
  }
}
