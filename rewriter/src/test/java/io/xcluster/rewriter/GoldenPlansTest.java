package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.error.XClusterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans printed as text and compared with {@code plans.golden}, so that a behaviour change reads as a diff. */
class GoldenPlansTest {
  private static final String PLAN_PREFIX = "-> ";

  @Test
  void plansMatchTheGoldenFile() throws IOException {
    String expected = golden();
    assertEquals(expected, replan(expected.lines().toList()));
  }

  private static String replan(List<String> lines) {
    Planner planner = TestConfigs.twoClusters().planner();
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (line.startsWith(PLAN_PREFIX)) {
        continue;
      }
      out.append(line).append('\n');
      if (!line.isBlank() && !line.startsWith("#")) {
        out.append(PLAN_PREFIX).append(print(planner, line)).append('\n');
      }
    }
    return out.toString();
  }

  private static String print(Planner planner, String sql) {
    try {
      Plan.PassThrough plan = (Plan.PassThrough) planner.plan(sql);
      return "PassThrough " + plan.cluster() + " " + plan.kind() + " " + plan.reason() + " " + plan.tables();
    } catch (XClusterException e) {
      return "ERROR " + e.state().code() + " " + e.getMessage();
    }
  }

  private static String golden() throws IOException {
    try (InputStream in = GoldenPlansTest.class.getResourceAsStream("plans.golden")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
