package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * Derived tables (subqueries in FROM): one whose tables live in one cluster is sent there whole; one whose
 * own join spans clusters is decomposed on its own, its rows then joined and filtered like a table's.
 */
@AcrossTopologies
class DerivedTableTest extends DifferentialCases {
  @Test
  void derivedTableSpanningClustersIsFilteredAndOrdered() {
    diff.ordered(
        "SELECT x.name, x.title, x.post_id FROM (SELECT u.name, p.title, p.id AS post_id FROM users u"
            + " JOIN posts p ON p.user_id = u.id WHERE u.score > 3) x WHERE x.title LIKE '%a%'"
            + " ORDER BY x.post_id");
  }

  @Test
  void derivedTableSpanningClustersDrivesTheBindingOfItsJoin() {
    diff.unordered(
        "SELECT u.name, sp.post_id FROM (SELECT s.user_id, p.id AS post_id FROM subscriptions s"
            + " JOIN posts p ON p.subscription_id = s.id) sp JOIN users u ON u.id = sp.user_id");
  }

  @Test
  void derivedTableSpanningClustersOnTheRightOfALeftJoin() {
    diff.unordered(
        "SELECT h.name, x.dog, x.treat FROM humans h LEFT JOIN (SELECT d.human_id, d.name AS dog,"
            + " t.name AS treat FROM dogs d JOIN treats t ON t.human_id = d.human_id) x ON x.human_id = h.id");
  }

  @Test
  void derivedTableWithItsOwnLimitKeepsOnlyItsTopRows() {
    diff.ordered(
        "SELECT top.title, c.body FROM (SELECT p.id, p.title FROM posts p JOIN users u ON u.id = p.user_id"
            + " ORDER BY p.id DESC LIMIT 5) top JOIN comments c ON c.post_id = top.id ORDER BY top.id, c.id");
  }

  @Test
  void derivedTableOfOneClusterJoinsAnotherCluster() {
    diff.unordered(
        "SELECT u.name, recent.title FROM users u JOIN (SELECT p.user_id, p.title FROM posts p"
            + " WHERE p.score > 10) recent ON recent.user_id = u.id");
  }

  @Test
  void wholeQueryOverOneSpanningDerivedTable() {
    diff.unordered(
        "SELECT * FROM (SELECT d.name AS dog, h.name AS human FROM dogs d JOIN humans h ON h.id = d.human_id) x");
  }
}
