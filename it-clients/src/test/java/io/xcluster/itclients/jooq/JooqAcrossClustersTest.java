package io.xcluster.itclients.jooq;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.xcluster.driver.XClusterDataSource;
import io.xcluster.driver.XClusterDriver;
import io.xcluster.testing.LoadedTopology;
import io.xcluster.testing.RailsFixtures;
import io.xcluster.testing.Topology;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jOOQ's DSL, rendering PostgreSQL SQL with quoted names and bind values, through {@code jdbc:xcluster:}:
 * joins, aggregates and pagination across clusters give what jOOQ gets from the colocated database.
 */
class JooqAcrossClustersTest {
  private static final Table<?> POSTS = table(name("posts")).as("p");
  private static final Table<?> SUBSCRIPTIONS = table(name("subscriptions")).as("s");
  private static final Field<Long> POST_ID = field(name("p", "id"), Long.class);
  private static final Field<String> TITLE = field(name("p", "title"), String.class);
  private static final Field<Integer> SCORE = field(name("p", "score"), Integer.class);
  private static final Field<Long> SUBSCRIPTION = field(name("p", "subscription_id"), Long.class);
  private static final Field<Long> SUBSCRIPTION_ID = field(name("s", "id"), Long.class);
  private static final Field<Long> OWNER = field(name("s", "user_id"), Long.class);
  private static final Field<String> PLAN = field(name("s", "plan"), String.class);

  static Stream<Named<LoadedTopology>> topologies() throws SQLException {
    return Stream.of(Named.of("pg_pg", RailsFixtures.shared(Topology.pgPg())),
        Named.of("pg_mysql", RailsFixtures.shared(Topology.pgMysql())));
  }

  @AfterAll
  static void shutdown() {
    XClusterDriver.shutdown();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aJoinAcrossClusters(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, sql -> sql.select(POST_ID, TITLE).from(POSTS)
        .join(SUBSCRIPTIONS).on(SUBSCRIPTION.eq(SUBSCRIPTION_ID)).where(OWNER.in(3L, 5L, 13L))
        .orderBy(POST_ID).fetch(record -> record.value1() + " " + record.value2()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void anAggregatePerPlanWithHaving(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, sql -> sql.select(PLAN, count(), DSL.max(SCORE)).from(POSTS)
        .join(SUBSCRIPTIONS).on(SUBSCRIPTION.eq(SUBSCRIPTION_ID)).groupBy(PLAN).having(count().gt(0))
        .orderBy(PLAN).fetch(record -> record.value1() + " " + record.value2() + " " + record.value3()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void aPageOfAJoinAcrossClusters(LoadedTopology topology) throws Exception {
    sameOnBoth(topology, sql -> sql.select(POST_ID).from(POSTS)
        .join(SUBSCRIPTIONS).on(SUBSCRIPTION.eq(SUBSCRIPTION_ID)).orderBy(SCORE.desc().nullsLast(), POST_ID)
        .limit(5).offset(3).fetch(record -> record.value1()));
  }

  private static <T> void sameOnBoth(LoadedTopology topology, Function<DSLContext, List<T>> query)
      throws Exception {
    List<T> colocated;
    try (Connection connection = topology.connectColocated()) {
      colocated = query.apply(DSL.using(connection, SQLDialect.POSTGRES));
    }
    List<T> split;
    try (XClusterDataSource dataSource = new XClusterDataSource(topology.jdbcUrl());
        Connection connection = dataSource.getConnection()) {
      split = query.apply(DSL.using(connection, SQLDialect.POSTGRES));
    }
    assertFalse(colocated.isEmpty(), "the case reads some rows");
    assertEquals(colocated, split);
  }
}
