package io.xcluster.bench;

import io.xcluster.testing.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The baseline xcluster must come close to: {@link Queries}' questions answered by hand over plain
 * JDBC, as a careful developer would write them for these two clusters (Rails' {@code disable_joins:
 * true}, done well). The first cluster's query collects the join keys; the second binds them (see
 * {@link KeyBinding}) and pushes down every condition it can; joins are hash maps, ORDER BY ... LIMIT
 * is a bounded heap, and Q4 counts per subscription in the content cluster and sums per plan in Java.
 * Each query borrows its connection from the cluster's pool and gives it back at once.
 */
final class HandWritten {
  private static final String POST_COLUMNS = "id, subscription_id, user_id, title, score, created_at";
  private static final Comparator<Post> BEST_POSTS =
      Comparator.comparingInt(Post::score).reversed().thenComparingLong(Post::id);
  private static final Comparator<Hit> BEST_HITS =
      Comparator.comparingInt(Hit::score).reversed().thenComparingLong(Hit::id);

  private final DataSource accounts;
  private final DataSource content;
  private final Dialect contentDialect;

  HandWritten(BenchClusters clusters) {
    this.accounts = clusters.accounts;
    this.content = clusters.content;
    this.contentDialect = clusters.contentDialect;
  }

  /** Q1: the user's subscription ids, then their posts streamed straight to the sink. */
  void q1(long user, RowSink sink) throws SQLException {
    List<Long> subscriptions = subscriptionsOf(user);
    try (Connection connection = content.getConnection()) {
      KeyBinding.query(connection, contentDialect, "SELECT " + POST_COLUMNS + " FROM posts WHERE ",
          "subscription_id", "", subscriptions, rows -> Jdbc.read(rows, Queries.POST, sink));
    }
  }

  /** Q2: Q1's posts, the ten best kept in a heap. */
  void q2(long user, RowSink sink) throws SQLException {
    List<Long> subscriptions = subscriptionsOf(user);
    TopN<Post> best = new TopN<>(10, BEST_POSTS);
    try (Connection connection = content.getConnection()) {
      KeyBinding.query(connection, contentDialect, "SELECT " + POST_COLUMNS + " FROM posts WHERE ",
          "subscription_id", "", subscriptions, rows -> {
            while (rows.next()) {
              best.offer(new Post(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
                  rows.getInt(5), rows.getTimestamp(6)));
            }
          });
    }
    for (Post post : best.sorted()) {
      post.emit(sink);
    }
  }

