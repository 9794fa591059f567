package io.xcluster.driver.cli;

import io.xcluster.config.ClusterConfig;
import io.xcluster.config.ConfigLoader;
import io.xcluster.config.XClusterConfig;
import io.xcluster.config.XClusterUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The command-line shell of the executable jar: one xcluster connection on a YAML file. Either one statement
 * ({@code -e "SQL"}) whose result is printed as a table, CSV or TSV, or an interactive prompt (JLine: line
 * editing, history in {@code ~/.xcluster_history}) reading statements that end with {@code ;} over as many
 * lines as they take, and the commands {@code \explain SQL}, {@code \clusters}, {@code \tables},
 * {@code \timing} and {@code \q}.
 */
final class Shell {
  /** How results are printed. */
  enum Format { TABLE, CSV, TSV }

  private static final int MAX_WIDTH = 60;

  private final XClusterConfig config;
  private final Connection connection;
  private final PrintStream out;
  private final Format format;
  private final Progress progress;
  private boolean timing;

  private Shell(XClusterConfig config, Connection connection, PrintStream out, Format format, Progress progress) {
    this.config = config;
    this.connection = connection;
    this.out = out;
    this.format = format;
    this.progress = progress;
  }

  /**
   * Runs one statement; 0 when it ran, 1 when it failed (the error on {@code err}). With {@code progress}, the
   * rows fetched so far per cluster go to {@code err} as the physical queries finish.
   */
  static int once(Path yaml, String sql, Format format, boolean progress, PrintStream out, PrintStream err) {
    return withShell(yaml, format, progress ? Progress.to(err, 0) : Progress.NONE, out, err,
        shell -> shell.execute(strip(sql), err) ? 0 : 1);
  }

  /**
   * The interactive prompt on {@code in}; ends at end of input or {@code \q}. On a terminal, a statement
   * running longer than a second shows the rows fetched so far per cluster.
   */
  static int interactive(Path yaml, InputStream in, PrintStream out, PrintStream err) {
    Progress progress = in == System.in && System.console() != null ? Progress.to(err, 1_000_000_000L) : Progress.NONE;
    return withShell(yaml, Format.TABLE, progress, out, err, shell -> shell.prompt(in, err));
  }

  @FunctionalInterface
  private interface Session {
    int run(Shell shell) throws IOException;
  }

  private static int withShell(Path yaml, Format format, Progress progress, PrintStream out, PrintStream err,
      Session session) {
    String url = "jdbc:xcluster:" + yaml.toAbsolutePath();
    try (Connection connection = DriverManager.getConnection(url)) {
      XClusterConfig config = ConfigLoader.load(XClusterUrl.parse(url).orElseThrow());
      connection.unwrap(io.xcluster.driver.jdbc.XClusterConnection.class).addQueryListener(progress);
      return session.run(new Shell(config, connection, out, format, progress));
    } catch (SQLException | IOException | RuntimeException failure) {
      err.println("xcluster: " + failure.getMessage());
      return 1;
    }
  }

  /** Where the interactive session's lines come from; null at the end of input. */
  @FunctionalInterface
  private interface Lines {
    String read(String prompt) throws IOException;
  }

