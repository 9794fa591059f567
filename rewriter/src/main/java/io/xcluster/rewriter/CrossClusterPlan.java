package io.xcluster.rewriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A SELECT whose tables live in several clusters, decomposed: one query per cluster group, run in order,
 * later queries binding the join keys collected so far as IN lists; then joins, filters, projection,
 * DISTINCT, ORDER BY and LIMIT/OFFSET in memory.
 *
 * <p>Rows are handled in one combined layout: each fetch's columns occupy the slots
 * {@code [offset, offset + width)} of a row {@code width} wide, so every expression refers to slots.
 *
 * @param sql the original statement
 * @param fetches the per-cluster queries in execution order
 * @param joins {@code joins.get(k)} brings in the rows of {@code fetches.get(k + 1)}
 * @param filters conditions left over from WHERE, each evaluated on the combined row; a row stays only when
 *     all are TRUE
 * @param aggregation GROUP BY / aggregates / HAVING, computed after the filters; when present, outputs and
 *     order keys read the grouped rows ({@link Aggregation}), not the combined rows
 * @param outputs the SELECT list
 * @param order ORDER BY keys
 * @param orderedAtSource whether the first fetch's query already sorts by {@code order} and every join keeps
 *     that order, so that no sort runs in memory (the database's collation then decides text order)
 * @param distinct SELECT DISTINCT
 * @param limit LIMIT / FETCH FIRST, if any
 * @param offset OFFSET, if any
 * @param width the combined row width
 */
public record CrossClusterPlan(
    String sql,
    List<Fetch> fetches,
    List<JoinStep> joins,
    List<Value> filters,
    Optional<Aggregation> aggregation,
    List<Output> outputs,
    List<SortKey> order,
    boolean orderedAtSource,
    boolean distinct,
    Optional<Bound> limit,
    Optional<Bound> offset,
    int width) implements Plan {

  public CrossClusterPlan {
    fetches = List.copyOf(fetches);
    joins = List.copyOf(joins);
    filters = List.copyOf(filters);
    outputs = List.copyOf(outputs);
    order = List.copyOf(order);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.QUERY;
  }

  /**
   * Whether the last fetch's rows stream through its join into the result instead of being read whole: no
   * ORDER BY, DISTINCT or aggregation needs every row first, the last join has keys, a fetched row may match
   * several earlier rows (else the join is a lookup read whole), and the fetch is a table, not a derived one.
   */
  public boolean streamsLastFetch() {
    if (!order.isEmpty() || distinct || aggregation.isPresent() || joins.isEmpty()) {
      return false;
    }
    JoinStep last = joins.get(joins.size() - 1);
    return last.leftSlots().length > 0 && !last.atMostOneMatch() && !fetches.get(fetches.size() - 1).isDerived();
  }

  /**
   * One query to one cluster.
   *
   * @param cluster the logical cluster
   * @param sql the query up to its key predicate (the whole query unless {@code sqlTail} is set)
   * @param sqlHasWhere whether {@code sql} already has a WHERE (the key predicate is then AND-ed)
   * @param sqlTail what follows the key predicate: a partial aggregation's {@code GROUP BY} (the keys are
   *     filtered before grouping, see {@code PartialQuery}); empty otherwise
   * @param keyColumns the columns the bound keys are matched against, as SQL; empty when unbound
   * @param keySlots the combined-row slots whose distinct non-null values are bound; empty when unbound
   * @param keyArrayType for a single key column on PostgreSQL, the array element type the keys are bound as
   *     ({@code column = ANY(?)}, one parameter whatever the key count); empty for an IN list
   * @param parameters the statement's 1-based parameter indexes, in the order {@code sql} uses them
   * @param offset where this fetch's columns start in the combined row
   * @param width how many columns it selects
   * @param tables what it reads, for EXPLAIN and messages
   * @param derived for a derived table whose own tables span clusters: the plan that computes its rows (then
   *     {@code cluster} and {@code sql} are empty and the fetch is never bound); null for a cluster query
   * @param tableRows for a fetch of one table, its row-count hint from the YAML's {@code tableRows}
   * @param topOrder for the last fetch of a plan whose ORDER BY reads only its columns: the ORDER BY clause
   *     (with a leading space) that lets it return only its top rows when bound by keys, as each of its rows
   *     then joins at least one earlier row ({@link #sqlFor(int, long)}); empty otherwise
   * @param shards for a table of a sharded cluster, the shards its own conditions pin (none pinned: every
   *     shard, the pick still telling whether the key is an integer column); {@link ShardPick#ALL} for every
   *     fetch of an unsharded cluster
   * @param shardKeyColumn for a bound fetch of a sharded table, which of {@code keyColumns} is its shard key:
   *     each key tuple is then sent only to its own shard; -1 otherwise (every batch goes to every shard)
   * @param selectsParameters whether a statement parameter feeds what it selects (its select list, or a derived
   *     table in its FROM): its columns may then take the types of the values bound, run by run; parameters
   *     that only filter or sort leave the columns as they are
   */
  public record Fetch(
      String cluster,
      String sql,
      boolean sqlHasWhere,
      String sqlTail,
      List<String> keyColumns,
      int[] keySlots,
      String keyArrayType,
      List<Integer> parameters,
      int offset,
      int width,
      String tables,
      CrossClusterPlan derived,
      java.util.OptionalLong tableRows,
      String topOrder,
      ShardPick shards,
      int shardKeyColumn,
      boolean selectsParameters) {

    public Fetch {
      keyColumns = List.copyOf(keyColumns);
      keySlots = keySlots.clone();
      parameters = List.copyOf(parameters);
    }

    public boolean bound() {
      return keySlots.length > 0;
    }

    public boolean bindsArray() {
      return !keyArrayType.isEmpty();
    }

    /**
     * The join strategy for {@code keys} distinct keys: a bound fetch binds them (bind join), unless it runs
     * once with only its own filters and joins in memory (hash join), which it does when
     * <ul>
     *   <li>there are more than {@code hashJoinThreshold} keys, it has filters of its own and it is not
     *       {@code streamed}: one filtered query instead of many key batches (without filters it would read
     *       the whole table, so it binds). {@code streamed} means its rows stream into the result from a driver
     *       that would hold the unbound query's whole result first (pgjdbc without a cursor, MySQL's driver
     *       without {@code useCursorFetch}): as many rows as the filters let through, where binding holds one
     *       key batch's rows at a time, so it keeps binding;
     *   <li>its table's {@code tableRows} hint is no more than the keys: the whole table holds no more rows
     *       than there are keys to bind, so one query reads at most that many, filters or not.
     * </ul>
     */
    public boolean joinsByHash(long keys, long hashJoinThreshold, boolean streamed) {
      return bound() && ((sqlHasWhere && !streamed && keys > hashJoinThreshold)
          || (tableRows.isPresent() && keys >= tableRows.getAsLong()));
    }

    /** The rule of {@link #joinsByHash} for this fetch, in words, for EXPLAIN. */
    public String strategyRule(long hashJoinThreshold, boolean streamed) {
      List<String> switches = new ArrayList<>();
      if (sqlHasWhere && !streamed) {
        switches.add("above " + hashJoinThreshold + " keys");
      }
      tableRows.ifPresent(rows -> switches.add("at " + rows + " keys or more (tableRows " + rows + ")"));
      return switches.isEmpty() ? "bind join" : "bind join; hash join " + String.join(" or ", switches);
    }

    public Fetch withTopOrder(String order) {
      return new Fetch(cluster, sql, sqlHasWhere, sqlTail, keyColumns, keySlots, keyArrayType, parameters, offset,
          width, tables, derived, tableRows, order, shards, shardKeyColumn, selectsParameters);
    }

    /** Whether the fetch can return only its top rows ({@link #topOrder}). */
    public boolean cutsTop() {
      return !topOrder.isEmpty();
    }

    /**
     * The SQL for {@code keys} key tuples that returns only the first {@code top} rows in the plan's order:
     * the top rows of the whole result come from them, since each row fetched by a key joins at least one
     * earlier row and the order reads only this fetch's columns.
     */
    public String sqlFor(int keys, long top) {
      return sqlFor(keys) + topOrder + " LIMIT " + top;
    }

    /** The SQL with a key predicate for {@code keys} key tuples, each a row of {@link #keyColumns()}. */
    public String sqlFor(int keys) {
      if (!bound()) {
        return unboundSql();
      }
      if (bindsArray()) {
        return sql + (sqlHasWhere ? " AND " : " WHERE ") + keyColumns.get(0) + " = ANY(?)" + sqlTail;
      }
      String one = keyColumns.size() == 1 ? "?" : "(" + "?, ".repeat(keyColumns.size() - 1) + "?)";
      String target = keyColumns.size() == 1 ? keyColumns.get(0) : "(" + String.join(", ", keyColumns) + ")";
      StringBuilder text = new StringBuilder(sql.length() + sqlTail.length() + 16 + keys * (one.length() + 2));
      text.append(sql).append(sqlHasWhere ? " AND " : " WHERE ").append(target).append(" IN (");
      for (int i = 0; i < keys; i++) {
        text.append(i == 0 ? "" : ", ").append(one);
      }
      return text.append(')').append(sqlTail).toString();
    }

    /** The SQL with no key predicate: its own filters only (a first fetch, or a hash join's one query). */
    public String unboundSql() {
      return sqlTail.isEmpty() ? sql : sql + sqlTail; // no copy of the SQL per run for the usual fetch
    }

    /** The SQL that returns no row, to learn the columns' types: {@code WHERE 1 = 0} in the key's place. */
    public String emptySql() {
      return sql + (sqlHasWhere ? " AND 1 = 0" : " WHERE 1 = 0") + sqlTail;
    }

    /** Whether the rows come from a sub-plan rather than one cluster's query. */
    public boolean isDerived() {
      return derived != null;
    }

    @Override
    public String toString() {
      if (isDerived()) {
        return "Fetch[" + tables + ", computed by:\n      " + derived.describe().replace("\n", "\n      ") + "]";
      }
      return "Fetch[" + cluster + ": " + sqlFor(bound() ? 1 : 0)
          + (bound() ? " <- keys from slots " + Arrays.toString(keySlots) : "")
          + (cutsTop() ? "; top rows only:" + topOrder + " LIMIT offset + limit" : "") + "]";
    }
  }

  /** How the rows of one fetch join the rows accumulated before it. */
  public enum JoinKind { INNER, LEFT, RIGHT, FULL }

  /**
   * @param leftSlots key slots among the earlier fetches' columns
   * @param rightSlots the matching key slots among this fetch's columns
   * @param conditions further ON conditions, evaluated on the combined row
   * @param atMostOneMatch whether a left row matching two fetched rows is an error (21000), as for the
   *     rows of a scalar subquery
   */
  public record JoinStep(JoinKind kind, int[] leftSlots, int[] rightSlots, List<Value> conditions,
      boolean atMostOneMatch) {
    public JoinStep {
      leftSlots = leftSlots.clone();
      rightSlots = rightSlots.clone();
      conditions = List.copyOf(conditions);
    }

    @Override
    public String toString() {
      return kind + " JOIN on slots " + Arrays.toString(leftSlots) + " = " + Arrays.toString(rightSlots)
          + (conditions.isEmpty() ? "" : " and " + conditions) + (atMostOneMatch ? ", at most one match" : "");
    }
  }

  /**
   * Grouping in memory. Each group of combined rows with equal {@code keys} (NULLs equal, as GROUP BY wants)
   * becomes one grouped row: the keys' values, then the aggregates' results, in that order; {@code having}
   * is evaluated on grouped rows. Without keys all rows form one group, even when there are none.
   */
  public record Aggregation(List<Value> keys, List<Aggregate> aggregates, List<Value> having) {
    public Aggregation {
      keys = List.copyOf(keys);
      aggregates = List.copyOf(aggregates);
      having = List.copyOf(having);
    }
  }

  /**
   * One aggregate call.
   *
   * @param function COUNT, SUM, AVG, MIN or MAX; for partial results a cluster computed, SUM0 (a sum of
   *     counts, 0 over no rows) and AVG_OF_SUMS (partial sums in {@code argument}, their counts in
   *     {@code counts})
   * @param distinct whether DISTINCT applies to its argument
   * @param argument its argument over the combined row; empty for COUNT(*)
   * @param typeName the SQL type PostgreSQL gives the result ({@code int8} for COUNT, {@code numeric} for
   *     AVG of integers...), or empty when it depends on the values
   * @param counts for AVG_OF_SUMS, the partial counts; empty otherwise
   */
  public record Aggregate(String function, boolean distinct, Optional<Value> argument, String typeName,
      Optional<Value> counts) {
    /**
     * The {@code typeName} of an AVG computed by MySQL's rule (DECIMAL with the argument's scale plus 4 decimals,
     * rounded half up), for a statement whose answer is MySQL's.
     */
    public static final String MYSQL_AVERAGE = "decimal+4";

    public Aggregate(String function, boolean distinct, Optional<Value> argument, String typeName) {
      this(function, distinct, argument, typeName, Optional.empty());
    }

    @Override
    public String toString() {
      return function + "(" + (distinct ? "DISTINCT " : "") + argument.map(Object::toString).orElse("*")
          + counts.map(c -> ", " + c).orElse("") + ")";
    }
  }

  /** A value of the combined row: a fetched column, or an expression computed in memory. */
  public sealed interface Value permits Slot, Computed {}

  public record Slot(int slot) implements Value {
    @Override
    public String toString() {
      return "$" + slot;
    }
  }

  /**
   * @param expression the compiled expression over the combined row's slots
   * @param text the SQL it came from, for EXPLAIN and messages
   * @param typeName the SQL type PostgreSQL would give it ({@code int4}, {@code numeric}, {@code text}...), or
   *     empty when not known before evaluation
   */
  public record Computed(io.xcluster.rewriter.eval.Expr expression, String text, String typeName)
      implements Value {
    @Override
    public String toString() {
      return "{" + text + "}";
    }
  }

  /**
   * One column of the result.
   *
   * @param label the label, or empty to take the label the cluster gave the fetched column
   * @param column what is known of it before running: the name an enclosing query uses for it, and its type
   */
  public record Output(Value value, Optional<String> label, CatalogColumn column) {
    @Override
    public String toString() {
      return value + label.map(name -> " AS " + name).orElse("");
    }
  }

  public record SortKey(Value value, boolean ascending, boolean nullsFirst) {
    @Override
    public String toString() {
      return value + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  /** A LIMIT or OFFSET: a literal, or the value of a statement parameter (1-based index). */
  public record Bound(long literal, int parameter) {
    public static Bound of(long literal) {
      return new Bound(literal, 0);
    }

    public static Bound parameter(int index) {
      return new Bound(-1, index);
    }

    @Override
    public String toString() {
      return parameter == 0 ? Long.toString(literal) : "parameter " + parameter;
    }
  }

  /** A readable form, one step per line: what EXPLAIN and golden tests show. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < fetches.size(); i++) {
      if (i > 0) {
        text.append("  ").append(joins.get(i - 1)).append('\n');
      }
      text.append(i + 1).append(". ").append(fetches.get(i)).append('\n');
    }
    if (!filters.isEmpty()) {
      text.append("filter ").append(filters).append('\n');
    }
    aggregation.ifPresent(grouping -> text.append("group by ").append(grouping.keys()).append(" computing ")
        .append(grouping.aggregates()).append(grouping.having().isEmpty() ? "" : " having " + grouping.having())
        .append('\n'));
    text.append("output ").append(outputs.stream().map(Object::toString).collect(Collectors.joining(", ")));
    if (!order.isEmpty()) {
      text.append(orderedAtSource ? "\norder (by fetch 1) " : "\norder ").append(order);
    }
    limit.ifPresent(bound -> text.append("\nlimit ").append(bound));
    offset.ifPresent(bound -> text.append("\noffset ").append(bound));
    return text.toString();
  }
}
