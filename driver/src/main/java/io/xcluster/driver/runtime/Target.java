package io.xcluster.driver.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * One physical server of a cluster: its primary, or one of its read replicas. A logical connection holds at
 * most one physical connection per target; each target has its own pool.
 *
 * @param cluster the cluster's name
 * @param replica the replica's name; empty for the primary
 */
public record Target(String cluster, Optional<String> replica) {
  public Target {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(replica, "replica");
  }

  public static Target primary(String cluster) {
    return new Target(cluster, Optional.empty());
  }

  public static Target replica(String cluster, String name) {
    return new Target(cluster, Optional.of(name));
  }

  public boolean isPrimary() {
    return replica.isEmpty();
  }

  /** {@code cluster} for the primary, {@code cluster/replica} for a replica: how events and messages name it. */
  public String label() {
    return replica.isEmpty() ? cluster : cluster + "/" + replica.get();
  }

  @Override
  public String toString() {
    return label();
  }
}
