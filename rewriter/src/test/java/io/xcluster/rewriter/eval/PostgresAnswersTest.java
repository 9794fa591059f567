package io.xcluster.rewriter.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.xcluster.error.XClusterException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against recorded PostgreSQL answers ({@link PostgresAnswers}): for every expression
 * the evaluator must print the same value, produce a value of the same type family ({@code pg_typeof}),
 * and fail wherever PostgreSQL failed.
 */
class PostgresAnswersTest {
  private static final Map<String, ValueKind> TYPES = Map.ofEntries(Map.entry("integer", ValueKind.INTEGER),
      Map.entry("bigint", ValueKind.INTEGER), Map.entry("smallint", ValueKind.INTEGER),
      Map.entry("numeric", ValueKind.NUMERIC), Map.entry("real", ValueKind.REAL),
      Map.entry("double precision", ValueKind.DOUBLE), Map.entry("text", ValueKind.TEXT),
      Map.entry("unknown", ValueKind.TEXT), Map.entry("character varying", ValueKind.TEXT),
      Map.entry("boolean", ValueKind.BOOLEAN), Map.entry("date", ValueKind.DATE),
      Map.entry("time without time zone", ValueKind.TIME),
      Map.entry("timestamp without time zone", ValueKind.TIMESTAMP), Map.entry("uuid", ValueKind.UUID));

  @TestFactory
  Stream<DynamicTest> evaluatorAnswersWhatPostgresAnswered() {
    return PostgresAnswers.CASES.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> DynamicTest.dynamicTest(line, () -> check(line.split("\t", -1))));
  }

  private static void check(String[] fields) {
    String sql = fields[0];
    if (fields[1].equals("ERROR")) {
      assertThrows(XClusterException.class, () -> Eval.eval(sql), "PostgreSQL: " + fields[2]);
      return;
    }
    Expr expr = Eval.compile(sql);
    Object value = expr.eval(Eval.row());
    ValueKind type = TYPES.get(fields[2]);
    assertPrinted(fields[1], value, sql);
    if (value != null) {
      assertEquals(type, ValueKind.of(value), sql + " type");
    }
    expr.kind().ifPresent(kind -> assertEquals(type, kind, sql + " static type"));
  }

  private static void assertPrinted(String expected, Object value, String sql) {
    if (value instanceof Double number) {
      assertEquals(Double.parseDouble(expected), number, sql);
    } else if (value instanceof Float number) {
      assertEquals(Float.parseFloat(expected), number, sql);
    } else {
      assertEquals(expected, print(value), sql);
    }
  }

  /** psql's printing, written independently of the evaluator's own text conversion. */
  private static String print(Object value) {
    if (value == null) {
      return PostgresAnswers.NULL;
    }
    if (value instanceof Boolean flag) {
      return flag ? "t" : "f";
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof LocalDateTime timestamp) {
      return timestamp.toLocalDate() + " " + print(timestamp.toLocalTime());
    }
    if (value instanceof LocalTime time) {
      String text = String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(),
          time.getSecond());
      return time.getNano() == 0 ? text
          : text + "." + String.format(Locale.ROOT, "%06d", time.getNano() / 1000).replaceAll("0+$", "");
    }
    return value.toString();
  }
}
