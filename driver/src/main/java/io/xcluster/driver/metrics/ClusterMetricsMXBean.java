package io.xcluster.driver.metrics;

/** One cluster's physical queries as JMX shows them ({@code io.xcluster:type=Cluster,config=...,name=...}). */
public interface ClusterMetricsMXBean {
  /** Physical queries run, failed ones included. */
  long getQueries();

  /** Rows the successful queries read (or, for writes, the update counts); streamed pass-through rows not counted. */
  long getRows();

  long getErrors();

  double getTotalMillis();

  /** Mean time per query, 0 before the first. */
  double getMeanMillis();
}
