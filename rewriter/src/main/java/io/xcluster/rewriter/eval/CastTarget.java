package io.xcluster.rewriter.eval;

/** The types {@code CAST} and {@code ::} can convert to in memory. */
enum CastTarget {
  SMALLINT(ValueKind.INTEGER),
  INTEGER(ValueKind.INTEGER),
  BIGINT(ValueKind.INTEGER),
  NUMERIC(ValueKind.NUMERIC),
  REAL(ValueKind.REAL),
  DOUBLE(ValueKind.DOUBLE),
  TEXT(ValueKind.TEXT),
  VARCHAR(ValueKind.TEXT),
  BOOLEAN(ValueKind.BOOLEAN),
  DATE(ValueKind.DATE),
  TIME(ValueKind.TIME),
  TIMESTAMP(ValueKind.TIMESTAMP),
  TIMESTAMPTZ(ValueKind.TIMESTAMPTZ),
  UUID(ValueKind.UUID),
  BYTEA(ValueKind.BYTEA);

  private final ValueKind kind;

  CastTarget(ValueKind kind) {
    this.kind = kind;
  }

  ValueKind kind() {
    return kind;
  }
}
