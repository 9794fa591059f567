package io.xcluster.driver.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xcluster.driver.XClusterDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Column descriptions a cross-cluster step remembers between runs: never for a step whose select list (or a
 * derived table in its FROM) takes one of the statement's parameters, since such a column takes the type it is
 * bound with. Parameters that only filter leave the columns as they are (see FetchParametersTest).
 */
class FetchColumnsTest {
  private static final String TAGGED = "SELECT d.tag, p.title FROM (SELECT ? AS tag, id FROM subscriptions) d"
      + " JOIN posts p ON p.subscription_id = d.id WHERE d.id = 1";

  @Test
  void aParameterInAStepsSelectListIsDescribedAsBoundOnEachRun() throws SQLException {
    try (XClusterDataSource dataSource = new XClusterDataSource(SplitClusters.pgPg().jdbcUrl());
        Connection xcluster = dataSource.getConnection();
        Connection colocated = SplitClusters.pgPg().connectColocated()) {
      for (boolean asText : new boolean[] {false, true, false}) {
        assertEquals(tagType(colocated, asText), tagType(xcluster, asText), asText ? "bound as text" : "bound as int");
      }
    }
  }

  private static String tagType(Connection connection, boolean asText) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(TAGGED)) {
      if (asText) {
        statement.setString(1, "seven");
      } else {
        statement.setInt(1, 7);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.getMetaData().getColumnTypeName(1);
      }
    }
  }
}
