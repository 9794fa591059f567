package io.xcluster.rewriter.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.IsUnknownExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.SupportsOldOracleJoinSyntax;
import net.sf.jsqlparser.schema.Column;

/**
 * Compiles a JSqlParser expression into an {@link Expr}, with PostgreSQL's semantics.
 *
 * <p>Every node class is checked against an explicit list before the visitor sees it: JSqlParser's adapter
 * quietly visits the children of nodes it is not told about (a {@code COLLATE}, a {@code ~} or an unknown
 * operator would otherwise vanish and leave a plausible but wrong expression), so anything not listed is
 * refused with FEATURE_NOT_SUPPORTED, naming the construct. Subqueries, window functions, aggregates and
 * functions other than those in {@link ScalarFunction} are refused the same way.
 */
public final class ExprCompiler extends ExpressionVisitorAdapter<Expr> {
  private static final Set<Class<?>> SUPPORTED = Set.of(LongValue.class, DoubleValue.class, StringValue.class,
      NullValue.class, BooleanValue.class, DateTimeLiteralExpression.class, Column.class, JdbcParameter.class,
      ParenthesedExpressionList.class, SignedExpression.class, Addition.class,
      Subtraction.class, Multiplication.class, Division.class, Modulo.class, Concat.class, EqualsTo.class,
      NotEqualsTo.class, GreaterThan.class, GreaterThanEquals.class, MinorThan.class, MinorThanEquals.class,
      AndExpression.class, OrExpression.class, NotExpression.class, IsNullExpression.class,
      IsBooleanExpression.class, IsUnknownExpression.class, IsDistinctExpression.class, InExpression.class,
      Between.class, LikeExpression.class, CaseExpression.class, CastExpression.class, Function.class,
      TrimFunction.class);

  private final ColumnResolver resolver;
  private final FunctionCompiler functions = new FunctionCompiler(this);

