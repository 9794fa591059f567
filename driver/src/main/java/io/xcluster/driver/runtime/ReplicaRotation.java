package io.xcluster.driver.runtime;

import io.xcluster.config.ClusterConfig;
import io.xcluster.config.Secret;
import io.xcluster.config.XClusterConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read replicas of every cluster, which of them are in rotation, and which one a read takes.
 *
 * <p>Balancing: a read takes the healthy replica with the fewest connections lent out now (least in-flight),
 * ties broken round-robin, so that sequential reads alternate and a slow replica holding its connections
 * longer gets fewer new reads.
 *
 * <p>Health: a replica whose connection or borrow failed ({@link #failed}) leaves the rotation at once and
 * its pool's connections are marked for replacement. A probe then asks it every {@code replicaProbeInterval}
 * whether it answers (a connection of its pool that passes {@code isValid}); the first answer puts it back.
 * The probe is scheduled on the runtime's timer and runs on its fetch threads, so a probe waiting on a dead
 * server never delays a query timeout. State changes are logged at WARN (out) and INFO (back), with masked
 * URLs only.
 */
final class ReplicaRotation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaRotation.class);
  private static final long MIN_PROBE_WAIT_MILLIS = 250;
  private static final long MAX_PROBE_WAIT_MILLIS = 2_000;

  private final ClusterPools pools;
  private final ScheduledExecutorService timers;
  private final ExecutorService probes;
  private final Map<String, List<Member>> clusters = new LinkedHashMap<>();
  private final Map<Target, Member> members = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> turns = new LinkedHashMap<>();

  ReplicaRotation(XClusterConfig config, ClusterPools pools, ScheduledExecutorService timers,
      ExecutorService probes) {
    this.pools = pools;
    this.timers = timers;
    this.probes = probes;
    for (ClusterConfig cluster : config.servers()) { // shards included: each may have replicas
      List<Member> replicas = new ArrayList<>();
      for (ClusterConfig.Replica replica : cluster.replicas().servers()) {
        Member member = new Member(Target.replica(cluster.name(), replica.name()), replica.safeUrl(),
            cluster.replicas().probeInterval());
        replicas.add(member);
        members.put(member.target, member);
      }
      clusters.put(cluster.name(), List.copyOf(replicas));
      turns.put(cluster.name(), new AtomicInteger());
    }
  }

  /** The healthy replica a read of {@code cluster} should take; empty when none is in rotation. */
  Optional<Target> choose(String cluster) {
    List<Member> replicas = clusters.getOrDefault(cluster, List.of());
    List<Member> healthy = new ArrayList<>(replicas.size());
    int least = Integer.MAX_VALUE;
    for (Member member : replicas) {
      if (member.healthy) {
        int active = pools.active(member.target);
        if (active < least) {
          least = active;
          healthy.clear();
        }
        if (active == least) {
          healthy.add(member);
        }
      }
    }
    if (healthy.isEmpty()) {
      return Optional.empty();
    }
    int turn = Math.floorMod(turns.get(cluster).getAndIncrement(), healthy.size());
    return Optional.of(healthy.get(turn).target);
  }

  boolean inRotation(Target target) {
    Member member = members.get(target);
    return member != null && member.healthy;
  }

  /** The cluster's replicas with their state, for messages: {@code replica1 (jdbc:... , out of rotation)}. */
  String describe(String cluster) {
    List<String> described = new ArrayList<>();
    for (Member member : clusters.getOrDefault(cluster, List.of())) {
      described.add(member.target.replica().orElseThrow() + " (" + member.safeUrl + ", "
          + (member.healthy ? "in rotation" : "out of rotation") + ")");
    }
    return String.join(", ", described);
  }

  /**
   * Takes a replica out of rotation after its connection or borrow failed, and starts probing it. A replica
   * already out stays out; the primary is never taken out.
   */
  void failed(Target target, SQLException cause) {
    Member member = members.get(target);
    if (member == null) {
      return;
    }
    synchronized (member) {
      if (!member.healthy) {
        return;
      }
      member.healthy = false;
      String message = Secret.maskUrl(String.valueOf(cause.getMessage()).replaceAll("\\s+", " "));
      LOG.warn("xcluster: replica {} ({}) taken out of rotation after {} [SQLState {}]; probing it every {} ms",
          target.label(), member.safeUrl, message, cause.getSQLState(), member.probeInterval.toMillis());
      pools.evictAll(target);
      long every = member.probeInterval.toMillis();
      try {
        member.probe = timers.scheduleWithFixedDelay(() -> probe(member), every, every, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException shutDown) {
        // the runtime is closing: nothing left to probe for
      }
    }
  }

  /** Hands one probe to a fetch thread unless the previous one is still waiting on the server. */
  private void probe(Member member) {
    if (!member.probing.compareAndSet(false, true)) {
      return;
    }
    try {
      probes.execute(() -> {
        try {
          if (pools.answers(member.target, member.probeWaitMillis())) {
            backInRotation(member);
          }
        } finally {
          member.probing.set(false);
        }
      });
    } catch (RejectedExecutionException shutDown) {
      member.probing.set(false);
    }
  }

  private void backInRotation(Member member) {
    synchronized (member) {
      if (member.healthy) {
        return;
      }
      member.healthy = true;
      if (member.probe != null) {
        member.probe.cancel(false);
        member.probe = null;
      }
    }
    LOG.info("xcluster: replica {} ({}) answers again: back in rotation", member.target.label(), member.safeUrl);
  }

  @Override
  public void close() {
    for (Member member : members.values()) {
      synchronized (member) {
        if (member.probe != null) {
          member.probe.cancel(true);
        }
      }
    }
  }

  /** One replica's rotation state. */
  private static final class Member {
    final Target target;
    final String safeUrl;
    final Duration probeInterval;
    final AtomicBoolean probing = new AtomicBoolean();
    volatile boolean healthy = true;
    ScheduledFuture<?> probe;

    Member(Target target, String safeUrl, Duration probeInterval) {
      this.target = target;
      this.safeUrl = safeUrl;
      this.probeInterval = probeInterval;
    }

    /** How long one probe waits for a connection: twice the interval, within [250 ms, 2 s]. */
    long probeWaitMillis() {
      return Math.max(MIN_PROBE_WAIT_MILLIS, Math.min(MAX_PROBE_WAIT_MILLIS, probeInterval.toMillis() * 2));
    }
  }
}
