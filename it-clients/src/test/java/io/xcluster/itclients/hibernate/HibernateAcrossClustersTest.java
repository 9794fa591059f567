package io.xcluster.itclients.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.driver.QueryCounter;
import io.xcluster.driver.XClusterDataSource;
import io.xcluster.driver.XClusterDriver;
import io.xcluster.testing.ClusterPlacement;
import io.xcluster.testing.LoadedTopology;
import io.xcluster.testing.RailsFixtures;
import io.xcluster.testing.Topology;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.Tuple;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Hibernate ORM, unchanged, through {@code jdbc:xcluster:}: entities whose tables live in different clusters
 * (users and subscriptions in accounts, posts and comments in content: PostgreSQL, or MariaDB in pg_mysql),
 * with {@code @ManyToOne}, {@code @OneToMany} and {@code @ManyToMany} (users to the posts they commented on,
 * through comments) across them. JPQL joins, join fetch, pagination, criteria queries and
 * lazy loading give what the same application gives on the one colocated database holding every table.
 */
class HibernateAcrossClustersTest {
  static Stream<Named<LoadedTopology>> topologies() throws SQLException {
    return Stream.of(Named.of("pg_pg", RailsFixtures.shared(Topology.pgPg())),
        Named.of("pg_mysql", RailsFixtures.shared(Topology.pgMysql())),
        Named.of("pg_sharded", RailsFixtures.shared(Topology.pgSharded())));
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aJoinAcrossClustersLoadsTheSamePosts(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, session -> session.createQuery("select p from Post p join p.subscription s"
            + " where s.user.id = :user order by p.id", Post.class).setParameter("user", 5L).getResultList()
        .stream().map(p -> p.id + " " + p.title + " " + p.score).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void joinFetchLoadsEachSubscriptionsPosts(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, session -> {
      Map<Long, List<Long>> posts = new TreeMap<>();
      session.createQuery("select s from Subscription s left join fetch s.posts where s.user.id in :users",
              Subscription.class).setParameter("users", List.of(3L, 5L, 13L)).getResultList()
          .forEach(s -> posts.put(s.id, s.posts.stream().map(p -> p.id).sorted().toList()));
      return posts;
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void paginationOfAJoinAcrossClusters(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, session -> session.createQuery("select p from Post p join p.subscription s"
            + " where s.plan <> :plan order by p.score desc nulls last, p.id", Post.class)
        .setParameter("plan", "none").setFirstResult(2).setMaxResults(4).getResultList()
        .stream().map(p -> p.id).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aCriteriaQueryCountsPostsPerPlan(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, session -> {
      CriteriaBuilder builder = session.getCriteriaBuilder();
      CriteriaQuery<Tuple> query = builder.createTupleQuery();
      Root<Post> post = query.from(Post.class);
      Join<Post, Subscription> subscription = post.join("subscription");
      query.multiselect(subscription.get("plan"), builder.count(post))
          .groupBy(subscription.get("plan")).orderBy(builder.asc(subscription.get("plan")));
      return session.createQuery(query).getResultList().stream()
          .map(row -> row.get(0) + "=" + row.get(1)).toList();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void lazyAssociationsLoadAcrossClusters(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, session -> {
      User user = session.find(User.class, 5L);
      Map<Long, Integer> postsPerSubscription = new TreeMap<>();
      user.subscriptions.forEach(s -> postsPerSubscription.put(s.id, s.posts.size()));
      return user.name + " " + postsPerSubscription;
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aManyToManyAcrossClustersInJpqlAndByNavigation(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, session -> session.createQuery("select distinct u.id, p.id from User u"
            + " join u.commented p where p.score > :score order by u.id, p.id", Object[].class)
        .setParameter("score", 10).getResultList().stream().map(row -> row[0] + "-" + row[1]).toList());
    sameOnBoth(topology, session -> session.find(User.class, 3L).commented.stream().map(p -> p.id).sorted().toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aCrossClusterJoinCostsOneQueryPerCluster(LoadedTopology topology) throws Exception {
    QueryCounter queries = new QueryCounter();
    try (XClusterDataSource xcluster = new XClusterDataSource(topology.jdbcUrl());
        SessionFactory factory = sessionFactory(xcluster)) {
      xcluster.addQueryListener(queries);
      try (Session session = factory.openSession()) {
        assertFalse(session.createQuery("select p from Post p join p.subscription s where s.user.id = :user",
            Post.class).setParameter("user", 5L).getResultList().isEmpty());
      }
    }
    // a sharded content cluster answers with one query per shard (the keys are not its shard key)
    queries.assertCounts(topology.topology().cluster("content").sharded()
        ? Map.of("accounts", 1, "content/shard0", 1, "content/shard1", 1) : Map.of("accounts", 1, "content", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void schemaValidationSeesEveryClustersTables(LoadedTopology topology) throws Exception {
    try (XClusterDataSource xcluster = new XClusterDataSource(topology.jdbcUrl())) {
      if (topology.topology().name().contains("mysql")) {
        // posts and comments live in MariaDB with INT keys (the fixtures' MySQL types): validation reaches it
        // and reports the real mismatch with the Long ids, as it would against MariaDB alone
        SchemaManagementException mismatch = assertThrows(SchemaManagementException.class,
            () -> sessionFactory(xcluster, "validate").close());
        String message = mismatch.getMessage();
        assertTrue((message.contains("in table [posts]") || message.contains("in table [comments]"))
            && message.contains("found [int"), message);
      } else {
        try (SessionFactory factory = sessionFactory(xcluster, "validate")) {
          assertFalse(factory.isClosed(), "users, subscriptions and posts found in their clusters, as mapped");
        }
      }
    }
  }

  /** Runs the same work in a session through xcluster and in one on the colocated database. */
  private static <T> void sameOnBoth(LoadedTopology topology, Function<Session, T> work) throws Exception {
    T colocated;
    try (SessionFactory factory = sessionFactory(colocated(topology)); Session session = factory.openSession()) {
      colocated = work.apply(session);
    }
    T split;
    try (XClusterDataSource xcluster = new XClusterDataSource(topology.jdbcUrl());
        SessionFactory factory = sessionFactory(xcluster); Session session = factory.openSession()) {
      split = work.apply(session);
    }
    assertFalse(colocated instanceof List<?> list && list.isEmpty(), "the case reads some rows");
    assertFalse(colocated instanceof Map<?, ?> map && map.isEmpty(), "the case reads some rows");
    assertEquals(colocated, split);
  }

  static SessionFactory sessionFactory(DataSource dataSource) {
    return sessionFactory(dataSource, "none");
  }

  static SessionFactory sessionFactory(DataSource dataSource, String schemaAction) {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting("hibernate.connection.datasource", dataSource)
        .applySetting("hibernate.hbm2ddl.auto", schemaAction)
        .build();
    return new MetadataSources(registry).addAnnotatedClass(User.class).addAnnotatedClass(Subscription.class)
        .addAnnotatedClass(Post.class).buildMetadata().buildSessionFactory();
  }

  static DataSource colocated(LoadedTopology topology) {
    ClusterPlacement colocated = topology.topology().colocated();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(colocated.jdbcUrl());
    dataSource.setUser(colocated.server().username());
    dataSource.setPassword(colocated.server().password());
    return dataSource;
  }
}