  /**
   * A terminal gets JLine (line editing, history); piped input (a script, a test) is read line by line with
   * no prompts, through the same statement and command handling.
   */
  private static Lines lines(InputStream in) throws IOException {
    if (in == System.in && System.console() != null) {
      Terminal terminal = TerminalBuilder.builder().system(true).build();
      LineReader reader = LineReaderBuilder.builder().terminal(terminal)
          .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".xcluster_history")).build();
      return prompt -> {
        try {
          return reader.readLine(prompt);
        } catch (UserInterruptException interrupted) {
          return "";
        } catch (EndOfFileException end) {
          return null;
        }
      };
    }
    java.io.BufferedReader reader = new java.io.BufferedReader(
        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    return prompt -> reader.readLine();
  }

  private int prompt(InputStream in, PrintStream err) throws IOException {
    Lines lines = lines(in);
    out.println("xcluster shell on " + config.source() + " (clusters " + String.join(", ", config.clusters().keySet())
        + "). End statements with ;  \\help for commands.");
    StringBuilder statement = new StringBuilder();
    String line;
    while ((line = lines.read(statement.length() == 0 ? "xcluster> " : "      -> ")) != null) {
      String text = line.strip();
      if (statement.length() == 0 && text.startsWith("\\")) {
        if (!command(text, err)) {
          return 0;
        }
        continue;
      }
      statement.append(statement.length() == 0 ? "" : "\n").append(line);
      if (text.endsWith(";")) {
        execute(strip(statement.toString()), err);
        statement.setLength(0);
      }
    }
    return 0;
  }

  /** A backslash command; false for {@code \q}. */
  private boolean command(String text, PrintStream err) {
    String[] words = text.split("\\s+", 2);
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "\\q", "\\quit" -> {
        return false;
      }
      case "\\clusters" -> {
        for (ClusterConfig cluster : config.clusters().values()) {
          out.println(cluster.name() + "  " + cluster.safeUrl() + "  tables " + cluster.tables());
        }
      }
      case "\\tables" -> printRows(err, () -> connection.getMetaData()
          .getTables(null, null, "%", new String[] {"TABLE", "VIEW"}));
      case "\\timing" -> {
        timing = !timing;
        out.println("Timing is " + (timing ? "on." : "off."));
      }
      case "\\explain" -> execute("EXPLAIN XCLUSTER " + (words.length > 1 ? strip(words[1]) : ""), err);
      default -> out.println("""
          \\explain SQL   how xcluster runs SQL (EXPLAIN XCLUSTER), without running it
          \\clusters      the clusters and the tables each owns
          \\tables        every cluster's tables (merged metadata)
          \\timing        show each statement's time (toggle)
          \\q             quit""");
    }
    return true;
  }

  @FunctionalInterface
  private interface Results {
    ResultSet open() throws SQLException;
  }

  /** Runs one statement and prints its rows or update count; false when it failed. */
  private boolean execute(String sql, PrintStream err) {
    if (sql.isEmpty()) {
      return true;
    }
    try (Statement statement = connection.createStatement()) {
      long started = System.nanoTime();
      progress.start();
      if (statement.execute(sql)) {
        try (ResultSet results = statement.getResultSet()) {
          print(results);
        }
      } else if (format == Format.TABLE) {
        out.println("(" + statement.getUpdateCount() + " rows affected)");
      }
      elapsed(started);
      return true;
    } catch (SQLException failure) {
      err.println("ERROR " + failure.getSQLState() + ": " + failure.getMessage());
      return false;
    } finally {
      progress.finish();
    }
  }

  private boolean printRows(PrintStream err, Results results) {
    try (ResultSet rows = results.open()) {
      print(rows);
      return true;
    } catch (SQLException failure) {
      err.println("ERROR " + failure.getSQLState() + ": " + failure.getMessage());
      return false;
    }
  }

  private void elapsed(long started) {
    if (timing) {
      out.printf(Locale.ROOT, "Time: %.3f ms%n", (System.nanoTime() - started) / 1e6);
    }
  }

  private void print(ResultSet results) throws SQLException {
    int columns = results.getMetaData().getColumnCount();
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= columns; i++) {
      labels.add(results.getMetaData().getColumnLabel(i));
    }
    List<List<String>> rows = new ArrayList<>();
    while (results.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        Object value = results.getObject(i);
        row.add(value == null ? null : value.toString());
      }
      rows.add(row);
    }
    switch (format) {
      case CSV -> Delimited.print(out, labels, rows, ',');
      case TSV -> Delimited.print(out, labels, rows, '\t');
      default -> Table.print(out, labels, rows, MAX_WIDTH);
    }
  }

  private static String strip(String sql) {
    String text = sql.strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }
}
