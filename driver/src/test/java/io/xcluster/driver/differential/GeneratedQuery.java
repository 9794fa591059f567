package io.xcluster.driver.differential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A generated query: its SQL, the values of its {@code ?} markers, whether its ORDER BY is total,
 * and whether it runs through a PreparedStatement.
 *
 * @param shape the {@link QueryShape} that made it, for messages
 */
record GeneratedQuery(
    String shape, String sql, List<Object> params, RowOrder order, boolean prepared) {
  GeneratedQuery {
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  /**
   * The differential form: empty results are acceptable (random filters often select nothing), and
   * parameters bind with {@code setObject}.
   */
  DiffQuery toDiffQuery() {
    DiffQuery query = new DiffQuery(sql, List.of(), order, prepared, true);
    return params.isEmpty()
        ? query
        : query.with(params.stream().map(Param::object).toArray(Param[]::new));
  }
}
