package io.xcluster.rewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.config.TableName;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerRoutingTest {
  private final Planner planner = TestConfigs.twoClusters().planner();
  private final Planner withDefault = TestConfigs.twoClusters().defaultCluster("content").planner();

  @Test
  void tablesOfOneClusterPassThroughToItVerbatim() {
    String sql = "select  u.*   -- who pays\nFROM users u JOIN subscriptions s ON s.user_id = u.id WHERE u.id = ?";
    Plan.PassThrough plan = (Plan.PassThrough) planner.plan(sql);
    assertEquals("accounts", plan.cluster());
    assertSame(sql, plan.sql());
    assertEquals(StatementKind.QUERY, plan.kind());
    assertEquals(List.of(TableName.of("users"), TableName.of("subscriptions")), plan.tables());
    assertEquals(Plan.Reason.TABLES, plan.reason());
  }

  @Test
  void schemaQualifiedTablesRouteByTheirQualifiedEntry() {
    Plan.PassThrough plan = (Plan.PassThrough) planner.plan("UPDATE billing.invoices SET paid = true");
    assertEquals("accounts", plan.cluster());
    assertEquals(StatementKind.UPDATE, plan.kind());
  }

  @Test
  void statementsWithoutTablesGoToTheDefaultCluster() {
    assertEquals(new Plan.PassThrough("content", "SELECT 1", StatementKind.QUERY, List.of(), Plan.Reason.NO_TABLES),
        withDefault.plan("SELECT 1"));
  }

  @Test
  void statementsWithoutTablesGoToTheFirstDeclaredClusterWhenThereIsNoDefault() {
    assertEquals(new Plan.PassThrough("accounts", "SET search_path = app", StatementKind.SESSION, List.of(),
        Plan.Reason.NO_TABLES), planner.plan("SET search_path = app"));
  }

  @Test
  void unparsableSqlGoesToTheDefaultCluster() {
    String sql = "SELECT * FROM users LOCK IN SHARE MODE";
    assertEquals(new Plan.PassThrough("content", sql, StatementKind.UNPARSED, List.of(),
        Plan.Reason.UNPARSED_TO_DEFAULT), withDefault.plan(sql));
  }

  @Test
  void unparsableSqlWithoutDefaultIsASyntaxErrorWithLineColumnAndFix() {
    XClusterException error = assertThrows(XClusterException.class,
        () -> planner.plan("SELECT *\nFROM users\nWHERE id = = 1"));
    assertEquals(SqlState.SYNTAX_ERROR, error.state());
    assertEquals("cannot parse SQL at line 3, column 12: unexpected '='. Fix: correct the SQL, or set"
        + " 'defaultCluster' / add a leading /* xcluster:cluster=NAME */ hint", error.getMessage());
  }

  @Test
  void aLeadingHintRoutesWithoutParsing() {
    String sql = " \n /* xcluster:cluster=content */ SELEC this is not SQL";
    assertEquals(new Plan.PassThrough("content", sql, StatementKind.UNPARSED, List.of(), Plan.Reason.HINT),
        planner.plan(sql));
  }

  @Test
  void aHintNamingAnUnknownClusterIsAConfigurationErrorListingTheClusters() {
    XClusterException error = assertThrows(XClusterException.class,
        () -> planner.plan("/* xcluster:cluster=reports */ SELECT 1"));
    assertEquals(SqlState.CONFIGURATION, error.state());
    assertTrue(error.getMessage().contains("unknown cluster 'reports'"), error.getMessage());
    assertTrue(error.getMessage().contains("accounts, content"), error.getMessage());
  }

  @Test
  void aMalformedHintIsAConfigurationError() {
    XClusterException error = assertThrows(XClusterException.class,
        () -> planner.plan("/* xcluster:clustr=content */ SELECT 1"));
    assertEquals(SqlState.CONFIGURATION, error.state());
  }

  @Test
  void aHintCommentAfterTheStartIsAnOrdinaryComment() {
    Plan.PassThrough plan = (Plan.PassThrough) planner.plan("SELECT * FROM posts /* xcluster:cluster=accounts */");
    assertEquals("content", plan.cluster());
    assertEquals(Plan.Reason.TABLES, plan.reason());
  }

  @Test
  void aCrossClusterSelectNamesEachTableAndItsCluster() {
    XClusterException error = assertThrows(XClusterException.class, () -> planner.plan(
        "SELECT * FROM users u JOIN subscriptions s ON s.user_id = u.id JOIN posts p ON p.user_id = u.id"));
    assertEquals(SqlState.FEATURE_NOT_SUPPORTED, error.state());
    assertEquals("SELECT joins tables that live in different clusters: users, subscriptions (cluster accounts);"
        + " posts (cluster content). Cross-cluster SELECT is not supported yet. Fix: query each cluster"
        + " separately", error.getMessage());
  }

  @Test
  void aCrossClusterWriteIsRefused() {
    XClusterException error = assertThrows(XClusterException.class,
        () -> planner.plan("INSERT INTO posts (user_id) SELECT id FROM users"));
    assertEquals(SqlState.FEATURE_NOT_SUPPORTED, error.state());
    assertEquals("INSERT names tables that live in different clusters: posts (cluster content); users"
        + " (cluster accounts). A statement that writes across clusters is not supported. Fix: split it into"
        + " one statement per cluster", error.getMessage());
  }

  @Test
  void anUnmappedTableWithoutDefaultFailsAsTheTableMapSays() {
    XClusterException error = assertThrows(XClusterException.class, () -> planner.plan("SELECT * FROM audit"));
    assertEquals(SqlState.UNDEFINED_TABLE, error.state());
  }

  @Test
  void anUnmappedTableGoesWhereTheTableMapSends() {
    Plan.PassThrough plan = (Plan.PassThrough) withDefault.plan("SELECT * FROM audit");
    assertEquals("content", plan.cluster());
    assertEquals(Plan.Reason.TABLES, plan.reason());
  }

  @Test
  void severalStatementsInOneStringAreRefusedWithoutAHint() {
    XClusterException error = assertThrows(XClusterException.class,
        () -> withDefault.plan("SELECT * FROM posts; DELETE FROM users"));
    assertEquals(SqlState.FEATURE_NOT_SUPPORTED, error.state());
    assertTrue(error.getMessage().contains("line 1, column 22"), error.getMessage());
    assertEquals("content", ((Plan.PassThrough) planner.plan("SELECT * FROM posts;")).cluster());
  }

  @Test
  void nullSqlIsAnInvalidParameter() {
    assertEquals(SqlState.INVALID_PARAMETER,
        assertThrows(XClusterException.class, () -> planner.plan(null)).state());
  }

  @Test
  void blankSqlIsUnparsable() {
    assertEquals(SqlState.SYNTAX_ERROR, assertThrows(XClusterException.class, () -> planner.plan("  ")).state());
    assertEquals(Plan.Reason.UNPARSED_TO_DEFAULT, ((Plan.PassThrough) withDefault.plan("  ")).reason());
  }
}
