package io.xcluster.driver.differential;

import io.xcluster.testing.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random boolean conditions over the columns of a {@link JoinTree}: comparisons with literals from
 * the data, {@code IS [NOT] NULL}, {@code [NOT] IN}, {@code [NOT] LIKE}, {@code BETWEEN},
 * comparisons between columns of two tables (often two clusters), combined with AND, OR and NOT.
 */
final class PredicateGenerator {
  private static final List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=");

  private final Random random;
  private final LiteralPicker literals;

  PredicateGenerator(Random random, LiteralPicker literals) {
    this.random = random;
    this.literals = literals;
  }

  /** A WHERE condition of 0 to 3 atoms over the tree's columns; empty for none. */
  Optional<SqlFragment> where(JoinTree tree) {
    return where(tree.columns());
  }

  /** A WHERE condition of 0 to 3 atoms over {@code columns}; empty for none. */
  Optional<SqlFragment> where(List<? extends ColumnReference> columns) {
    int roll = random.nextInt(100);
    int atoms = roll < 25 ? 0 : roll < 60 ? 1 : roll < 85 ? 2 : 3;
    if (atoms == 0) {
      return Optional.empty();
    }
    SqlFragment condition = atom(columns);
    for (int index = 1; index < atoms; index++) {
      String connective = random.nextInt(10) < 7 ? " AND " : " OR ";
      condition =
          condition.parenthesized().append(connective).append(atom(columns).parenthesized());
    }
    if (random.nextInt(10) == 0) {
      condition = SqlFragment.of("NOT ").append(condition.parenthesized());
    }
    return Optional.of(condition);
  }

  /** One comparison, IS NULL, IN list... over the tree's columns. */
  SqlFragment atom(JoinTree tree) {
    return atom(tree.columns());
  }

  private SqlFragment atom(List<? extends ColumnReference> columns) {
    if (random.nextInt(100) < 15) {
      Optional<SqlFragment> between = columnComparison(columns);
      if (between.isPresent()) {
        return between.get();
      }
    }
    return atomOn(columns.get(random.nextInt(columns.size())));
  }

  /** {@code a.x <op> b.y} for two comparable columns of different FROM items, if there are any. */
  private Optional<SqlFragment> columnComparison(List<? extends ColumnReference> columns) {
    ColumnReference left = columns.get(random.nextInt(columns.size()));
    List<ColumnReference> partners = new ArrayList<>();
    for (ColumnReference candidate : columns) {
      if (!candidate.qualifier().equals(left.qualifier())
          && family(candidate.column().type()) == family(left.column().type())) {
        partners.add(candidate);
      }
    }
    if (partners.isEmpty()) {
      return Optional.empty();
    }
    ColumnReference right = partners.get(random.nextInt(partners.size()));
    String op = COMPARISONS.get(random.nextInt(COMPARISONS.size()));
    return Optional.of(SqlFragment.of(left.sql() + " " + op + " " + right.sql()));
  }

  private static ColumnType family(ColumnType type) {
    return type == ColumnType.KEY ? ColumnType.INT : type;
  }

  /** One condition on {@code column} alone. */
  SqlFragment atomOn(ColumnReference column) {
    int nullTestPercent = column.maybeNull() ? 25 : 5;
    if (random.nextInt(100) < nullTestPercent) {
      return SqlFragment.of(column.sql() + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL"));
    }
    return column.column().type() == ColumnType.TEXT ? textAtom(column) : orderedAtom(column);
  }

  private SqlFragment textAtom(ColumnReference column) {
    SqlFragment subject = SqlFragment.of(column.sql());
    return switch (random.nextInt(5)) {
      case 0 -> subject.append(random.nextBoolean() ? " = " : " <> ").append(value(column));
      case 1 -> subject.append(" IN ").append(list(column));
      case 2 -> subject.append(" NOT LIKE ").append(pattern(column));
      default -> subject.append(" LIKE ").append(pattern(column));
    };
  }

  private SqlFragment orderedAtom(ColumnReference column) {
    SqlFragment subject = SqlFragment.of(column.sql());
    int roll = random.nextInt(10);
    if (roll < 5) {
      String op = COMPARISONS.get(random.nextInt(COMPARISONS.size()));
      return subject.append(" " + op + " ").append(value(column));
    }
    if (roll < 7) {
      Object first = raw(column);
      Object second = raw(column);
      boolean ascending = compare(first, second) <= 0;
      return subject
          .append(" BETWEEN ")
          .append(literals.literal(ascending ? first : second))
          .append(" AND ")
          .append(literals.literal(ascending ? second : first));
    }
    return subject.append(roll < 9 ? " IN " : " NOT IN ").append(list(column));
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object first, Object second) {
    return ((Comparable<Object>) first).compareTo(second);
  }

  private SqlFragment list(ColumnReference column) {
    int size = 1 + random.nextInt(4);
    List<SqlFragment> values = new ArrayList<>();
    for (int index = 0; index < size; index++) {
      values.add(value(column));
    }
    return SqlFragment.join(", ", values).parenthesized();
  }

  private Object raw(ColumnReference column) {
    return literals.value(column.table(), column.column());
  }

  private SqlFragment value(ColumnReference column) {
    return literals.literal(raw(column));
  }

  private SqlFragment pattern(ColumnReference column) {
    return literals.pattern(column.table(), column.column());
  }
}
