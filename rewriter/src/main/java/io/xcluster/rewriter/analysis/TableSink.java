package io.xcluster.rewriter.analysis;

import io.xcluster.config.TableName;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;

/**
 * The tables found so far, each once (first spelling wins), in order of first appearance, and the CTE
 * names in scope. A reference resolves to a CTE when an enclosing WITH declares its (unqualified) name;
 * scopes nest, so an inner query sees its own CTEs and every enclosing one.
 */
final class TableSink {
  private static final String DUAL = "dual";

  private final Map<String, TableName> tables = new LinkedHashMap<>();
  private final Deque<Set<String>> cteScopes = new ArrayDeque<>();

  /** A table that a FROM, JOIN, USING... reads: skipped when it names a CTE in scope. */
  void reference(Table table) {
    if (table != null && !isCte(table)) {
      target(table);
    }
  }

  /** A table that a statement writes or defines: never a CTE, whatever the WITH clause says. */
  void target(Table table) {
    if (table != null && !table.isTableVariable() && !isDual(table)) {
      add(TableNames.of(table));
    }
  }

  void add(TableName table) {
    tables.putIfAbsent(TableNames.identity(table), table);
  }

  void openCteScope() {
    cteScopes.push(new HashSet<>());
  }

  void declareCte(String writtenName) {
    if (writtenName != null && !cteScopes.isEmpty()) {
      cteScopes.peek().add(TableNames.identity(writtenName));
    }
  }

  void closeCteScope() {
    cteScopes.pop();
  }

  List<TableName> tables() {
    return List.copyOf(tables.values());
  }

  private boolean isCte(Table table) {
    if (table.getSchemaName() != null) {
      return false;
    }
    String name = TableNames.identity(table.getName());
    return cteScopes.stream().anyMatch(scope -> scope.contains(name));
  }

  /** MySQL's and Oracle's {@code FROM DUAL} names no table. */
  private static boolean isDual(Table table) {
    return table.getSchemaName() == null && !TableNames.isQuoted(table.getName())
        && DUAL.equals(TableNames.identity(table.getName()));
  }
}
