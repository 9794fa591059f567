package io.xcluster.rewriter.cross;

import io.xcluster.rewriter.ShardPick;
import io.xcluster.rewriter.eval.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Finds, among the AND-ed conditions of one sharded table's query, the one that pins its shard key:
 * {@code key = v}, {@code v = key} or {@code key IN (v1, v2...)}, each value an integer or text literal or a
 * {@code ?}. Anything else pins nothing (every shard is read, which is always correct).
 */
public final class ShardPins {
  private ShardPins() {}

  /**
   * @param where the condition, split at its top-level ANDs
   * @param isKey whether a column is the table's shard key
   * @param kind the key column's kind, when the catalog knows it
   */
  public static ShardPick of(Expression where, Predicate<Column> isKey, Optional<ValueKind> kind) {
    List<Expression> conjuncts = new ArrayList<>();
    flatten(where, conjuncts);
    return of(conjuncts, isKey, kind);
  }

  static ShardPick of(List<Expression> conjuncts, Predicate<Column> isKey, Optional<ValueKind> kind) {
    for (Expression conjunct : conjuncts) {
      Optional<List<ShardPick.Key>> keys = pin(conjunct, isKey);
      if (keys.isPresent()) {
        return new ShardPick(keys.get(), kind.isPresent() ? ShardPick.keyType(kind) : keyTypeOf(keys.get()));
      }
    }
    return ShardPick.ALL;
  }

  /** The key type the literals tell, when the catalog does not: an integer literal makes it an integer key. */
  public static io.xcluster.config.Sharding.KeyType keyTypeOf(List<ShardPick.Key> keys) {
    return keys.stream().anyMatch(key -> key.literal() instanceof Long) ? io.xcluster.config.Sharding.KeyType.INTEGER
        : io.xcluster.config.Sharding.KeyType.BY_VALUE;
  }

  /** A predicate naming the column {@code key} (unquoted: any case), whatever its qualifier. */
  public static Predicate<Column> named(String key) {
    return column -> {
      Identifier name = Identifier.of(column.getColumnName());
      return name.quoted() ? name.text().equals(key) : name.text().equalsIgnoreCase(key);
    };
  }

  private static void flatten(Expression condition, List<Expression> into) {
    if (condition instanceof AndExpression and) {
      flatten(and.getLeftExpression(), into);
      flatten(and.getRightExpression(), into);
    } else if (condition != null) {
      into.add(condition);
    }
  }

  private static Optional<List<ShardPick.Key>> pin(Expression condition, Predicate<Column> isKey) {
    if (condition instanceof EqualsTo equals) {
      if (equals.getLeftExpression() instanceof Column column && isKey.test(column)) {
        return key(equals.getRightExpression()).map(List::of);
      }
      if (equals.getRightExpression() instanceof Column column && isKey.test(column)) {
        return key(equals.getLeftExpression()).map(List::of);
      }
    }
    if (condition instanceof InExpression in && !in.isNot() && in.getLeftExpression() instanceof Column column
        && isKey.test(column) && in.getRightExpression() instanceof ParenthesedExpressionList<?> list
        && !list.isEmpty()) {
      List<ShardPick.Key> keys = new ArrayList<>();
      for (Expression value : list) {
        Optional<ShardPick.Key> key = key(value);
        if (key.isEmpty()) {
          return Optional.empty();
        }
        keys.add(key.get());
      }
      return Optional.of(keys);
    }
    return Optional.empty();
  }

  /** The 1-based indexes of the parameters in {@code expression}, in the order its text holds them. */
  public static List<Integer> parameters(Expression expression) {
    return expression == null ? List.of()
        : ExpressionFacts.of(expression).parameters.stream().map(JdbcParameter::getIndex).toList();
  }

  /** A key value as SQL gives it: an integer or text literal, or a {@code ?}; empty for anything else. */
  public static Optional<ShardPick.Key> key(Expression value) {
    if (value instanceof LongValue number) {
      return Optional.of(new ShardPick.Key(number.getValue(), 0));
    }
    if (value instanceof StringValue text && text.getPrefix() == null && text.getValue().indexOf('\\') < 0) {
      // a backslash means different things to MySQL and PostgreSQL: such a key pins nothing
      return Optional.of(new ShardPick.Key(text.getNotExcapedValue(), 0));
    }
    if (value instanceof JdbcParameter parameter && parameter.getIndex() != null && parameter.getIndex() > 0) {
      return Optional.of(new ShardPick.Key(null, parameter.getIndex()));
    }
    return Optional.empty();
  }
}
