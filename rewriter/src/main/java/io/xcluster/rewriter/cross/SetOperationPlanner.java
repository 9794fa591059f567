package io.xcluster.rewriter.cross;

import io.xcluster.config.TableName;
import io.xcluster.config.XClusterConfig;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.ColumnCatalog;
import io.xcluster.rewriter.Dialect;
import io.xcluster.rewriter.SetOperationPlan;
import io.xcluster.rewriter.SetOperationPlan.Branch;
import io.xcluster.rewriter.SetOperationPlan.Kind;
import io.xcluster.rewriter.SetOperationPlan.Operator;
import io.xcluster.rewriter.SetOperationPlan.OrderKey;
import io.xcluster.rewriter.analysis.Analysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;

/**
 * Plans UNION / INTERSECT / EXCEPT whose branches read different clusters: each branch becomes one cluster's
 * query (its text, quoted for that cluster) or a cross-cluster plan; ORDER BY and LIMIT apply to the whole.
 */
public final class SetOperationPlanner {
  private final XClusterConfig config;
  private final ColumnCatalog catalog;
  private final Dialect primary;

  public SetOperationPlanner(XClusterConfig config, ColumnCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
    this.primary = FromClause.primaryDialect(config);
  }

  public SetOperationPlan plan(String sql, SetOperationList list) {
    if (list.getWithItemsList() != null && !list.getWithItemsList().isEmpty()) {
      throw Refusals.construct("a WITH clause on a set operation");
    }
    List<Operator> operators = operators(list.getOperations());
    List<Branch> branches = new ArrayList<>();
    int parametersBefore = 0;
    for (Select select : list.getSelects()) {
      Select branch = unwrap(select);
      String text = branch.toString();
      branches.add(branch(branch, text, parametersBefore));
      parametersBefore += Parameters.count(text);
    }
    return new SetOperationPlan(sql, branches, operators, order(list), CrossClusterPlanner.limit(list),
        CrossClusterPlanner.offset(list));
  }

  /**
   * PostgreSQL gives INTERSECT precedence over UNION and EXCEPT; the combination runs left to right, so a
   * mix of them without parentheses is refused.
   */
  private static List<Operator> operators(List<SetOperation> operations) {
    List<Operator> operators = new ArrayList<>();
    for (SetOperation operation : operations) {
      Kind kind = operation instanceof UnionOp ? Kind.UNION
          : operation instanceof IntersectOp ? Kind.INTERSECT
          : operation instanceof ExceptOp || operation instanceof MinusOp ? Kind.EXCEPT : null;
      if (kind == null) {
        throw Refusals.construct("the set operation " + operation);
      }
      operators.add(new Operator(kind, operation.isAll()));
    }
    boolean intersect = operators.stream().anyMatch(o -> o.kind() == Kind.INTERSECT);
    if (intersect && operators.stream().anyMatch(o -> o.kind() != Kind.INTERSECT)) {
      throw Refusals.construct("INTERSECT mixed with UNION or EXCEPT without parentheses");
    }
    return operators;
  }

  private static Select unwrap(Select select) {
    Select inner = select;
    while (inner instanceof ParenthesedSelect parenthesed && parenthesed.getAlias() == null) {
      inner = parenthesed.getSelect();
    }
    if (!(inner instanceof PlainSelect)) {
      throw Refusals.construct("a nested set operation or VALUES as a branch of a set operation");
    }
    return inner;
  }

  private Branch branch(Select branch, String text, int parametersBefore) {
    Set<String> clusters = new LinkedHashSet<>();
    for (TableName table : Analysis.of(branch).tables()) {
      clusters.add(config.tables().clusterOf(table));
    }
    if (clusters.size() > 1 || (clusters.size() == 1 && config.cluster(clusters.iterator().next()).isSharded())) {
      return new SetOperationPlan.Decomposed(new CrossClusterPlanner(config, catalog).plan(text, branch));
    }
    String cluster = clusters.isEmpty() ? primaryCluster() : clusters.iterator().next();
    List<Integer> parameters = new ArrayList<>();
    for (int i = 1; i <= Parameters.count(text); i++) {
      parameters.add(parametersBefore + i);
    }
    return new SetOperationPlan.OneCluster(cluster, Quoting.forDialect(text, FromClause.dialectOf(config, cluster)),
        parameters);
  }

  private String primaryCluster() {
    return config.tables().defaultCluster().orElseGet(() -> config.clusters().keySet().iterator().next());
  }

  /** ORDER BY over a set operation names output columns, by position or by the first branch's names. */
  private List<OrderKey> order(SetOperationList list) {
    List<OrderKey> keys = new ArrayList<>();
    if (list.getOrderByElements() == null) {
      return keys;
    }
    List<String> names = outputNames((PlainSelect) unwrap(list.getSelects().get(0)));
    for (OrderByElement element : list.getOrderByElements()) {
      int output = outputOf(element, names);
      boolean nullsFirst = element.getNullOrdering() == null ? primary.nullsFirst(element.isAsc())
          : element.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
      keys.add(new OrderKey(output, element.isAsc(), nullsFirst));
    }
    return keys;
  }

  private static List<String> outputNames(PlainSelect first) {
    List<String> names = new ArrayList<>();
    for (SelectItem<?> item : first.getSelectItems()) {
      if (item.getAlias() != null) {
        names.add(Identifier.of(item.getAlias().getName()).text());
      } else if (item.getExpression() instanceof Column column) {
        names.add(Identifier.of(column.getColumnName()).text());
      } else {
        names.add(null);
      }
    }
    return names;
  }

  private static int outputOf(OrderByElement element, List<String> names) {
    if (element.getExpression() instanceof LongValue ordinal) {
      if (ordinal.getValue() < 1 || ordinal.getValue() > names.size()) {
        throw new XClusterException(SqlState.SYNTAX_ERROR, "ORDER BY position " + ordinal.getValue()
            + " is not in select list");
      }
      return (int) ordinal.getValue() - 1;
    }
    if (element.getExpression() instanceof Column column && column.getTable() == null) {
      String name = Identifier.of(column.getColumnName()).text();
      for (int i = 0; i < names.size(); i++) {
        if (name.equalsIgnoreCase(names.get(i))) {
          return i;
        }
      }
    }
    throw Refusals.construct("ORDER BY " + element + " over a set operation (name an output column or its"
        + " position)");
  }

  /** Counts the {@code ?} parameters of SQL text, outside quoted strings and identifiers. */
  static final class Parameters {
    private Parameters() {}

    static int count(String sql) {
      int count = 0;
      char quote = 0;
      for (int i = 0; i < sql.length(); i++) {
        char c = sql.charAt(i);
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"' || c == '`') {
          quote = c;
        } else if (c == '?') {
          count++;
        }
      }
      return count;
    }
  }
}
