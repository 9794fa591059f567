package io.xcluster.rewriter.cross;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The common table expressions visible where a FROM item is resolved. A CTE named in FROM is planned as a
 * derived table with its body: sent whole to its cluster when the body reads one cluster, decomposed when it
 * spans clusters (or itself reads another CTE). Recursive CTEs and CTEs with column lists are refused.
 */
final class Ctes {
  static final Ctes NONE = new Ctes(Map.of());

  private final Map<String, ParenthesedSelect> bodies;

  private Ctes(Map<String, ParenthesedSelect> bodies) {
    this.bodies = bodies;
  }

  /** These CTEs plus those of {@code select}'s own WITH clause. */
  Ctes with(PlainSelect select) {
    if (select.getWithItemsList() == null || select.getWithItemsList().isEmpty()) {
      return this;
    }
    Map<String, ParenthesedSelect> visible = new LinkedHashMap<>(bodies);
    for (WithItem<?> item : select.getWithItemsList()) {
      if (item.isRecursive()) {
        throw Refusals.construct("the recursive CTE " + item.getAliasName());
      }
      if (item.getWithItemList() != null && !item.getWithItemList().isEmpty()) {
        throw Refusals.construct("column names on the CTE " + item.getAliasName());
      }
      if (!(item.getStatement() instanceof ParenthesedSelect body)) {
        throw Refusals.construct("the CTE " + item.getAliasName() + ", which is not a SELECT");
      }
      visible.put(key(item.getAliasName()), body);
    }
    return new Ctes(visible);
  }

  Optional<ParenthesedSelect> body(String name) {
    return Optional.ofNullable(bodies.get(key(name)));
  }

  boolean isEmpty() {
    return bodies.isEmpty();
  }

  private static String key(String name) {
    Identifier identifier = Identifier.of(name);
    return identifier.quoted() ? identifier.text() : identifier.text().toLowerCase(Locale.ROOT);
  }
}
