package io.xcluster.itclients.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryCounter;
import io.xcluster.driver.XClusterDataSource;
import io.xcluster.driver.XClusterDriver;
import io.xcluster.testing.DbServers;
import io.xcluster.testing.LoadedTopology;
import io.xcluster.testing.RailsFixtures;
import io.xcluster.testing.Sql;
import io.xcluster.testing.Topology;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hibernate writing entities of a sharded table (posts, sharded by user_id over two PostgreSQL shards): a
 * persisted post lands on its user's shard, an update of every column (Hibernate's default) runs on that
 * shard, and changing the post's user to one of another shard is refused before anything is written.
 */
class HibernateShardedWritesTest {
  private static LoadedTopology topology;

  @BeforeAll
  static void load() throws Exception {
    topology = RailsFixtures.load(Topology.standard("hibernate_sharded", "xc_hs_", DbServers.postgres(),
        DbServers.postgres(), 2));
  }

  @AfterAll
  static void shutdown() throws Exception {
    XClusterDriver.shutdown();
    topology.dropDatabases();
  }

  @Test
  void persistedPostsLandOnTheirUsersShardAndUpdatesStayThere() throws Exception {
    QueryCounter queries = new QueryCounter();
    try (XClusterDataSource xcluster = new XClusterDataSource(topology.jdbcUrl());
        SessionFactory factory = HibernateAcrossClustersTest.sessionFactory(xcluster)) {
      xcluster.addQueryListener(queries);
      inTransaction(factory, session -> {
        Post post = new Post();
        post.id = 90_001L;
        post.user = session.getReference(User.class, 3L);
        post.subscription = session.getReference(Subscription.class, 1L);
        post.title = "written through Hibernate";
        post.score = 7;
        post.createdAt = LocalDateTime.of(2026, 11, 21, 10, 0, 0, 123_000_000);
        session.persist(post);
      });
      assertEquals(List.of("content/shard1"), queries.events().stream()
          .filter(event -> event.sql().startsWith("insert")).map(event -> event.cluster()).toList(),
          "user 3 lives on shard 3 mod 2 = 1: " + queries);
      inTransaction(factory, session -> session.find(Post.class, 90_001L).title = "edited");
      inTransaction(factory, session -> {
        Post post = session.find(Post.class, 90_001L);
        assertEquals("edited", post.title);
        post.user = session.getReference(User.class, 4L); // shard 0: the row would have to move
      }, true);
    }
    var content = topology.topology().cluster("content");
    try (Connection shard = content.server().connect(content.shardDatabase(1))) {
      assertEquals(List.of(List.of("edited", 3L)),
          Sql.queryRows(shard, "SELECT title, user_id::int8 FROM posts WHERE id = 90001"));
    }
  }

  private interface Work {
    void in(Session session) throws Exception;
  }

  private static void inTransaction(SessionFactory factory, Work work) throws Exception {
    inTransaction(factory, work, false);
  }

  /** Runs the work and commits; with {@code refused}, the commit's flush must fail and nothing be written. */
  private static void inTransaction(SessionFactory factory, Work work, boolean refused) throws Exception {
    try (Session session = factory.openSession()) {
      Transaction transaction = session.beginTransaction();
      work.in(session);
      if (!refused) {
        transaction.commit();
        return;
      }
      RuntimeException failure = assertThrows(RuntimeException.class, transaction::commit);
      assertTrue(String.valueOf(failure.getCause()).contains("would move them between shards")
          || String.valueOf(failure).contains("would move them between shards"), failure.toString());
    }
  }
}