  /** Q3: the users' matching subscriptions by id, their posts above the score, joined, best 100. */
  void q3(long firstUser, long lastUser, String plan, int minScore, RowSink sink) throws SQLException {
    Map<Long, String[]> owners = new HashMap<>();
    try (Connection connection = accounts.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT s.id, u.name, s.plan FROM users u JOIN subscriptions s ON s.user_id = u.id"
                + " WHERE u.id BETWEEN ? AND ? AND s.plan = ?")) {
      Jdbc.bind(statement, 1, firstUser, lastUser, plan);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          owners.put(rows.getLong(1), new String[] {rows.getString(2), rows.getString(3)});
        }
      }
    }
    TopN<Hit> best = new TopN<>(100, BEST_HITS);
    try (Connection connection = content.getConnection()) {
      KeyBinding.query(connection, contentDialect, "SELECT id, subscription_id, title, score FROM posts WHERE ",
          "subscription_id", " AND score > ?", new ArrayList<>(owners.keySet()), rows -> {
            while (rows.next()) {
              String[] owner = owners.get(rows.getLong(2));
              best.offer(new Hit(owner[0], owner[1], rows.getLong(1), rows.getString(3), rows.getInt(4)));
            }
          }, minScore);
    }
    for (Hit hit : best.sorted()) {
      sink.text(hit.name());
      sink.text(hit.plan());
      sink.longValue(hit.id());
      sink.text(hit.title());
      sink.intValue(hit.score());
      sink.endRow();
    }
  }

  /** Q4: each subscription's plan, posts counted per subscription by the content cluster, summed per plan. */
  void q4(long firstUser, long lastUser, RowSink sink) throws SQLException {
    Map<Long, String> planOf = new HashMap<>();
    try (Connection connection = accounts.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT s.id, s.plan FROM users u JOIN subscriptions s ON s.user_id = u.id"
                + " WHERE u.id BETWEEN ? AND ?")) {
      Jdbc.bind(statement, 1, firstUser, lastUser);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          planOf.put(rows.getLong(1), rows.getString(2));
        }
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = content.getConnection()) {
      KeyBinding.query(connection, contentDialect, "SELECT subscription_id, COUNT(*) FROM posts WHERE ",
          "subscription_id", " GROUP BY subscription_id", new ArrayList<>(planOf.keySet()), rows -> {
            while (rows.next()) {
              counts.merge(planOf.get(rows.getLong(1)), rows.getLong(2), Long::sum);
            }
          });
    }
    counts.forEach((plan, count) -> {
      sink.text(plan);
      sink.longValue(count);
      sink.endRow();
    });
  }

  /**
   * The posts of every subscription on {@code plan} scoring below {@code scoreBelow}: the subscription ids,
   * then their posts, each emitted as it is read from the content cluster's result; with a {@code fetchSize}
   * (not 0) in a transaction, as pgjdbc then reads through a cursor.
   */
  void planPosts(String plan, int scoreBelow, int fetchSize, RowSink sink) throws SQLException {
    List<Long> subscriptions = new ArrayList<>();
    try (Connection connection = accounts.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT id FROM subscriptions WHERE plan = ?")) {
      statement.setString(1, plan);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          subscriptions.add(rows.getLong(1));
        }
      }
    }
    try (Connection connection = content.getConnection()) {
      connection.setAutoCommit(fetchSize == 0);
      KeyBinding.query(connection, contentDialect, "SELECT id, title, score FROM posts WHERE ", "subscription_id",
          " AND score < ?", subscriptions, fetchSize, rows -> {
            while (rows.next()) {
              sink.text(plan);
              sink.longValue(rows.getLong(1));
              sink.text(rows.getString(2));
              sink.intValue(rows.getInt(3));
              sink.endRow();
            }
          }, scoreBelow);
      if (fetchSize != 0) {
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
  }

  /** Key scaling: the first bookmarks' post ids, then those posts, each emitted with its bookmark. */
  void bookmarked(long lastBookmark, RowSink sink) throws SQLException {
    Map<Long, Long> bookmarkOf = new HashMap<>();
    List<Long> posts = new ArrayList<>();
    try (Connection connection = accounts.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT id, post_id FROM bookmarks WHERE id <= ?")) {
      statement.setLong(1, lastBookmark);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long post = rows.getLong(2);
          if (bookmarkOf.put(post, rows.getLong(1)) == null) {
            posts.add(post);
          }
        }
      }
    }
    try (Connection connection = content.getConnection()) {
      KeyBinding.query(connection, contentDialect, "SELECT id, title, score FROM posts WHERE ", "id", "",
          posts, rows -> {
            while (rows.next()) {
              long post = rows.getLong(1);
              sink.longValue(bookmarkOf.get(post));
              sink.longValue(post);
              sink.text(rows.getString(2));
              sink.intValue(rows.getInt(3));
              sink.endRow();
            }
          });
    }
  }

  private List<Long> subscriptionsOf(long user) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = accounts.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT id FROM subscriptions WHERE user_id = ?")) {
      statement.setLong(1, user);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  private record Post(long id, long subscriptionId, long userId, String title, int score, Timestamp createdAt) {
    void emit(RowSink sink) {
      sink.longValue(id);
      sink.longValue(subscriptionId);
      sink.longValue(userId);
      sink.text(title);
      sink.intValue(score);
      sink.timestamp(createdAt);
      sink.endRow();
    }
  }

  private record Hit(String name, String plan, long id, String title, int score) {}
}
