package io.xcluster.driver.cli;

import java.io.PrintStream;

/** The executable jar's entry point: {@code java -jar xcluster.jar demo}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 1 && args[0].equals("demo")) {
      new Demo(out).run();
      return 0;
    }
    err.println("""
        usage: java -jar xcluster-driver-all.jar demo
          demo   start three in-memory H2 clusters with the Rails guides' examples and show how
                 xcluster routes statements between them""");
    return 2;
  }
}
