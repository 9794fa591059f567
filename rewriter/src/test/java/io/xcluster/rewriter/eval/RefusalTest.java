package io.xcluster.rewriter.eval;

import static io.xcluster.rewriter.eval.Eval.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the evaluator refuses, and that the message names the construct and says it would run in memory. */
class RefusalTest {

  @Test
  void unknownFunctionIsNamed() {
    assertEquals("the function JSON_EXTRACT (in json_extract(a, '$.x')) would have to run in memory across "
        + "clusters, which xcluster does not support (the expression evaluator does not implement it). Fix: "
        + "rewrite the query so that this part runs inside a single cluster",
        refused("json_extract(a, '$.x')", "{}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "now()|the function NOW",
      "EXTRACT(YEAR FROM a)|EXTRACT",
      "pg_catalog.lower(a)|the function PG_CATALOG.LOWER",
      "\"lower\"(a)|the function \"LOWER\"",
      "{fn lower(a)}|the function LOWER",
      "lower(a) FILTER (WHERE a IS NULL)|FILTER",
      "count(*)|the aggregate function count(*)",
      "sum(a)|the aggregate function sum(a)",
      "count(DISTINCT a)|the aggregate function",
      "sum(a) OVER ()|the window function sum(a) OVER ()",
      "a = ANY(b)|the ANY comparison",
      "a IN (SELECT 1)|IN (SELECT 1)",
      "EXISTS (SELECT 1)|the subquery EXISTS (SELECT 1)",
      "(SELECT 1)|the subquery (SELECT 1)",
      "a COLLATE \"C\"|CollateExpression",
      "~a|~a",
      "a & b|BitwiseAnd",
      "a DIV b|IntegerDivision",
      "a XOR b|XorExpression",
      "!a|MySQL's ! operator",
      "INTERVAL '1 day'|IntervalExpression",
      "CURRENT_DATE|CURRENT_DATE",
      "E'a\\nb'|the string literal E'a\\nb'",
      "X'0A'|HexValue",
      "N'abc'|the string literal N'abc'",
      "TIMESTAMPTZ '2020-01-01 00:00+02'|the literal TIMESTAMPTZ",
      "{d '2020-01-01'}|DateValue",
      ":name|JdbcNamedParameter",
      "(a, b)|the row value (a, b)",
      "ROUND(a, 1, 2)|it is not evaluated with 3 argument(s)",
      "POSITION(a, b)|only POSITION(needle IN text) is read",
      "lower(a, b)|the function LOWER",
      "a::json|CAST to json"
  })
  void refusalNamesTheConstruct(String sql, String named) {
    String message = refused(sql, "x", "y");
    assertTrue(message.contains(named), () -> sql + " -> " + message);
    assertTrue(message.contains("would have to run in memory across clusters"), message);
  }

  @Test
  void nonPostgresLikeKeywordsAreRefused() {
    refused("a LIKE BINARY 'x'", "x");
    refused("a RLIKE 'x'", "x");
  }

  @Test
  void oracleOuterJoinMarkerIsRefused() {
    refused("a (+) = b", 1L, 1L);
  }
}
