package io.xcluster.rewriter;

import io.xcluster.rewriter.eval.ValueKind;
import java.util.Optional;

/**
 * One column of a FROM item, as its cluster describes it.
 *
 * @param name the column's label
 * @param typeName its SQL type in PostgreSQL's spelling where one exists ({@code int4}, {@code int8},
 *     {@code numeric}, {@code text}, {@code timestamp}...), else the database's own name
 * @param kind its family for the in-memory evaluator, when known
 */
public record CatalogColumn(String name, String typeName, Optional<ValueKind> kind) {

  public static CatalogColumn untyped(String name) {
    return new CatalogColumn(name, "", Optional.empty());
  }
}
