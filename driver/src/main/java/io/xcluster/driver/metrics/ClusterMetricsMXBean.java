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

  /** The cluster's pool: connections borrowed now (0 before the pool starts). */
  int getActiveConnections();

  int getIdleConnections();

  int getTotalConnections();

  /** Threads waiting for one of the pool's connections. */
  int getThreadsAwaitingConnection();
}
