package io.xcluster.rewriter.analysis;

import io.xcluster.config.TableName;
import java.util.Collection;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * One table-finding pass over one statement: the four visitors (statements, selects, FROM items,
 * expressions) hand each other sub-trees through the null-safe methods here, and all report to one
 * {@link TableSink}. Used once, then dropped.
 */
final class TableWalk {
  private final TableSink sink = new TableSink();
  private final StatementTables statements = new StatementTables(this);
  private final SelectTables selects = new SelectTables(this);
  private final FromItemTables fromItems = new FromItemTables(this);
  private final ExpressionTables expressions = new ExpressionTables(this);

  static List<TableName> tablesOf(Statement statement) {
    TableWalk walk = new TableWalk();
    walk.statement(statement);
    return walk.sink.tables();
  }

  void statement(Statement statement) {
    if (statement != null) {
      statement.accept(statements, null);
    }
  }

  void select(Select select) {
    if (select != null) {
      select.accept(selects, null);
    }
  }

  void fromItem(FromItem fromItem) {
    if (fromItem != null) {
      fromItem.accept(fromItems, null);
    }
  }

  void fromItems(Collection<? extends FromItem> items) {
    if (items != null) {
      items.forEach(this::fromItem);
    }
  }

  void joins(List<Join> joins) {
    if (joins != null) {
      for (Join join : joins) {
        fromItem(join.getFromItem());
        expressions(join.getOnExpressions());
      }
    }
  }

  void expression(Expression expression) {
    if (expression != null) {
      expression.accept(expressions, null);
    }
  }

  void expressions(Collection<? extends Expression> list) {
    if (list != null) {
      list.forEach(this::expression);
    }
  }

  void selectItems(Collection<? extends SelectItem<?>> items) {
    if (items != null) {
      items.forEach(item -> expression(item.getExpression()));
    }
  }

  void orderBy(List<OrderByElement> elements) {
    if (elements != null) {
      elements.forEach(element -> expression(element.getExpression()));
    }
  }

  void updateSets(List<UpdateSet> sets) {
    if (sets != null) {
      sets.forEach(set -> expressions(set.getValues()));
    }
  }

  void reference(Table table) {
    sink.reference(table);
  }

  void target(Table table) {
    sink.target(table);
  }

  void targets(Collection<Table> tables) {
    if (tables != null) {
      tables.forEach(sink::target);
    }
  }

  void add(TableName table) {
    sink.add(table);
  }

  /**
   * Runs {@code body} with the WITH items' names in scope. A CTE body sees the CTEs declared before it
   * (so {@code WITH users AS (SELECT * FROM users)} reads the real table); with RECURSIVE every name in the
   * list is visible in every body, as in PostgreSQL.
   */
  void withCtes(List<WithItem<?>> items, Runnable body) {
    if (items == null || items.isEmpty()) {
      body.run();
      return;
    }
    sink.openCteScope();
    try {
      if (items.stream().anyMatch(WithItem::isRecursive)) {
        items.forEach(item -> sink.declareCte(item.getAliasName()));
      }
      for (WithItem<?> item : items) {
        statement(item.getParenthesedStatement());
        sink.declareCte(item.getAliasName());
      }
      body.run();
    } finally {
      sink.closeCteScope();
    }
  }
}
