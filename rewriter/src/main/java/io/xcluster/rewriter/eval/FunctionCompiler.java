package io.xcluster.rewriter.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.relational.NamedExpressionList;

/**
 * Compiles function calls: the conditional forms (COALESCE, NULLIF, GREATEST, LEAST) to their nodes and the
 * scalar functions of {@link ScalarFunction} to a {@link Call}. Only a plain call is accepted: no DISTINCT,
 * {@code *}, ORDER BY, FILTER, schema-qualified or quoted name, or JDBC {@code {fn ...}} escape.
 */
final class FunctionCompiler {
  private static final Map<String, ScalarFunction> SCALARS = Map.ofEntries(
      Map.entry("LOWER", ScalarFunction.LOWER), Map.entry("UPPER", ScalarFunction.UPPER),
      Map.entry("LENGTH", ScalarFunction.LENGTH), Map.entry("CHAR_LENGTH", ScalarFunction.CHAR_LENGTH),
      Map.entry("CHARACTER_LENGTH", ScalarFunction.CHAR_LENGTH), Map.entry("ABS", ScalarFunction.ABS),
      Map.entry("ROUND", ScalarFunction.ROUND), Map.entry("FLOOR", ScalarFunction.FLOOR),
      Map.entry("CEIL", ScalarFunction.CEIL), Map.entry("CEILING", ScalarFunction.CEIL),
      Map.entry("MOD", ScalarFunction.MOD), Map.entry("SUBSTRING", ScalarFunction.SUBSTRING),
      Map.entry("SUBSTR", ScalarFunction.SUBSTRING), Map.entry("STRPOS", ScalarFunction.POSITION),
      Map.entry("BTRIM", ScalarFunction.BTRIM), Map.entry("LTRIM", ScalarFunction.LTRIM),
      Map.entry("RTRIM", ScalarFunction.RTRIM), Map.entry("REPLACE", ScalarFunction.REPLACE),
      Map.entry("CONCAT", ScalarFunction.CONCAT));

  /** Functions with their own node or argument order rather than a plain {@link ScalarFunction}. */
  private static final Set<String> SPECIAL = Set.of("COALESCE", "GREATEST", "LEAST", "NULLIF", "POSITION");

  private final ExprCompiler compiler;

  FunctionCompiler(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  Expr compile(Function function) {
    if (!isPlain(function)) {
      throw Constructs.refuseFunction(function, "this form of call is not evaluated in memory");
    }
    String name = function.getName().toUpperCase(Locale.ROOT);
    if (!SCALARS.containsKey(name) && !SPECIAL.contains(name)) {
      throw Constructs.refuseFunction(function, "the expression evaluator does not implement it");
    }
    List<Expr> args = arguments(function, name);
    switch (name) {
      case "COALESCE":
        return new Coalesce(Unification.of("COALESCE", requireArity(function, args, 1, Integer.MAX_VALUE)));
      case "GREATEST":
      case "LEAST":
        return new Extremum(name.equals("GREATEST"),
            Unification.of(name, requireArity(function, args, 1, Integer.MAX_VALUE)));
      case "NULLIF":
        requireArity(function, args, 2, 2);
        return new NullIf(args.get(0), args.get(1));
      case "POSITION":
        if (function.getNamedParameters() == null) {
          throw Constructs.refuseFunction(function, "only POSITION(needle IN text) is read");
        }
        return new Call(ScalarFunction.POSITION, List.of(args.get(1), args.get(0)));
      default:
        return scalar(function, name, args);
    }
  }

  /** {@code TRIM([LEADING|TRAILING|BOTH] [characters] FROM text)} or {@code TRIM(text)}. */
  Expr trim(TrimFunction trim) {
    Expression characters = trim.getExpression();
    Expression text = trim.getFromExpression();
    if (text == null) {
      text = characters;
      characters = null;
    } else if (!trim.isUsingFromKeyword()) {
      throw EvalErrors.unsupported("the call " + Constructs.sql(trim), "only TRIM(... FROM text) is read");
    }
    if (text == null) {
      throw EvalErrors.unsupported("the call " + Constructs.sql(trim), "it has nothing to trim");
    }
    List<Expr> args = new ArrayList<>(List.of(compiler.compile(text)));
    if (characters != null) {
      args.add(compiler.compile(characters));
    }
    TrimFunction.TrimSpecification side = trim.getTrimSpecification();
    ScalarFunction function = side == TrimFunction.TrimSpecification.LEADING ? ScalarFunction.LTRIM
        : side == TrimFunction.TrimSpecification.TRAILING ? ScalarFunction.RTRIM : ScalarFunction.BTRIM;
    return new Call(function, args);
  }

  private Expr scalar(Function function, String name, List<Expr> args) {
    ScalarFunction scalar = SCALARS.get(name);
    if (!scalar.accepts(args.size())) {
      throw wrongArity(function, args.size());
    }
    return new Call(scalar, args);
  }

  private List<Expr> arguments(Function function, String name) {
    NamedExpressionList<?> named = function.getNamedParameters();
    List<? extends Expression> expressions = named == null
        ? function.getParameters() == null ? List.of() : function.getParameters()
        : namedArguments(function, name, named);
    List<Expr> args = new ArrayList<>();
    for (Expression expression : expressions) {
      args.add(compiler.compile(expression));
    }
    return args;
  }

  /** {@code SUBSTRING(text FROM start [FOR count])} and {@code POSITION(needle IN text)}. */
  private static List<? extends Expression> namedArguments(Function function, String name,
      NamedExpressionList<?> named) {
    List<String> names = new ArrayList<>();
    named.getNames().forEach(part -> names.add(part.toUpperCase(Locale.ROOT)));
    boolean known = name.equals("SUBSTRING")
        && (names.equals(List.of("", "FROM")) || names.equals(List.of("", "FROM", "FOR")))
        || name.equals("POSITION") && names.equals(List.of("", "IN"));
    if (!known) {
      throw Constructs.refuseFunction(function, "this keyword form is not evaluated in memory");
    }
    return named;
  }

  private static boolean isPlain(Function function) {
    return function.getMultipartName().size() == 1 && !function.getName().contains("\"")
        && !function.isDistinct() && !function.isAllColumns() && !function.isUnique()
        && !function.isEscaped() && !function.isIgnoreNulls() && !function.isIgnoreNullsOutside()
        && function.getNullHandling() == null && function.getKeep() == null
        && function.getOrderByElements() == null && function.getHavingClause() == null
        && function.getLimit() == null && function.getChainedParameters() == null
        && function.getAttribute() == null
        && function.getExtraKeyword() == null && function.getOnOverflowTruncate() == null
        && (function.getKeywordArguments() == null || function.getKeywordArguments().isEmpty());
  }

  private static List<Expr> requireArity(Function function, List<Expr> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      throw wrongArity(function, args.size());
    }
    return args;
  }

  private static RuntimeException wrongArity(Function function, int count) {
    return Constructs.refuseFunction(function, "it is not evaluated with " + count + " argument(s)");
  }
}
