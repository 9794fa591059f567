package io.xcluster.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers for fixtures and assertions. */
public final class Sql {
  private Sql() {}

  /** Executes each statement in order on one {@link Statement}. */
  public static void run(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Executes the statements of {@code script} in order; see {@link #splitScript}. */
  public static void runScript(Connection connection, String script) throws SQLException {
    run(connection, splitScript(script).toArray(String[]::new));
  }

  /**
   * Splits fixture DDL into statements. A statement ends where a line ends with {@code ;} (trailing
   * blanks allowed); a semicolon inside a line does not split. Lines starting with {@code --} are
   * dropped, blank statements are skipped, and text after the last semicolon is a statement too.
   * Meant for scripts the tests write themselves, not for arbitrary SQL.
   */
  public static List<String> splitScript(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R", -1)) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      String trimmed = line.stripTrailing();
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        addIfNotBlank(statements, current);
        current.setLength(0);
      } else {
        current.append(line).append('\n');
      }
    }
    addIfNotBlank(statements, current);
    return List.copyOf(statements);
  }

  /**
   * Runs a query and returns every row as a list of {@link ResultSet#getObject(int)} values, SQL
   * {@code NULL} as {@code null}. The lists are unmodifiable.
   */
  public static List<List<Object>> queryRows(Connection connection, String sql)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return rows(resultSet);
    }
  }

  /** Reads the remaining rows of {@code resultSet} like {@link #queryRows}; does not close it. */
  public static List<List<Object>> rows(ResultSet resultSet) throws SQLException {
    int columns = resultSet.getMetaData().getColumnCount();
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(columns);
      for (int column = 1; column <= columns; column++) {
        row.add(resultSet.getObject(column));
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return Collections.unmodifiableList(rows);
  }

  private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
    String sql = statement.toString().strip();
    if (!sql.isEmpty()) {
      statements.add(sql);
    }
  }
}
