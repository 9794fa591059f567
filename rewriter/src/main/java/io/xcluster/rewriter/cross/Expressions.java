package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.CatalogColumn;
import io.xcluster.rewriter.eval.ColumnResolver;
import io.xcluster.rewriter.eval.Expr;
import io.xcluster.rewriter.eval.ExprCompiler;
import io.xcluster.rewriter.eval.ValueKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;

/**
 * Compiles the expressions a plan evaluates in memory, with columns resolved to combined-row slots and
 * declared with the kinds their clusters report, and names the SQL type PostgreSQL would give the result.
 */
final class Expressions {
  private static final List<String> INTEGER_WIDTHS = List.of("int2", "int4", "int8");

  private Expressions() {}

  static Expr compile(Expression expression, ToIntFunction<Column> slots,
      Function<Column, CatalogColumn> columns, io.xcluster.rewriter.Dialect dialect) {
    return ExprCompiler.compile(expression, new ColumnResolver() {
      @Override
      public io.xcluster.rewriter.Dialect dialect() {
        return dialect;
      }

      @Override
      public int slotOf(Column column) {
        return slots.applyAsInt(column);
      }

      @Override
      public Optional<ValueKind> kindOf(Column column) {
        return columns.apply(column).kind();
      }
    });
  }

  /**
   * The result's SQL type: integers take the widest integer type of the columns they read (a literal alone
   * is int4), other kinds their PostgreSQL name; empty when the kind depends on the row.
   */
  static String typeName(Expr compiled, List<CatalogColumn> read) {
    return typeName(compiled, read.stream().map(CatalogColumn::typeName).toList(), false);
  }

  /**
   * @param readTypes the SQL types of the values the expression reads
   * @param integerLiteral whether it contains an integer literal (int4 in PostgreSQL)
   */
  static String typeName(Expr compiled, List<String> readTypes, boolean integerLiteral) {
    Optional<ValueKind> kind = compiled.kind();
    if (kind.isEmpty()) {
      return "";
    }
    return switch (kind.get()) {
      case INTEGER -> java.util.stream.Stream.concat(readTypes.stream(),
              integerLiteral ? java.util.stream.Stream.of("int4") : java.util.stream.Stream.empty())
          .filter(INTEGER_WIDTHS::contains)
          .max((a, b) -> Integer.compare(INTEGER_WIDTHS.indexOf(a), INTEGER_WIDTHS.indexOf(b))).orElse("int4");
      case NUMERIC -> "numeric";
      case REAL -> "float4";
      case DOUBLE -> "float8";
      case TEXT -> "text";
      case BOOLEAN -> "bool";
      case BYTEA -> "bytea";
      case UUID -> "uuid";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamptz";
    };
  }
}
