package io.xcluster.rewriter.analysis;

import io.xcluster.config.TableName;
import io.xcluster.rewriter.StatementKind;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;

/**
 * What routing needs to know about one parsed statement.
 *
 * @param kind what the statement does
 * @param tables every table it names, each once, in order of first appearance; CTE names, aliases, table
 *     functions and {@code DUAL} are not tables
 */
public record Analysis(StatementKind kind, List<TableName> tables) {

  public Analysis {
    tables = List.copyOf(tables);
  }

  /** Analyses a statement; the statement is only read. */
  public static Analysis of(Statement statement) {
    StatementKind kind = Optional.ofNullable(statement.accept(new KindClassifier(), null))
        .orElse(StatementKind.OTHER);
    return new Analysis(kind, TableWalk.tablesOf(statement));
  }
}
