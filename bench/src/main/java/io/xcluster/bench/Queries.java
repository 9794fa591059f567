package io.xcluster.bench;

import static io.xcluster.bench.ColumnKind.INT;
import static io.xcluster.bench.ColumnKind.LONG;
import static io.xcluster.bench.ColumnKind.TEXT;
import static io.xcluster.bench.ColumnKind.TIMESTAMP;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The queries, written once as an application writes them for one database holding every
 * table. The colocated database and xcluster run this text; {@link HandWritten} answers the same
 * questions with per-cluster queries. Tie-breakers on {@code p.id} make every ORDER BY total, so the
 * paths' results can be compared row by row.
 */
final class Queries {
  /** Q1, Rails' {@code user.posts} through subscriptions: about 50 posts of one user. */
  static final String Q1 =
      "SELECT p.* FROM posts p JOIN subscriptions s ON p.subscription_id = s.id WHERE s.user_id = ?";

  /** Q2: Q1's ten best posts. */
  static final String Q2 = Q1 + " ORDER BY p.score DESC, p.id LIMIT 10";

  /**
   * Q3: three tables, conditions on both clusters, the 100 best of about 1,650 matching posts of
   * {@value #Q3_USERS} consecutive users' {@code pro} subscriptions.
   */
  static final String Q3 =
      "SELECT u.name, s.plan, p.id, p.title, p.score FROM users u"
          + " JOIN subscriptions s ON s.user_id = u.id JOIN posts p ON p.subscription_id = s.id"
          + " WHERE u.id BETWEEN ? AND ? AND s.plan = ? AND p.score > ?"
          + " ORDER BY p.score DESC, p.id LIMIT 100";

  /** Q4: posts per plan over the about 5,000 posts of {@value #Q4_USERS} consecutive users. */
  static final String Q4 =
      "SELECT s.plan, COUNT(*) AS posts FROM users u"
          + " JOIN subscriptions s ON s.user_id = u.id JOIN posts p ON p.subscription_id = s.id"
          + " WHERE u.id BETWEEN ? AND ? GROUP BY s.plan ORDER BY s.plan";

  /** Q5: a point query on one cluster, which xcluster passes through unchanged. */
  static final String Q5 = "SELECT id, name, email, created_at, score FROM users WHERE id = ?";

  /** Key scaling: the first N bookmarks and their posts, binding exactly N post ids. */
  static final String BOOKMARKED =
      "SELECT b.id, p.id, p.title, p.score FROM bookmarks b JOIN posts p ON p.id = b.post_id"
          + " WHERE b.id <= ?";

  static final int Q3_USERS = 200;
  static final String Q3_PLAN = "pro";
  static final int Q3_MIN_SCORE = 500;
  static final int Q4_USERS = 100;

  /** The columns of {@code posts}, as {@code p.*} returns them. */
  static final ColumnKind[] POST = {LONG, LONG, LONG, TEXT, INT, TIMESTAMP};

  static final ColumnKind[] Q3_ROW = {TEXT, TEXT, LONG, TEXT, INT};
  static final ColumnKind[] Q4_ROW = {TEXT, LONG};
  static final ColumnKind[] USER = {LONG, TEXT, TEXT, TIMESTAMP, INT};
  static final ColumnKind[] BOOKMARKED_ROW = {LONG, LONG, TEXT, INT};

  private Queries() {}

  /** Q1 for one user through {@code source}, its rows to {@code sink}; answers the row count. */
  static int q1(DataSource source, RowSink sink, long user) throws SQLException {
    return Jdbc.query(source, Q1, POST, sink, user);
  }

  static int q2(DataSource source, RowSink sink, long user) throws SQLException {
    return Jdbc.query(source, Q2, POST, sink, user);
  }

  /** Q3 for the {@value #Q3_USERS} users from {@code first}. */
  static int q3(DataSource source, RowSink sink, long first) throws SQLException {
    return Jdbc.query(source, Q3, Q3_ROW, sink, first, first + Q3_USERS - 1, Q3_PLAN, Q3_MIN_SCORE);
  }

  /** Q4 for the {@value #Q4_USERS} users from {@code first}. */
  static int q4(DataSource source, RowSink sink, long first) throws SQLException {
    return Jdbc.query(source, Q4, Q4_ROW, sink, first, first + Q4_USERS - 1);
  }

  static int q5(DataSource source, RowSink sink, long user) throws SQLException {
    return Jdbc.query(source, Q5, USER, sink, user);
  }
}