  private ExprCompiler(ColumnResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * @throws io.xcluster.error.XClusterException FEATURE_NOT_SUPPORTED naming the first construct the
   *     evaluator cannot compute exactly; whatever the resolver throws for an unknown column
   */
  public static Expr compile(Expression expression, ColumnResolver resolver) {
    return new ExprCompiler(resolver).compile(expression);
  }

  Expr compile(Expression expression) {
    Optional<ColumnResolver.Computed> computed = resolver.computed(expression);
    if (computed.isPresent()) {
      return new ColumnRef(computed.get().slot(), expression.toString(), computed.get().kind());
    }
    boolean listed = SUPPORTED.contains(expression.getClass())
        || expression instanceof ParenthesedExpressionList; // includes the deprecated Parenthesis
    if (!listed || usesOracleSyntax(expression)) {
      throw Constructs.refuse(expression);
    }
    Expr compiled = expression.accept(this, null);
    if (compiled == null) {
      throw Constructs.refuse(expression);
    }
    return compiled;
  }

  private static boolean usesOracleSyntax(Expression expression) {
    if (expression instanceof SupportsOldOracleJoinSyntax oracle) {
      return oracle.getOldOracleJoinSyntax() != SupportsOldOracleJoinSyntax.NO_ORACLE_JOIN
          || oracle.getOraclePriorPosition() != SupportsOldOracleJoinSyntax.NO_ORACLE_PRIOR;
    }
    return expression instanceof Column column
        && (column.getOldOracleJoinSyntax() != SupportsOldOracleJoinSyntax.NO_ORACLE_JOIN
            || column.getArrayConstructor() != null);
  }

  private List<Expr> compileAll(List<? extends Expression> expressions) {
    List<Expr> compiled = new ArrayList<>();
    for (Expression expression : expressions) {
      compiled.add(compile(expression));
    }
    return compiled;
  }

  @Override
  public <S> Expr visit(LongValue value, S context) {
    return Literals.integer(value.getStringValue());
  }

  @Override
  public <S> Expr visit(DoubleValue value, S context) {
    return Literals.decimal(value.toString());
  }

  @Override
  public <S> Expr visit(StringValue value, S context) {
    return Literals.string(value);
  }

  @Override
  public <S> Expr visit(NullValue value, S context) {
    return Const.NULL;
  }

  @Override
  public <S> Expr visit(BooleanValue value, S context) {
    return Const.of(value.getValue());
  }

  @Override
  public <S> Expr visit(DateTimeLiteralExpression literal, S context) {
    return Literals.temporal(literal);
  }

  @Override
  public <S> Expr visit(Column column, S context) {
    return new ColumnRef(resolver.slotOf(column), column.getFullyQualifiedName(), resolver.kindOf(column));
  }

  @Override
  public <S> Expr visit(JdbcParameter parameter, S context) {
    if (parameter.getIndex() == null || parameter.getIndex() < 1) {
      throw Constructs.refuse(parameter);
    }
    return new Param(parameter.getIndex());
  }

  @Override
  public <S> Expr visit(ExpressionList<? extends Expression> list, S context) {
    if (list instanceof ParenthesedExpressionList && list.size() == 1) {
      return compile(list.get(0));
    }
    throw EvalErrors.unsupported("the row value " + Constructs.sql(list), "row values are not evaluated");
  }

  @Override
  public <S> Expr visit(SignedExpression signed, S context) {
    Expression operand = signed.getExpression();
    switch (signed.getSign()) {
      case '-':
        if (operand instanceof LongValue literal) {
          return Literals.integer("-" + literal.getStringValue());
        }
        if (operand instanceof DoubleValue literal) {
          return Literals.decimal("-" + literal);
        }
        return new Signed(true, compile(operand));
      case '+':
        return new Signed(false, compile(operand));
      default:
        throw Constructs.refuse(signed);
    }
  }

  @Override
  public <S> Expr visit(Addition expression, S context) {
    return arithmetic(ArithmeticOp.ADD, expression);
  }

  @Override
  public <S> Expr visit(Subtraction expression, S context) {
    return arithmetic(ArithmeticOp.SUBTRACT, expression);
  }

  @Override
  public <S> Expr visit(Multiplication expression, S context) {
    return arithmetic(ArithmeticOp.MULTIPLY, expression);
  }

  @Override
  public <S> Expr visit(Division expression, S context) {
    return arithmetic(ArithmeticOp.DIVIDE, expression);
  }

  @Override
  public <S> Expr visit(Modulo expression, S context) {
    return arithmetic(ArithmeticOp.MODULO, expression);
  }

  private Expr arithmetic(ArithmeticOp op, BinaryExpression expression) {
    Expr left = compile(expression.getLeftExpression());
    Expr right = compile(expression.getRightExpression());
    if (op == ArithmeticOp.DIVIDE && resolver.dialect() == io.xcluster.rewriter.Dialect.MYSQL) {
      return new MysqlDivision(left, right);
    }
    return new Arithmetic(op, left, right);
  }

  @Override
  public <S> Expr visit(Concat expression, S context) {
    return new Concatenation(compile(expression.getLeftExpression()), compile(expression.getRightExpression()));
  }

  @Override
  public <S> Expr visit(EqualsTo expression, S context) {
    return comparison(CompareOp.EQUAL, expression);
  }

  @Override
  public <S> Expr visit(NotEqualsTo expression, S context) {
    return comparison(CompareOp.NOT_EQUAL, expression);
  }

  @Override
  public <S> Expr visit(GreaterThan expression, S context) {
    return comparison(CompareOp.GREATER, expression);
  }

  @Override
  public <S> Expr visit(GreaterThanEquals expression, S context) {
    return comparison(CompareOp.GREATER_OR_EQUAL, expression);
  }

  @Override
  public <S> Expr visit(MinorThan expression, S context) {
    return comparison(CompareOp.LESS, expression);
  }

  @Override
  public <S> Expr visit(MinorThanEquals expression, S context) {
    return comparison(CompareOp.LESS_OR_EQUAL, expression);
  }

  private Expr comparison(CompareOp op, BinaryExpression expression) {
    return new Comparison(op, compile(expression.getLeftExpression()), compile(expression.getRightExpression()));
  }

  @Override
  public <S> Expr visit(AndExpression expression, S context) {
    return new And(compile(expression.getLeftExpression()), compile(expression.getRightExpression()));
  }

  @Override
  public <S> Expr visit(OrExpression expression, S context) {
    return new Or(compile(expression.getLeftExpression()), compile(expression.getRightExpression()));
  }

  @Override
  public <S> Expr visit(NotExpression expression, S context) {
    if (expression.isExclamationMark()) {
      throw EvalErrors.unsupported("MySQL's ! operator in " + Constructs.sql(expression), "use NOT");
    }
    return new Not(compile(expression.getExpression()));
  }

  @Override
  public <S> Expr visit(IsNullExpression expression, S context) {
    boolean negated = expression.isNot() || expression.isUseNotNull();
    return new NullTest(compile(expression.getLeftExpression()), negated);
  }

  @Override
  public <S> Expr visit(IsBooleanExpression expression, S context) {
    return new TruthTest(compile(expression.getLeftExpression()), Optional.of(expression.isTrue()),
        expression.isNot());
  }

  @Override
  public <S> Expr visit(IsUnknownExpression expression, S context) {
    return new TruthTest(compile(expression.getLeftExpression()), Optional.empty(), expression.isNot());
  }

  @Override
  public <S> Expr visit(IsDistinctExpression expression, S context) {
    return new DistinctTest(compile(expression.getLeftExpression()), compile(expression.getRightExpression()),
        expression.isNot());
  }

  @Override
  public <S> Expr visit(InExpression expression, S context) {
    Expression right = expression.getRightExpression();
    if (expression.isGlobal() || !(right instanceof ParenthesedExpressionList<?> items) || items.isEmpty()) {
      throw EvalErrors.unsupported("the IN " + Constructs.sql(right), right instanceof ParenthesedExpressionList
          ? "an empty IN list is not SQL" : "only IN with a list of values is evaluated in memory, not IN a "
          + "subquery");
    }
    return new InList(compile(expression.getLeftExpression()), compileAll(items), expression.isNot());
  }

  @Override
  public <S> Expr visit(Between expression, S context) {
    return new BetweenRange(compile(expression.getLeftExpression()),
        compile(expression.getBetweenExpressionStart()), compile(expression.getBetweenExpressionEnd()),
        expression.isNot(), expression.isUsingSymmetric());
  }

  @Override
  public <S> Expr visit(LikeExpression expression, S context) {
    LikeExpression.KeyWord keyword = expression.getLikeKeyWord();
    boolean known = keyword == LikeExpression.KeyWord.LIKE || keyword == LikeExpression.KeyWord.ILIKE;
    if (!known || expression.isUseBinary()) {
      throw EvalErrors.unsupported("the pattern match " + Constructs.sql(expression),
          "only LIKE and ILIKE are evaluated in memory");
    }
    Optional<Expr> escape = Optional.ofNullable(expression.getEscape()).map(this::compile);
    return new LikeMatch(compile(expression.getLeftExpression()), compile(expression.getRightExpression()),
        escape, keyword == LikeExpression.KeyWord.ILIKE, expression.isNot());
  }

  @Override
  public <S> Expr visit(CaseExpression expression, S context) {
    Optional<Expr> subject = Optional.ofNullable(expression.getSwitchExpression()).map(this::compile);
    List<Expr> conditions = new ArrayList<>();
    List<Expr> results = new ArrayList<>();
    for (WhenClause when : expression.getWhenClauses()) {
      conditions.add(compile(when.getWhenExpression()));
      results.add(compile(when.getThenExpression()));
    }
    Expression otherwise = expression.getElseExpression();
    results.add(otherwise == null ? Const.NULL : compile(otherwise));
    return new CaseWhen(subject, conditions, Unification.of("CASE", results));
  }

  @Override
  public <S> Expr visit(CastExpression cast, S context) {
    String keyword = cast.keyword;
    boolean plain = (keyword == null || keyword.equalsIgnoreCase("CAST")) && cast.getFormat() == null
        && (cast.getColumnDefinitions() == null || cast.getColumnDefinitions().isEmpty());
    if (!plain) {
      throw EvalErrors.unsupported("the conversion " + Constructs.sql(cast),
          "only CAST(x AS type) and x::type are evaluated in memory");
    }
    return new CastTo(compile(cast.getLeftExpression()), CastTypes.parse(cast.getColDataType()));
  }

  @Override
  public <S> Expr visit(Function function, S context) {
    return functions.compile(function);
  }

  @Override
  public <S> Expr visit(TrimFunction trim, S context) {
    return functions.trim(trim);
  }
}
