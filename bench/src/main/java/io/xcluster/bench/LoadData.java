package io.xcluster.bench;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads the benchmark databases ahead of a run, so that no benchmark's set-up spends its time on it:
 * {@code java -cp bench/target/benchmarks.jar io.xcluster.bench.LoadData [scale] [topology...]}
 * (default scale 1.0). Without topologies it loads every topology whose servers can be found and ends
 * with the line {@code topologies=pg_pg,pg_mysql} (those loaded), which {@code bench/run} passes to
 * JMH. Databases already loaded at that scale are left alone.
 */
public final class LoadData {
  private LoadData() {}

  public static void main(String[] args) throws SQLException {
    BenchSizes sizes = BenchSizes.of(args.length > 0 ? Double.parseDouble(args[0]) : 1.0);
    List<BenchTopology> topologies =
        args.length > 1
            ? Arrays.stream(args, 1, args.length).map(BenchTopology::of).toList()
            : Arrays.stream(BenchTopology.values()).filter(BenchTopology::available).toList();
    if (topologies.isEmpty()) {
      throw new IllegalStateException("No PostgreSQL server: start the local service at 127.0.0.1:5432"
          + " (user postgres) or set XC_TEST_PG_URL, XC_TEST_PG_USER and XC_TEST_PG_PASSWORD");
    }
    for (BenchTopology topology : topologies) {
      topology.ensureLoaded(sizes, BenchClusters.SEED);
    }
    System.out.println("xcluster bench: data at scale " + sizes.label() + " is loaded");
    System.out.println("topologies="
        + topologies.stream().map(BenchTopology::key).collect(Collectors.joining(",")));
  }
}
