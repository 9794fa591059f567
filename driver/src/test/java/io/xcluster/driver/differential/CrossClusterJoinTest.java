package io.xcluster.driver.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.testing.FixtureTable;
import org.junit.jupiter.api.Test;

/** Inner joins of tables in different clusters, in every shape the rewriter must decompose. */
@AcrossTopologies
class CrossClusterJoinTest extends DifferentialCases {
  @Test
  void innerJoinPairsUsersWithTheirPosts() {
    diff.unordered(
        "SELECT u.id, u.name, p.id AS post_id, p.title FROM users u"
            + " JOIN posts p ON p.user_id = u.id");
  }

  @Test
  void innerJoinDrivenFromTheOtherClusterGivesTheSameRows() {
    diff.unordered(
        "SELECT p.id, p.title, u.name FROM posts p INNER JOIN users u ON u.id = p.user_id");
  }

  @Test
  void commaJoinWithWhereEqualityActsAsInnerJoin() {
    diff.unordered(
        "SELECT u.name, p.title, p.score FROM users u, posts p"
            + " WHERE p.user_id = u.id AND p.score IS NOT NULL");
  }

  /** Rails' {@code user.posts} through subscriptions, for a user who has such posts. */
  @Test
  void throughAssociationFindsAUsersPostsViaSubscriptions() {
    diff.ordered(
        "SELECT p.id, p.title, s.plan FROM users u JOIN subscriptions s ON s.user_id = u.id"
            + " JOIN posts p ON p.subscription_id = s.id WHERE u.id = 5 ORDER BY p.id");
  }

  /** User 1 has no subscription in the fixtures, so no post may leak in from other users. */
  @Test
  void throughAssociationOfAUserWithoutSubscriptionsIsEmpty() {
    diff.check(
        DiffQuery.unordered(
                "SELECT p.* FROM users u JOIN subscriptions s ON s.user_id = u.id"
                    + " JOIN posts p ON p.subscription_id = s.id WHERE u.id = 1")
            .allowingEmpty());
  }

  /** The SQL Rails 7 prints for {@code user.posts} with {@code has_many :through}. */
  @Test
  void railsThroughAssociationSqlFindsTheSamePosts() {
    diff.unordered(
        "SELECT \"posts\".* FROM \"posts\" INNER JOIN \"subscriptions\""
            + " ON \"posts\".\"subscription_id\" = \"subscriptions\".\"id\""
            + " WHERE \"subscriptions\".\"user_id\" = ?",
        Param.ofLong(5));
  }

  @Test
  void tablesOfOneClusterJoinTogetherBeforeCrossing() {
    diff.unordered(
        "SELECT u.name, s.plan, p.title FROM users u JOIN subscriptions s ON s.user_id = u.id"
            + " JOIN posts p ON p.subscription_id = s.id");
  }

  @Test
  void chainOfThreeClustersJoinsDogsHumansAndTreats() {
    diff.unordered(
        "SELECT d.name AS dog, h.name AS human, t.name AS treat FROM dogs d"
            + " JOIN humans h ON h.id = d.human_id JOIN treats t ON t.human_id = h.id");
  }

  @Test
  void starJoinHangsPostsAndSubscriptionsOffUsers() {
    diff.unordered(
        "SELECT u.id, p.id AS post_id, s.id AS subscription_id FROM users u"
            + " JOIN posts p ON p.user_id = u.id JOIN subscriptions s ON s.user_id = u.id");
  }

  @Test
  void starJoinHangsDogsAndTreatsOffHumansInThreeClusters() {
    diff.unordered(
        "SELECT h.id, d.id AS dog_id, t.id AS treat_id FROM humans h"
            + " JOIN dogs d ON d.human_id = h.id JOIN treats t ON t.human_id = h.id");
  }

  /**
   * The two-column key. No post of the default fixtures has a subscription belonging to its
   * own author, so the correct answer is empty: matching on either column alone returns rows.
   */
  @Test
  void multiColumnJoinKeyMustMatchEveryColumn() {
    diff.check(
        DiffQuery.unordered(
                "SELECT p.id, p.title, s.plan FROM posts p JOIN subscriptions s"
                    + " ON s.id = p.subscription_id AND s.user_id = p.user_id")
            .allowingEmpty());
    diff.unordered(
        "SELECT p.id, s.id AS sid FROM posts p JOIN subscriptions s ON s.id = p.subscription_id");
  }

