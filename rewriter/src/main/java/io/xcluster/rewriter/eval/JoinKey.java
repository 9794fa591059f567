package io.xcluster.rewriter.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A hashable key of one or more column values, equal exactly when the database's {@code =} would say so for
 * every part, for hash joins (and, with {@link #grouping}, for GROUP BY and DISTINCT).
 *
 * <p>Each part is reduced to a canonical form: integral numbers of any Java type to Long ({@code Integer 1},
 * {@code Long 1}, {@code BigDecimal 1.00} are one key), other exact numbers to a BigDecimal without trailing
 * zeros, a date to that date's midnight (PostgreSQL's {@code date = timestamp}), a timestamp with time zone
 * to its instant, byte arrays by content. Text is compared exactly (case-sensitive, trailing spaces
 * significant), as PostgreSQL's deterministic collations do; MySQL's default collations ignore case and
 * trailing spaces, which is for the planner to account for (PITFALLS.md). Values of different families
 * (text and number, boolean and integer) are never equal: PostgreSQL rejects such a join and MySQL converts,
 * so the planner must refuse it; {@link #families} lets the executor check both sides agree.
 *
 * <p>Floating-point values: PostgreSQL compares {@code numeric = double precision} by rounding the numeric
 * to double ({@code 0.1::numeric = 0.1::float8} is TRUE), which no hash can reproduce. An integral float
 * below 2^53 is exact and joins as the integer it is (1.0 equals 1, as in PostgreSQL); any other float join
 * key is refused. For grouping, where all values of a column share one type, floats are kept as Doubles
 * (NaN equal to NaN, -0 equal to 0, as PostgreSQL groups them).
 */
public final class JoinKey {
  private static final double EXACT_FLOAT_LIMIT = 0x1p53;

  /** The broad type of a key part, which must agree between the two sides of a join. */
  public enum Family {
    NUMBER, TEXT, BOOLEAN, UUID, BYTES, TIMESTAMP, TIMESTAMPTZ, TIME
  }

  private final Object[] parts;

  private JoinKey(Object[] parts) {
    this.parts = parts;
  }

  /** The join key of these values, or empty if any is NULL: a NULL key never matches, on either side. */
  public static Optional<JoinKey> of(List<?> values) {
    return Optional.ofNullable(ofOwned(values.toArray()));
  }

  public static Optional<JoinKey> of(Object... values) {
    return of(Arrays.asList(values));
  }

  /**
   * As {@link #of(List)} without the copies, for the executor's per-row keys: {@code values} becomes the
   * key's own array (its elements are replaced by their canonical forms); null when any value is NULL.
   */
  public static JoinKey ofOwned(Object[] values) {
    for (int i = 0; i < values.length; i++) {
      Object normalized = Values.normalize(values[i]);
      if (normalized == null) {
        return null;
      }
      values[i] = KeyParts.canonical(normalized, true);
    }
    return new JoinKey(values);
  }

  /**
   * The join key of a single value without a wrapper: the value's canonical form itself, or null when it is
   * NULL. Two such keys are equal exactly when the {@link JoinKey}s of their values would be; a map must
   * hold keys of one arity only, so it never compares a bare part with a {@link JoinKey}.
   */
  public static Object ofPart(Object value) {
    Object normalized = Values.normalize(value);
    return normalized == null ? null : KeyParts.canonical(normalized, true);
  }

  /** As {@link #ofPart} for grouping: NULL is {@link #NULL_PART}, equal to itself, as GROUP BY groups it. */
  public static Object groupingPart(Object value) {
    Object normalized = Values.normalize(value);
    return normalized == null ? NULL_PART : KeyParts.canonical(normalized, false);
  }

  /** The grouping key part of a NULL value (see {@link #groupingPart}). */
  public static final Object NULL_PART = new Object() {
    @Override
    public String toString() {
      return "NULL";
    }
  };

  /** The grouping key of these values: NULLs are kept and equal to each other, as GROUP BY groups them. */
  public static JoinKey grouping(List<?> values) {
    return groupingOwned(values.toArray());
  }

  /** As {@link #grouping(List)}; {@code values} becomes the key's own array, as in {@link #ofOwned}. */
  public static JoinKey groupingOwned(Object[] values) {
    for (int i = 0; i < values.length; i++) {
      Object normalized = Values.normalize(values[i]);
      values[i] = normalized == null ? null : KeyParts.canonical(normalized, false);
    }
    return new JoinKey(values);
  }

  /** The family of each part (NULL parts of a grouping key have none and are reported as empty). */
  public List<Optional<Family>> families() {
    List<Optional<Family>> families = new ArrayList<>();
    for (Object part : parts) {
      families.add(Optional.ofNullable(part).map(KeyParts::family));
    }
    return families;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JoinKey key && Arrays.equals(parts, key.parts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parts);
  }

  @Override
  public String toString() {
    return "JoinKey" + Arrays.toString(parts);
  }

  /** The canonical forms. */
  private static final class KeyParts {
    private KeyParts() {}

    static Object canonical(Object value, boolean joining) {
      if (value instanceof BigDecimal decimal) {
        return decimal(decimal);
      }
      if (Numbers.isFloating(value)) {
        return floating(((Number) value).doubleValue(), joining);
      }
      if (value instanceof byte[] bytes) {
        return new Bytes(bytes.clone());
      }
      if (value instanceof java.time.LocalDate date) {
        return date.atStartOfDay();
      }
      if (value instanceof java.time.OffsetDateTime timestamp) {
        return timestamp.toInstant();
      }
      ValueKind.of(value); // refuses classes the evaluator does not know
      return value;
    }

    /** An integral value within the bigint range becomes the Long a Long key would be. */
    private static Object decimal(BigDecimal decimal) {
      BigDecimal stripped = decimal.stripTrailingZeros();
      if (stripped.scale() <= 0 && stripped.toBigInteger().bitLength() <= Long.SIZE - 1) {
        return stripped.longValue();
      }
      return stripped;
    }

    private static Object floating(double number, boolean joining) {
      if (number == Math.rint(number) && Math.abs(number) < EXACT_FLOAT_LIMIT) {
        return (long) number;
      }
      if (joining) {
        throw EvalErrors.unsupported("a hash join on the floating-point value " + number,
            "PostgreSQL compares floats with numerics by rounding, which a hash join cannot reproduce; "
                + "join on numeric or integer columns");
      }
      return Double.isNaN(number) ? Double.NaN : number;
    }

    static Family family(Object part) {
      if (part instanceof Long || part instanceof BigDecimal || part instanceof Double) {
        return Family.NUMBER;
      }
      if (part instanceof Bytes) {
        return Family.BYTES;
      }
      if (part instanceof java.time.Instant) {
        return Family.TIMESTAMPTZ;
      }
      switch (ValueKind.of(part)) {
        case TEXT:
          return Family.TEXT;
        case BOOLEAN:
          return Family.BOOLEAN;
        case UUID:
          return Family.UUID;
        case TIME:
          return Family.TIME;
        default:
          return Family.TIMESTAMP;
      }
    }
  }

  /** A byte array compared by content. */
  private record Bytes(byte[] content) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes bytes && Arrays.equals(content, bytes.content);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(content);
    }

    @Override
    public String toString() {
      return "bytes" + Arrays.toString(content);
    }
  }
}
