package io.xcluster.driver.differential;

import org.junit.jupiter.api.Test;

/**
 * Common table expressions in a cross-cluster SELECT: a body reading one cluster is sent there whole; a
 * body spanning clusters, or reading another CTE, is decomposed like a derived table.
 */
@AcrossTopologies
class CteTest extends DifferentialCases {
  @Test
  void cteOfOneClusterJoinsAnotherCluster() {
    diff.unordered(
        "WITH recent AS (SELECT p.user_id, p.title FROM posts p WHERE p.score > 10)"
            + " SELECT u.name, r.title FROM users u JOIN recent r ON r.user_id = u.id");
  }

  @Test
  void cteSpanningClustersIsDecomposed() {
    diff.ordered(
        "WITH up AS (SELECT u.id, u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id WHERE p.score > 5)"
            + " SELECT up.name, up.title, c.body FROM up JOIN comments c ON c.user_id = up.id"
            + " ORDER BY up.name, up.title, c.body");
  }

  @Test
  void cteReadingAnotherCte() {
    diff.ordered(
        "WITH h AS (SELECT id, name FROM humans), b AS (SELECT h.name, d.name AS dog FROM h"
            + " JOIN dogs d ON d.human_id = h.id) SELECT b.name, b.dog FROM b ORDER BY b.dog, b.name");
  }

  @Test
  void cteReferencedTwice() {
    diff.unordered(
        "WITH h AS (SELECT id, name FROM humans) SELECT h1.name, d.name AS dog, h2.name AS again"
            + " FROM h h1 JOIN dogs d ON d.human_id = h1.id JOIN h h2 ON h2.id = d.human_id");
  }

  @Test
  void aggregateOverACte() {
    diff.ordered(
        "WITH t AS (SELECT human_id, calories FROM treats) SELECT h.name, COUNT(*) AS treats,"
            + " SUM(t.calories) AS calories FROM humans h JOIN t ON t.human_id = h.id GROUP BY h.name ORDER BY h.name");
  }
}
