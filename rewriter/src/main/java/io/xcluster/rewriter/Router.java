package io.xcluster.rewriter;

import io.xcluster.config.ClusterConfig;
import io.xcluster.config.XClusterConfig;
import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import io.xcluster.rewriter.analysis.Analysis;
import io.xcluster.rewriter.cross.CrossClusterPlanner;
import io.xcluster.rewriter.cross.SetOperationPlanner;
import io.xcluster.rewriter.parse.ParseResult;
import io.xcluster.rewriter.parse.SqlParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.SetOperationList;

/** Decides one SQL string's plan, uncached; the rules are {@link Planner}'s. */
final class Router {
  private final XClusterConfig config;
  private final SqlParser parser;

  Router(XClusterConfig config, SqlParser parser) {
    this.config = config;
    this.parser = parser;
  }

  Plan route(String sql, ColumnCatalog catalog) {
    Optional<String> hinted = Hint.clusterOf(sql);
    if (hinted.isPresent()) {
      return hinted(sql, hinted.get());
    }
    ParseResult result = parser.parse(sql);
    if (result instanceof ParseResult.Unparsable unparsable) {
      return unparsed(sql, unparsable);
    }
    return analysed(sql, ((ParseResult.Parsed) result).statement(), catalog);
  }

  /** The walks are iterative where trees grow deep; should one still overflow, the SQL counts as unparsable. */
  private Plan analysed(String sql, Statement statement, ColumnCatalog catalog) {
    Analysis analysis;
    try {
      analysis = Analysis.of(statement);
    } catch (StackOverflowError tooDeep) {
      return unparsed(sql, new ParseResult.Unparsable(0, 0, "the statement is too deeply nested to analyse"));
    }
    return parsed(sql, statement, analysis, catalog);
  }

  private Plan hinted(String sql, String cluster) {
    List<String> servers = config.servers().stream().map(ClusterConfig::name).toList();
    if (!servers.contains(cluster)) {
      throw RoutingErrors.unknownHintCluster(cluster, servers);
    }
    return new Plan.PassThrough(cluster, sql, StatementKind.UNPARSED, List.of(), Plan.Reason.HINT);
  }

  private Plan unparsed(String sql, ParseResult.Unparsable failure) {
    String cluster = config.options().defaultCluster().orElseThrow(() -> RoutingErrors.unparsable(failure));
    if (config.cluster(cluster).isSharded()) {
      throw RoutingErrors.unparsable(failure); // which shard it belongs to is in the SQL xcluster cannot read
    }
    return new Plan.PassThrough(cluster, sql, StatementKind.UNPARSED, List.of(), Plan.Reason.UNPARSED_TO_DEFAULT);
  }

  private Plan parsed(String sql, Statement statement, Analysis analysis, ColumnCatalog catalog) {
    if (analysis.tables().isEmpty()) {
      return new Plan.PassThrough(fallbackCluster(), sql, analysis.kind(), List.of(), Plan.Reason.NO_TABLES);
    }
    TablePlacement placement = TablePlacement.resolve(analysis.tables(), config.tables());
    if (placement.byCluster().size() == 1 && config.cluster(placement.byCluster().keySet().iterator().next()).isSharded()) {
      return sharded(sql, statement, analysis, catalog, placement);
    }
    if (placement.byCluster().size() > 1) {
      if (analysis.kind() != StatementKind.QUERY || catalog == ColumnCatalog.NONE) {
        throw RoutingErrors.crossCluster(analysis.kind(), placement);
      }
      return crossCluster(sql, statement, catalog, placement);
    }
    String cluster = placement.byCluster().keySet().iterator().next();
    return new Plan.PassThrough(cluster, sql, analysis.kind(), analysis.tables(), Plan.Reason.TABLES);
  }

  /** A statement of one sharded cluster: to the shards its keys pick, else (a SELECT) merged from every shard. */
  private Plan sharded(String sql, Statement statement, Analysis analysis, ColumnCatalog catalog,
      TablePlacement placement) {
    ClusterConfig cluster = config.cluster(placement.byCluster().keySet().iterator().next());
    Optional<Plan.PassThrough> routed = new ShardRouter(cluster, catalog).route(sql, statement, analysis);
    if (routed.isPresent()) {
      return routed.get();
    }
    if (catalog == ColumnCatalog.NONE) {
      throw RoutingErrors.crossCluster(analysis.kind(), placement);
    }
    return crossCluster(sql, statement, catalog, placement);
  }

  /** Deep expression trees that still overflow the planner's walks are refused, never thrown as errors. */
  private Plan crossCluster(String sql, Statement statement, ColumnCatalog catalog, TablePlacement placement) {
    try {
      if (statement instanceof SetOperationList list) {
        return new SetOperationPlanner(config, catalog).plan(sql, list);
      }
      return new CrossClusterPlanner(config, catalog).plan(sql, statement);
    } catch (StackOverflowError tooDeep) {
      throw new XClusterException(SqlState.FEATURE_NOT_SUPPORTED, "the SELECT over " + placement.describe()
          + " is too deeply nested to decompose across clusters. Fix: simplify its conditions");
    } catch (XClusterException refused) {
      if (refused.state() != SqlState.FEATURE_NOT_SUPPORTED) {
        throw refused;
      }
      throw new XClusterException(SqlState.FEATURE_NOT_SUPPORTED,
          refused.getMessage() + " [tables: " + placement.describe() + "]", refused);
    }
  }

  /** For a statement without tables: the default cluster, else the first declared; of a sharded one, its first shard. */
  private String fallbackCluster() {
    String cluster = config.options().defaultCluster()
        .or(() -> config.clusters().keySet().stream().findFirst())
        .orElseThrow(() -> RoutingErrors.noClusters(config.source()));
    return config.cluster(cluster).servers().get(0).name();
  }
}