  @Test
  void multiColumnLeftJoinExtendsRowsMatchingOnlyOneColumn() {
    ResultTable expected =
        diff.unordered(
            "SELECT p.id, p.subscription_id, p.user_id, s.id AS sid, s.plan FROM posts p"
                + " LEFT JOIN subscriptions s ON s.id = p.subscription_id"
                + " AND s.user_id = p.user_id");
    assertSomeNull(expected, 4, "posts whose subscription belongs to someone else");
  }

  /** Both key columns come from two tables of one cluster (posts and comments of content). */
  @Test
  void multiColumnKeyFromTwoTablesOfOneClusterFindsSubscriptions() {
    diff.unordered(
        "SELECT c.id, p.id AS post_id, s.id AS sid, s.plan FROM comments c"
            + " JOIN posts p ON p.id = c.post_id"
            + " JOIN subscriptions s ON s.id = p.subscription_id AND s.user_id = c.user_id");
  }

  @Test
  void crossJoinWithEqualityInWhereActsAsInnerJoin() {
    diff.unordered(
        "SELECT h.name, t.name AS treat FROM humans h CROSS JOIN treats t"
            + " WHERE t.human_id = h.id");
  }

  @Test
  void crossJoinWithoutConditionPairsEveryRow() {
    ResultTable expected =
        diff.unordered("SELECT h.id, t.id AS treat_id FROM humans h CROSS JOIN treats t");
    assertEquals(
        topology.data().sizes().humans() * topology.data().sizes().treats(), expected.rowCount());
  }

  @Test
  void nonEqualityPredicateAcrossClustersCombinesWithTheEquality() {
    diff.unordered(
        "SELECT u.id, p.id AS post_id FROM users u JOIN posts p ON p.user_id = u.id"
            + " WHERE u.created_at < p.created_at");
  }

  @Test
  void nonEqualityInTheOnClauseCombinesWithTheEquality() {
    diff.unordered(
        "SELECT u.id, u.score, p.id AS post_id, p.score AS post_score FROM users u"
            + " JOIN posts p ON p.user_id = u.id AND p.score < u.score");
  }

  @Test
  void derivedTableOfOneClusterJoinsAnotherCluster() {
    diff.unordered(
        "SELECT u.name, top.title, top.score FROM users u"
            + " JOIN (SELECT user_id, title, score FROM posts WHERE score > 20) top"
            + " ON top.user_id = u.id");
  }

  /**
   * In pg_mysql {@code posts.user_id} and {@code comments.user_id} are MariaDB {@code INT} ({@link
   * Integer}) and {@code users.id} PostgreSQL {@code BIGINT} ({@link Long}): the keys must meet by
   * value in both directions.
   */
  /**
   * Posts and comments joined on their shard key too: on a sharded content cluster each shard runs the join
   * (every joined pair lives on one shard); on one database the same SQL runs whole.
   */
  @Test
  void tablesJoinedOnTheirShardKeyJoinOnEachShard() {
    diff.ordered("SELECT p.id, c.id AS comment_id, u.name FROM posts p JOIN comments c ON c.user_id = p.user_id"
        + " AND c.post_id = p.id JOIN users u ON u.id = p.user_id WHERE p.score > 10 ORDER BY p.id, c.id");
    diff.unordered("SELECT p.user_id, COUNT(*) AS pairs FROM posts p JOIN comments c ON c.user_id = p.user_id"
        + " WHERE p.user_id IN (1, 2, 3, 4) GROUP BY p.user_id");
    diff.ordered("SELECT p.id, c.id AS comment_id FROM posts p JOIN comments c ON c.user_id = p.user_id"
        + " ORDER BY p.id DESC, c.id LIMIT 7");
  }

  @Test
  void keysOfDifferentIntegerTypesMatchByValue() {
    boolean crossEngine = onMysql(FixtureTable.POSTS);
    assertEquals(crossEngine, diff.typeCheck() == TypeCheck.FAMILY);
    diff.unordered(
        "SELECT u.id, p.user_id, c.user_id AS commenter FROM posts p"
            + " JOIN users u ON u.id = p.user_id JOIN comments c ON c.user_id = u.id");
    diff.unordered(
        "SELECT p.id, s.id AS sid FROM subscriptions s JOIN posts p"
            + " ON p.subscription_id = s.id WHERE s.id IN (3, 5, 12)");
  }
}
