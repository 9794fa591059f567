package io.xcluster.config;

import java.util.List;
import java.util.Map;

/**
 * What binding read from the file: the clusters, and the top-level options by key as raw settings. Only
 * turned into an {@link XClusterConfig} when no problem was reported.
 */
record BoundConfig(List<ClusterConfig> clusters, Map<String, Setting> options) {}
