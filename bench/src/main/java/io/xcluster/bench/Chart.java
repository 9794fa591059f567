package io.xcluster.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the key-scaling results of a JMH JSON file as a PNG: median latency against the number of keys
 * bound, hand-written decomposition and xcluster, one line each per topology, both axes logarithmic (a
 * straight line of slope 1 is linear growth).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.xcluster.bench.Chart <run>.json <chart>.png}
 */
public final class Chart {
  private static final String KEY_SCALING = "io.xcluster.bench.KeyScalingBenchmark.";

  private Chart() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Chart <jmh result>.json <chart>.png");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    Map<String, TreeMap<Integer, Double>> series = keyScaling(Path.of(args[0]));
    if (series.isEmpty()) {
      System.err.println("Chart: no KeyScalingBenchmark results in " + args[0]);
      System.exit(1);
    }
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title("Join latency against keys bound (median, JMH sample mode)")
        .xAxisTitle("keys bound").yAxisTitle("µs per query").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(7);
    series.forEach((name, points) -> chart.addSeries(name,
        points.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
        points.values().stream().mapToDouble(Double::doubleValue).toArray()));
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
    System.out.println("Chart: wrote " + args[1]);
  }

  /** Series name ("pg_pg xcluster") to median µs by keys bound. */
  private static Map<String, TreeMap<Integer, Double>> keyScaling(Path json) throws IOException {
    Map<String, TreeMap<Integer, Double>> series = new TreeMap<>();
    try (Reader reader = Files.newBufferedReader(json)) {
      for (JsonElement element : JsonParser.parseReader(reader).getAsJsonArray()) {
        JsonObject result = element.getAsJsonObject();
        String benchmark = result.get("benchmark").getAsString();
        if (!benchmark.startsWith(KEY_SCALING)) {
          continue;
        }
        JsonObject params = result.getAsJsonObject("params");
        JsonObject metric = result.getAsJsonObject("primaryMetric");
        double median = metric.has("scorePercentiles")
            ? metric.getAsJsonObject("scorePercentiles").get("50.0").getAsDouble()
            : metric.get("score").getAsDouble();
        String path = benchmark.substring(KEY_SCALING.length()).equals("handWritten") ? "hand-written" : "xcluster";
        series.computeIfAbsent(params.get("topology").getAsString() + " " + path, name -> new TreeMap<>())
            .put(params.get("keys").getAsInt(), median);
      }
    }
    return series;
  }
}
