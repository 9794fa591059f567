package io.xcluster.rewriter.eval;

import java.util.OptionalInt;

/**
 * A cast's target type with its modifiers: precision and scale for {@code numeric(p, s)} ({@code numeric(p)}
 * has scale 0), the length for {@code varchar(n)}; {@code sql} is the type as written, for messages.
 */
record SqlType(CastTarget target, OptionalInt precision, OptionalInt scale, String sql) {

  static SqlType of(CastTarget target, String sql) {
    return new SqlType(target, OptionalInt.empty(), OptionalInt.empty(), sql);
  }

  ValueKind kind() {
    return target.kind();
  }
}
