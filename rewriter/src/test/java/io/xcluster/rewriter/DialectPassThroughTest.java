package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dialect features JSqlParser 5.4 reads: they route by their tables and reach the cluster unchanged. */
class DialectPassThroughTest {
  private final Planner planner = TestConfigs.twoClusters().planner();

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id::int, created_at::date FROM posts WHERE title ILIKE ?",
      "SELECT * FROM posts WHERE id = ANY(?)",
      "SELECT * FROM posts WHERE tag_ids @> ARRAY[1, 2]::int[]",
      "SELECT meta->>'lang', meta->'author' FROM posts",
      "SELECT DISTINCT ON (user_id) * FROM posts ORDER BY user_id, created_at DESC NULLS LAST",
      "SELECT count(*) FILTER (WHERE draft) FROM posts",
      "INSERT INTO posts (id, title) VALUES (?, ?) ON CONFLICT DO NOTHING",
      "INSERT INTO posts (id, title) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title"
          + " RETURNING id",
      "UPDATE posts SET title = $1 WHERE id = $2 RETURNING *",
      "DELETE FROM comments WHERE created_at < now() - interval '30 days' RETURNING id",
      "SELECT * FROM `posts` p WHERE p.`title` LIKE ? LIMIT 1, 2",
      "INSERT INTO posts (id, views) VALUES (?, 1) ON DUPLICATE KEY UPDATE views = views + 1",
      "REPLACE INTO tags (id, name) VALUES (?, ?)",
      "SELECT * FROM posts WHERE id IN (?, ?, ?) AND author = :name",
  })
  void dialectFeaturesParseAndPassThroughVerbatim(String sql) {
    Plan.PassThrough plan = (Plan.PassThrough) planner.plan(sql);
    assertEquals("content", plan.cluster());
    assertEquals(Plan.Reason.TABLES, plan.reason());
    assertSame(sql, plan.sql());
  }

  /** What JSqlParser 5.4 cannot read goes, verbatim, to the default cluster (or a hint's). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      SELECT * FROM posts WHERE id = ? LOCK IN SHARE MODE
      SELECT title INTO @title FROM posts WHERE id = ?
      BEGIN
      """)
  void whatJsqlParserCannotReadGoesToTheDefaultCluster(String sql) {
    Planner withDefault = TestConfigs.twoClusters().defaultCluster("content").planner();
    Plan.PassThrough plan = (Plan.PassThrough) withDefault.plan(sql);
    assertEquals(Plan.Reason.UNPARSED_TO_DEFAULT, plan.reason());
    assertSame(sql, plan.sql());
  }
}
