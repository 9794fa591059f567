package io.xcluster.rewriter.eval;

import java.util.List;
import java.util.Optional;

/**
 * The scalar functions the evaluator computes, with their arities. All return NULL for a NULL argument
 * except CONCAT, which skips NULLs. POSITION takes {@code (text, needle)} like {@code STRPOS};
 * {@code POSITION(needle IN text)} and {@code TRIM(...)} are compiled to these.
 */
enum ScalarFunction {
  LOWER(1, 1),
  UPPER(1, 1),
  LENGTH(1, 1),
  CHAR_LENGTH(1, 1),
  ABS(1, 1),
  ROUND(1, 2),
  FLOOR(1, 1),
  CEIL(1, 1),
  MOD(2, 2),
  SUBSTRING(2, 3),
  POSITION(2, 2),
  BTRIM(1, 2),
  LTRIM(1, 2),
  RTRIM(1, 2),
  REPLACE(3, 3),
  CONCAT(1, Integer.MAX_VALUE);

  private static final String SPACE = " ";

  private final int minArguments;
  private final int maxArguments;

  ScalarFunction(int minArguments, int maxArguments) {
    this.minArguments = minArguments;
    this.maxArguments = maxArguments;
  }

  boolean accepts(int arguments) {
    return arguments >= minArguments && arguments <= maxArguments;
  }

  boolean strict() {
    return this != CONCAT;
  }

  Object apply(List<Object> args) {
    Object first = args.get(0);
    switch (this) {
      case LOWER:
        return AsciiCase.lower(Arguments.text(first, name()), name());
      case UPPER:
        return AsciiCase.upper(Arguments.text(first, name()), name());
      case LENGTH:
      case CHAR_LENGTH:
        return StringFunctions.length(first, name());
      case ABS:
        return MathFunctions.abs(first);
      case ROUND:
        return args.size() == 1 ? MathFunctions.round(first) : MathFunctions.round(first, args.get(1));
      case FLOOR:
        return MathFunctions.floor(first);
      case CEIL:
        return MathFunctions.ceil(first);
      case MOD:
        return Numbers.apply(ArithmeticOp.MODULO, first, args.get(1));
      default:
        return applyText(args);
    }
  }

  private Object applyText(List<Object> args) {
    if (this == CONCAT) {
      return StringFunctions.concat(args);
    }
    String text = Arguments.text(args.get(0), name());
    switch (this) {
      case SUBSTRING:
        return StringFunctions.substring(text, Arguments.int32(args.get(1), name()),
            args.size() == 2 ? null : Arguments.int32(args.get(2), name()));
      case POSITION:
        return StringFunctions.position(Arguments.text(args.get(1), name()), text);
      case REPLACE:
        return StringFunctions.replace(text, Arguments.text(args.get(1), name()),
            Arguments.text(args.get(2), name()));
      default:
        String characters = args.size() == 1 ? SPACE : Arguments.text(args.get(1), name());
        return StringFunctions.trim(text, characters, this != RTRIM, this != LTRIM);
    }
  }

  /** The result kind given the argument kinds, when they are known. */
  Optional<ValueKind> kind(List<Optional<ValueKind>> args) {
    switch (this) {
      case LENGTH:
      case CHAR_LENGTH:
      case POSITION:
        return Optional.of(ValueKind.INTEGER);
      case ABS:
        return args.get(0);
      case ROUND:
      case FLOOR:
      case CEIL:
        return args.size() == 2 ? Optional.of(ValueKind.NUMERIC) : args.get(0).map(ScalarFunction::rounded);
      case MOD:
        return Arithmetic.resultKind(args.get(0), args.get(1));
      default:
        return Optional.of(ValueKind.TEXT);
    }
  }

  /** round, floor and ceil keep numeric, and give double precision for everything else. */
  private static ValueKind rounded(ValueKind argument) {
    return argument == ValueKind.NUMERIC ? ValueKind.NUMERIC : ValueKind.DOUBLE;
  }
}
