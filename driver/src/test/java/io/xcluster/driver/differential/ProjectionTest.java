package io.xcluster.driver.differential;

import io.xcluster.testing.FixtureTable;
import org.junit.jupiter.api.Test;

/**
 * Select lists over cross-cluster joins: expressions, stars in the database's column order,
 * DISTINCT, and names written with quotes or schemas.
 */
@AcrossTopologies
class ProjectionTest extends DifferentialCases {
  @Test
  void caseInTheSelectListComparesColumnsOfBothClusters() {
    diff.unordered(
        "SELECT u.id, p.id AS post_id, CASE WHEN p.score > u.score THEN 'post'"
            + " WHEN p.score IS NULL THEN 'none' ELSE 'user' END AS winner"
            + " FROM users u JOIN posts p ON p.user_id = u.id");
  }

  @Test
  void coalesceInTheSelectListFallsBackAcrossClusters() {
    ResultTable expected =
        diff.unordered(
            "SELECT u.id, p.id AS post_id, COALESCE(p.score, u.score, -1) AS best"
                + " FROM users u JOIN posts p ON p.user_id = u.id");
    assertSomeNotNull(expected, 3, "scores");
  }

  @Test
  void expressionsOfOneClustersColumnsKeepTheirAliases() {
    diff.unordered(
        "SELECT u.id, p.score + 1 AS bumped, u.score * 2 AS doubled, p.id - 1 AS previous"
            + " FROM users u JOIN posts p ON p.user_id = u.id");
  }

  @Test
  void literalsMixWithColumnsOfBothClusters() {
    diff.unordered(
        "SELECT 'dog' AS kind, 42 AS answer, d.name, h.name AS owner FROM dogs d"
            + " JOIN humans h ON h.id = d.human_id");
  }

  @Test
  void selectStarReturnsEveryColumnInJoinOrder() {
    diff.unordered("SELECT * FROM users u JOIN posts p ON p.user_id = u.id");
    diff.unordered(
        "SELECT * FROM dogs d JOIN humans h ON h.id = d.human_id"
            + " LEFT JOIN treats t ON t.human_id = h.id");
  }

  @Test
  void tableStarExpandsOnlyItsTable() {
    diff.unordered("SELECT p.*, u.name FROM users u JOIN posts p ON p.user_id = u.id");
  }

  @Test
  void tableStarsOfBothClustersKeepTheirOrder() {
    diff.unordered("SELECT t.*, h.* FROM humans h JOIN treats t ON t.human_id = h.id");
  }

  @Test
  void distinctCollapsesRowsTheJoinRepeats() {
    diff.unordered(
        "SELECT DISTINCT u.name, s.plan FROM users u JOIN subscriptions s ON s.user_id = u.id"
            + " JOIN posts p ON p.subscription_id = s.id");
    diff.unordered("SELECT DISTINCT h.name FROM humans h JOIN treats t ON t.human_id = h.id");
  }

  @Test
  void quotedIdentifiersResolveLikeUnquotedOnes() {
    diff.unordered(
        "SELECT \"u\".\"name\", \"p\".\"title\" FROM \"users\" \"u\""
            + " JOIN \"posts\" \"p\" ON \"p\".\"user_id\" = \"u\".\"id\"");
  }

  @Test
  void quotedAliasesKeepTheirLabels() {
    diff.unordered(
        "SELECT u.name AS \"Owner Name\", p.title AS \"Post Title\" FROM users u"
            + " JOIN posts p ON p.user_id = u.id");
  }

  /**
   * PostgreSQL tables live in schema {@code public}. A MariaDB table's schema is its cluster's
   * database, which the colocated PostgreSQL database does not have, so in pg_mysql only the
   * PostgreSQL side can be qualified.
   */
  @Test
  void schemaQualifiedTablesJoinAcrossClusters() {
    String posts = onMysql(FixtureTable.POSTS) ? "posts" : "public.posts";
    diff.unordered(
        "SELECT u.name, p.title FROM public.users u JOIN " + posts + " p ON p.user_id = u.id");
    diff.unordered(
        "SELECT public.humans.name, public.dogs.name AS dog FROM public.humans"
            + " JOIN public.dogs ON public.dogs.human_id = public.humans.id");
  }
}
