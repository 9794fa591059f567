package io.xcluster.bench;

/** How a result column is read: with the typed getter an application would use. */
enum ColumnKind {
  LONG,
  INT,
  TEXT,
  TIMESTAMP
}
