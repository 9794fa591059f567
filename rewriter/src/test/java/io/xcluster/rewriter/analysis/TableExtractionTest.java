package io.xcluster.rewriter.analysis;

import static io.xcluster.rewriter.analysis.Analyses.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.config.TableName;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TableExtractionTest {

  @Test
  void joinsOfEveryKindNameTheirTablesInOrderOfAppearance() {
    assertEquals(List.of("users", "posts", "comments", "tags", "likes", "follows", "blocks"), tables(
        "SELECT * FROM users u JOIN posts p ON p.user_id = u.id LEFT JOIN comments c ON c.post_id = p.id"
            + " RIGHT OUTER JOIN tags t ON t.id = c.tag_id FULL JOIN likes l ON l.post_id = p.id"
            + " CROSS JOIN follows NATURAL JOIN blocks"));
  }

  @Test
  void commaJoinsAndParenthesizedJoinsNameTheirTables() {
    assertEquals(List.of("users", "posts", "comments"),
        tables("SELECT * FROM users, (posts JOIN comments ON comments.post_id = posts.id)"));
  }

  @Test
  void aliasesAreNotTables() {
    assertEquals(List.of("users", "posts"),
        tables("SELECT u.id FROM users AS u WHERE u.id IN (SELECT p.user_id FROM posts p WHERE p.id = u.id)"));
  }

  @Test
  void aTableNamedTwiceIsReportedOnceWithItsFirstSpelling() {
    assertEquals(List.of("users"), tables("SELECT * FROM users a JOIN USERS b ON a.id = b.manager_id"));
  }

  @Test
  void subqueriesInWhereInAndExistsNameTheirTables() {
    assertEquals(List.of("users", "posts", "comments"), tables("SELECT * FROM users WHERE id IN"
        + " (SELECT user_id FROM posts) AND EXISTS (SELECT 1 FROM comments c WHERE c.user_id = users.id)"));
  }

  @Test
  void scalarSubqueriesInTheSelectListComeFirstAsWritten() {
    assertEquals(List.of("posts", "users"),
        tables("SELECT u.id, (SELECT count(*) FROM posts p WHERE p.user_id = u.id) AS n FROM users u"));
  }

  @Test
  void subqueriesInFunctionArgumentsCaseHavingAndAnyNameTheirTables() {
    assertEquals(List.of("posts", "tags", "users", "comments", "likes"), tables(
        "SELECT coalesce((SELECT max(id) FROM posts), 0),"
            + " CASE WHEN x > 0 THEN (SELECT min(id) FROM tags) END FROM users"
            + " GROUP BY x HAVING count(*) > (SELECT count(*) FROM comments)"
            + " AND x = ANY (SELECT user_id FROM likes)"));
  }

  @Test
  void derivedTablesAndLateralSubqueriesNameTheirTables() {
    assertEquals(List.of("users", "posts"), tables("SELECT * FROM (SELECT * FROM users) d"
        + " CROSS JOIN LATERAL (SELECT * FROM posts p WHERE p.user_id = d.id) l"));
  }

  @Test
  void tableFunctionsAndDualAreNotTables() {
    assertEquals(List.of(), tables("SELECT * FROM generate_series(1, 3) g"));
    assertEquals(List.of(), tables("SELECT 1 FROM DUAL"));
    assertEquals(List.of("users"), tables("SELECT * FROM users u, LATERAL unnest(u.tags) t"));
  }

  @Test
  void setOperationsNameTheTablesOfEveryBranch() {
    assertEquals(List.of("a", "b", "c", "d"), tables("SELECT id FROM a UNION ALL SELECT id FROM b"
        + " INTERSECT SELECT id FROM c EXCEPT (SELECT id FROM d) ORDER BY id"));
  }

  @Test
  void cteNamesAreNotTablesButTheirBodiesAre() {
    assertEquals(List.of("posts", "users"), tables("WITH recent AS (SELECT * FROM posts)"
        + " SELECT * FROM recent r JOIN users u ON u.id = r.user_id"));
  }

  @Test
  void aCteMatchesUnquotedReferencesIgnoringCase() {
    assertEquals(List.of("posts"), tables("WITH Recent AS (SELECT * FROM posts) SELECT * FROM RECENT"));
  }

  @Test
  void aQuotedCteDoesNotCaptureADifferentlyCasedUnquotedName() {
    assertEquals(List.of("posts", "recent"),
        tables("WITH \"Recent\" AS (SELECT * FROM posts) SELECT * FROM recent"));
  }

  @Test
  void aLaterCteReadsAnEarlierOne() {
    assertEquals(List.of("posts", "users"), tables("WITH a AS (SELECT * FROM posts),"
        + " b AS (SELECT * FROM a JOIN users ON users.id = a.user_id) SELECT * FROM b"));
  }

  @Test
  void aCteBodyNamingItsOwnNameReadsTheRealTableUnlessRecursive() {
    assertEquals(List.of("users"), tables("WITH users AS (SELECT * FROM users WHERE active) SELECT * FROM users"));
    assertEquals(List.of("nodes"), tables("WITH RECURSIVE tree AS (SELECT id FROM nodes WHERE parent IS NULL"
        + " UNION ALL SELECT n.id FROM nodes n JOIN tree t ON n.parent = t.id) SELECT * FROM tree"));
  }

  @Test
  void aCteIsOnlyInScopeInsideItsOwnQuery() {
    assertEquals(List.of("a", "c"), tables("SELECT * FROM (WITH c AS (SELECT * FROM a) SELECT * FROM c) x"
        + " JOIN c ON c.id = x.id"));
  }

  @Test
  void ctesInsideSubqueriesOfExpressionsAreScoped() {
    assertEquals(List.of("users", "posts"), tables("SELECT * FROM users WHERE id IN"
        + " (WITH p AS (SELECT user_id FROM posts) SELECT user_id FROM p)"));
  }

  @Test
  void insertNamesItsTargetThenItsSource() {
    assertEquals(List.of("archive", "posts"), tables("INSERT INTO archive (id) SELECT id FROM posts WHERE old"));
    assertEquals(List.of("posts", "users"),
        tables("INSERT INTO posts (user_id) VALUES ((SELECT id FROM users WHERE name = ?))"));
  }

  @Test
  void insertWithACteAndOnConflictNamesItsTables() {
    assertEquals(List.of("staging", "posts"), tables("WITH s AS (SELECT * FROM staging)"
        + " INSERT INTO posts SELECT * FROM s ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title"));
  }

  @Test
  void updateNamesItsTargetFromAndJoins() {
    assertEquals(List.of("posts", "users"),
        tables("UPDATE posts p SET title = u.name FROM users u WHERE u.id = p.user_id"));
    assertEquals(List.of("posts", "users"),
        tables("UPDATE posts p JOIN users u ON u.id = p.user_id SET p.title = u.name"));
    assertEquals(List.of("posts", "users"),
        tables("UPDATE posts SET owner = (SELECT max(id) FROM users) WHERE id = ?"));
  }

  @Test
  void deleteNamesItsTargetUsingAndJoinsButNotTargetAliases() {
    assertEquals(List.of("posts", "users"), tables("DELETE FROM posts USING users WHERE users.id = posts.user_id"));
    assertEquals(List.of("posts", "users"),
        tables("DELETE p FROM posts p JOIN users u ON u.id = p.user_id WHERE u.banned"));
    assertEquals(List.of("posts", "users"),
        tables("DELETE FROM posts WHERE user_id IN (SELECT id FROM users WHERE banned)"));
  }

  @Test
  void dataModifyingCtesNameTheirTables() {
    assertEquals(List.of("posts", "archive"), tables("WITH moved AS (DELETE FROM posts WHERE old RETURNING *)"
        + " INSERT INTO archive SELECT * FROM moved"));
  }

  @Test
  void mergeNamesItsTargetAndSource() {
    assertEquals(List.of("accounts", "staging"), tables("MERGE INTO accounts a USING staging s ON a.id = s.id"
        + " WHEN MATCHED THEN UPDATE SET a.balance = s.balance"
        + " WHEN NOT MATCHED THEN INSERT (id, balance) VALUES (s.id, s.balance)"));
    assertEquals(List.of("accounts", "staging"), tables("MERGE INTO accounts a USING (SELECT * FROM staging) s"
        + " ON a.id = s.id WHEN MATCHED THEN DELETE"));
  }

  @Test
  void upsertAndReplaceNameTheirTargetAndSubqueries() {
    assertEquals(List.of("t", "u"), tables("REPLACE INTO t (a) VALUES ((SELECT x FROM u))"));
    assertEquals(List.of("t"), tables("UPSERT INTO t (a) VALUES (1)"));
  }

  @Test
  void createTableNamesItselfItsSourceAndReferencedTables() {
    assertEquals(List.of("t", "users", "posts"), tables("CREATE TABLE t (id int REFERENCES users (id),"
        + " post_id int, FOREIGN KEY (post_id) REFERENCES posts (id))"));
    assertEquals(List.of("copy", "users"), tables("CREATE TABLE copy AS SELECT * FROM users"));
  }

  @Test
  void alterDropTruncateAndCreateIndexNameTheirTables() {
    assertEquals(List.of("t"), tables("ALTER TABLE t ADD COLUMN x int"));
    assertEquals(List.of("t", "users"),
        tables("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)"));
    assertEquals(List.of("a", "s.b"), tables("DROP TABLE IF EXISTS a, s.b CASCADE"));
    assertEquals(List.of("a", "b"), tables("TRUNCATE TABLE a, b"));
    assertEquals(List.of("t"), tables("CREATE INDEX i ON t (a)"));
    assertEquals(List.of(), tables("DROP INDEX i"));
    assertEquals(List.of("t"), tables("DROP INDEX i ON t"));
  }

  @Test
  void viewStatementsNameTheViewAndItsTables() {
    assertEquals(List.of("v", "users", "posts"), tables("CREATE VIEW v AS SELECT * FROM users"
        + " JOIN posts ON posts.user_id = users.id"));
    assertEquals(List.of("v"), tables("DROP VIEW v"));
    assertEquals(List.of("mv"), tables("REFRESH MATERIALIZED VIEW mv"));
  }

  @Test
  void renameCommentAndGrantNameTheirTables() {
    assertEquals(List.of("a", "b"), tables("RENAME TABLE a TO b"));
    assertEquals(List.of("t"), tables("COMMENT ON TABLE t IS 'x'"));
    assertEquals(List.of("s.t"), tables("COMMENT ON COLUMN s.t.c IS 'x'"));
    assertEquals(List.of("t"), tables("GRANT SELECT ON TABLE t TO bob"));
    assertEquals(List.of(), tables("GRANT USAGE ON SCHEMA s TO bob"));
  }

  @Test
  void explainDescribeShowAndLockNameTheirTables() {
    assertEquals(List.of("users"), tables("EXPLAIN SELECT * FROM users"));
    assertEquals(List.of("users"), tables("DESCRIBE users"));
    assertEquals(List.of("\"Users\""), tables("SHOW COLUMNS FROM `Users`"));
    assertEquals(List.of("users"), tables("LOCK TABLE users IN EXCLUSIVE MODE"));
  }

  @Test
  void sessionStatementsAndRoutineCallsNameNoTable() {
    assertEquals(List.of(), tables("SET search_path = app"));
    assertEquals(List.of(), tables("SELECT 1"));
    assertEquals(List.of(), tables("CALL refresh_stats(1)"));
  }

  @Test
  void selectIntoNamesTheNewTable() {
    assertEquals(List.of("snapshot", "users"), tables("SELECT * INTO snapshot FROM users"));
  }

  @Test
  void quotedNamesLoseTheirQuotesAndAreFlagged() {
    assertEquals(List.of(new TableName(null, "Users", true)), Analyses.of("SELECT * FROM \"Users\"").tables());
    assertEquals(List.of(new TableName(null, "My Table", true)), Analyses.of("SELECT * FROM `My Table`").tables());
    assertEquals(List.of(new TableName(null, "a\"b", true)), Analyses.of("SELECT * FROM \"a\"\"b\"").tables());
    assertEquals(List.of(new TableName(null, "users", false)), Analyses.of("SELECT * FROM users").tables());
  }

  @Test
  void schemaQualifiedNamesKeepTheirSchemaAndDropTheCatalog() {
    assertEquals(List.of(new TableName("billing", "invoices", false)),
        Analyses.of("SELECT * FROM billing.invoices").tables());
    assertEquals(List.of(new TableName("Sch", "Users", true)),
        Analyses.of("SELECT * FROM cat.\"Sch\".\"Users\"").tables());
    assertEquals(List.of(new TableName("app", "users", false)),
        Analyses.of("SELECT * FROM `app`.users").tables());
  }

  @Test
  void operatorChainsOfThousandsOfTermsAreWalkedWithoutOverflowingTheStack() {
    String terms = IntStream.range(0, 20_000).mapToObj(i -> "id = " + i).collect(Collectors.joining(" OR "));
    assertEquals(List.of("posts", "tags"),
        tables("SELECT * FROM posts WHERE " + terms + " OR tag_id IN (SELECT id FROM tags)"));
  }
}
