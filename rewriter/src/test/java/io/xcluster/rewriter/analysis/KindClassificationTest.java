package io.xcluster.rewriter.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.rewriter.StatementKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindClassificationTest {

  @ParameterizedTest(name = "{1} is {0}")
  @CsvSource(delimiter = '|', textBlock = """
      QUERY         | SELECT * FROM users
      QUERY         | VALUES (1, 2)
      QUERY         | TABLE users
      QUERY         | SELECT id FROM a UNION SELECT id FROM b
      QUERY         | WITH c AS (SELECT 1) SELECT * FROM c
      LOCKING_QUERY | SELECT * FROM users WHERE id = ? FOR UPDATE
      LOCKING_QUERY | SELECT * FROM users FOR SHARE
      LOCKING_QUERY | SELECT * FROM users FOR NO KEY UPDATE SKIP LOCKED
      LOCKING_QUERY | (SELECT * FROM users FOR UPDATE)
      INSERT        | INSERT INTO users (id) VALUES (?)
      INSERT        | INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id
      UPDATE        | UPDATE users SET name = ? WHERE id = ?
      DELETE        | DELETE FROM users WHERE id = ?
      MERGE         | MERGE INTO a USING b ON a.id = b.id WHEN MATCHED THEN DELETE
      MERGE         | REPLACE INTO users (id) VALUES (1)
      MERGE         | UPSERT INTO users (id) VALUES (1)
      DDL           | CREATE TABLE t (id int)
      DDL           | ALTER TABLE t ADD COLUMN x int
      DDL           | DROP TABLE t
      DDL           | TRUNCATE TABLE t
      DDL           | COMMENT ON TABLE t IS 'x'
      DDL           | RENAME TABLE a TO b
      DDL           | GRANT SELECT ON t TO bob
      DDL           | REVOKE SELECT ON t FROM bob
      DDL           | CREATE INDEX i ON t (a)
      DDL           | CREATE VIEW v AS SELECT * FROM t
      DDL           | CREATE SEQUENCE s
      CALL          | CALL refresh_stats(1)
      CALL          | EXECUTE refresh_stats
      SESSION       | SET search_path = app
      SESSION       | SHOW TABLES
      SESSION       | USE app
      SESSION       | EXPLAIN SELECT * FROM users
      SESSION       | DESCRIBE users
      SESSION       | RESET ALL
      DELETE        | EXPLAIN ANALYZE DELETE FROM users
      DELETE        | WITH gone AS (DELETE FROM users RETURNING id) SELECT * FROM gone
      OTHER         | COMMIT
      OTHER         | SAVEPOINT s
      OTHER         | LOCK TABLE users IN EXCLUSIVE MODE
      """)
  void classifiesStatementKinds(StatementKind expected, String sql) {
    assertEquals(expected, Analyses.of(sql).kind());
  }
}
