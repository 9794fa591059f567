package io.xcluster.bench;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the benchmark databases ahead of a run, so that no benchmark's set-up spends minutes on it:
 * {@code java -cp bench/target/benchmarks.jar io.xcluster.bench.LoadData [scale] [topology...]}
 * (default scale 1.0, both topologies). Databases already loaded at that scale are left alone.
 */
public final class LoadData {
  private LoadData() {}

  public static void main(String[] args) throws SQLException {
    BenchSizes sizes = BenchSizes.of(args.length > 0 ? Double.parseDouble(args[0]) : 1.0);
    List<BenchTopology> topologies =
        args.length > 1
            ? Arrays.stream(args, 1, args.length).map(BenchTopology::of).toList()
            : List.of(BenchTopology.values());
    for (BenchTopology topology : topologies) {
      topology.ensureLoaded(sizes, BenchClusters.SEED);
    }
    System.out.println("xcluster bench: data at scale " + sizes.label() + " is loaded");
  }
}
