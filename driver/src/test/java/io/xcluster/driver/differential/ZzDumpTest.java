package io.xcluster.driver.differential;

import io.xcluster.testing.LoadedTopology;
import org.junit.jupiter.api.Test;

class ZzDumpTest {
  @Test
  void dump() throws Exception {
    LoadedTopology loaded = Topologies.pgPg();
    RandomQueryGenerator generator = new RandomQueryGenerator(loaded.topology(), loaded.data());
    int count = Integer.getInteger("dump.count", 40);
    for (int i = 0; i < count; i++) {
      GeneratedQuery q = generator.generate(Long.getLong("dump.seed", 1L), i);
      System.out.println("Q " + i + " [" + q.shape() + "] " + q.sql() + " " + q.params());
    }
  }
}
