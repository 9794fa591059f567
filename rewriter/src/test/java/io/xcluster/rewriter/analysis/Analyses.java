package io.xcluster.rewriter.analysis;

import static org.junit.jupiter.api.Assertions.fail;

import io.xcluster.rewriter.parse.ParseResult;
import io.xcluster.rewriter.parse.SqlParser;
import java.util.List;
import java.util.stream.Collectors;

/** Parses and analyses SQL in tests. */
final class Analyses {
  private static final SqlParser PARSER = new SqlParser(10_000);

  private Analyses() {}

  static Analysis of(String sql) {
    ParseResult result = PARSER.parse(sql);
    if (result instanceof ParseResult.Unparsable failure) {
      return fail(failure.describe() + " in: " + sql);
    }
    return Analysis.of(((ParseResult.Parsed) result).statement());
  }

  /** The tables as {@link io.xcluster.config.TableName#toString()} prints them. */
  static List<String> tables(String sql) {
    return of(sql).tables().stream().map(Object::toString).collect(Collectors.toList());
  }
}
