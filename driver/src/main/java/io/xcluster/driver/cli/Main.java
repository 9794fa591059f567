package io.xcluster.driver.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The executable jar's entry point: {@code demo}, or the shell on a configuration
 * ({@code --config xcluster.yaml [-e "SQL"] [--format table|csv|tsv]}).
 */
public final class Main {
  private static final String USAGE = """
      usage: java -jar xcluster-driver-all.jar demo
             java -jar xcluster-driver-all.jar --config xcluster.yaml --drivers postgresql.jar:mysql.jar \\
                  [-e "SQL"] [--format table|csv|tsv] [--progress]
        demo       start three in-memory H2 clusters with the Rails guides' examples and show how
                   xcluster routes statements between them
        --config   open a shell on the clusters of this YAML file (statements end with ;, \\help)
        --drivers  the clusters' JDBC driver jars (not inside xcluster's jar), unless on the class path
        -e SQL     run this one statement, print its result and exit (1 when it fails)
        --format   how -e prints rows: an aligned table (default), CSV or TSV
        --progress with -e, the rows fetched so far per cluster on stderr (a terminal shows it by itself)""";

  private Main() {}

  public static void main(String[] args) throws Exception {
    int status = run(args, System.in, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    return run(args, InputStream.nullInputStream(), out, err);
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 1 && args[0].equals("demo")) {
      new Demo(out).run();
      return 0;
    }
    Path config = null;
    String sql = null;
    boolean progress = false;
    List<String> arguments = new ArrayList<>(List.of(args));
    if (arguments.remove("--progress")) {
      progress = true;
    }
    args = arguments.toArray(String[]::new);
    Shell.Format format = Shell.Format.TABLE;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--config", "-c" -> config = Path.of(args[i + 1]);
        case "-e", "--execute" -> sql = args[i + 1];
        case "--format", "-f" -> format = format(args[i + 1]);
        case "--drivers", "-d" -> {
          try {
            err.println("xcluster: drivers " + DriverJars.register(args[i + 1]));
          } catch (java.io.IOException | java.sql.SQLException unusable) {
            err.println("xcluster: " + unusable.getMessage());
            return 2;
          }
        }
        default -> config = null;
      }
      if (format == null) {
        break;
      }
    }
    if (config == null || format == null || args.length % 2 != 0) {
      err.println(USAGE);
      return 2;
    }
    return sql != null ? Shell.once(config, sql, format, progress, out, err)
        : Shell.interactive(config, in, out, err);
  }

  private static Shell.Format format(String name) {
    try {
      return Shell.Format.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
