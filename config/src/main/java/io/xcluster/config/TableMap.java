package io.xcluster.config;

import java.util.Optional;

/**
 * Resolves a table named in SQL to the cluster that owns it.
 *
 * <p>Rules, in order of precedence (the most specific wins):
 * <ol>
 *   <li>a case-sensitive (quoted) entry whose name equals the table's name exactly;</li>
 *   <li>a plain entry equal to the name, ignoring case ({@code Locale.ROOT});</li>
 *   <li>a glob entry ({@code *}, {@code ?}) matching the name, ignoring case unless quoted.</li>
 * </ol>
 * Within one rank, an entry with a schema that equals the table's schema beats an entry without a schema; an
 * entry with a schema never matches a table in another schema or an unqualified table. When two clusters
 * match at the same (best) rank the result is ambiguous and resolution fails with {@code AMBIGUOUS_TABLE}
 * naming both clusters and entries. When nothing matches, the {@code defaultCluster} owns the table if set;
 * otherwise resolution fails with {@code UNDEFINED_TABLE} naming the table and how to map it.
 */
public interface TableMap {

  /**
   * @return the owning cluster's name, or empty when no entry matches and there is no default cluster
   * @throws io.xcluster.error.XClusterException AMBIGUOUS_TABLE when two clusters match equally well
   */
  Optional<String> lookup(TableName table);

  /** Like {@link #lookup} but fails with UNDEFINED_TABLE (table named, fix suggested) when unmapped. */
  String clusterOf(TableName table);

  /** The cluster that owns unmapped tables and statements that name no table, if configured. */
  Optional<String> defaultCluster();
}
