package io.xcluster.driver.jdbc;

import io.xcluster.error.SqlState;
import io.xcluster.rewriter.StatementKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * Metadata of the primary cluster (the default cluster, else the first declared), presented as the
 * xcluster connection's: {@code getConnection()}, {@code getURL()} and the driver's name and version are
 * xcluster's, everything else is the cluster's own answer, so frameworks detect its dialect.
 *
 * <p>Table metadata is the exception, so that tools and frameworks' schema validation see one database:
 * {@code getTables} and {@code getColumns} merge every cluster's answer for the tables it owns
 * ({@link MergedMetaData}); questions about one table ({@code getPrimaryKeys}, {@code getImportedKeys},
 * {@code getExportedKeys}, {@code getIndexInfo}, {@code getBestRowIdentifier}, {@code getVersionColumns}) go
 * to the cluster that owns it.
 *
 * <p>Each call takes the cluster's physical connection from the logical connection only for its duration;
 * a ResultSet it returns keeps it until the ResultSet is closed.
 */
final class RoutedDatabaseMetaData implements DatabaseMetaData {
  private final XClusterConnection connection;
  private final String cluster;
  private final MergedMetaData merged;

  RoutedDatabaseMetaData(XClusterConnection connection, String cluster) {
    this.connection = connection;
    this.cluster = cluster;
    this.merged = new MergedMetaData(connection);
  }

  @FunctionalInterface
  private interface Question<T> {
    T ask(DatabaseMetaData metaData) throws SQLException;
  }

  private <T> T ask(Question<T> question) throws SQLException {
    Connection physical = connection.acquire(cluster, StatementKind.SESSION);
    try {
      return question.ask(physical.getMetaData());
    } finally {
      connection.release(physical);
    }
  }

  private ResultSet rows(Question<ResultSet> question) throws SQLException {
    Connection physical = connection.acquire(cluster, StatementKind.SESSION);
    try {
      ResultSet rows = question.ask(physical.getMetaData());
      return new RoutedResultSet(rows, null, () -> connection.release(physical));
    } catch (SQLException | RuntimeException failure) {
      connection.release(physical);
      throw failure;
    }
  }

  /**
   * A question about one table, asked of the cluster that owns it (the primary cluster for an unmapped
   * one); a MySQL cluster asked with no catalog answers for its own database.
   */
  private ResultSet rowsOf(String catalog, String schema, String table, MergedMetaData.Question question)
      throws SQLException {
    String owner = merged.clusterOf(schema, table, cluster);
    Connection physical = connection.acquire(owner, StatementKind.SESSION);
    try {
      boolean mysql = io.xcluster.rewriter.Dialect.ofUrl(connection.runtime().config().cluster(owner).url())
          == io.xcluster.rewriter.Dialect.MYSQL;
      ResultSet rows = question.ask(physical.getMetaData(), catalog == null && mysql ? physical.getCatalog() : catalog);
      return new RoutedResultSet(rows, null, () -> connection.release(physical));
    } catch (SQLException | RuntimeException failure) {
      connection.release(physical);
      throw failure;
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    connection.checkOpen();
    return connection;
  }

  @Override
  public String getURL() {
    return connection.url();
  }

  @Override
  public String getDriverName() {
    return XClusterVersion.NAME;
  }

  @Override
  public String getDriverVersion() {
    return XClusterVersion.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return XClusterVersion.MAJOR;
  }

  @Override
  public int getDriverMinorVersion() {
    return XClusterVersion.MINOR;
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw SqlExceptions.of(SqlState.INVALID_PARAMETER, "not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public boolean allProceduresAreCallable() throws SQLException {
    return ask(metaData -> metaData.allProceduresAreCallable());
  }

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    return ask(metaData -> metaData.allTablesAreSelectable());
  }

  @Override
  public String getUserName() throws SQLException {
    return ask(metaData -> metaData.getUserName());
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return ask(metaData -> metaData.isReadOnly());
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    return ask(metaData -> metaData.nullsAreSortedHigh());
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    return ask(metaData -> metaData.nullsAreSortedLow());
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    return ask(metaData -> metaData.nullsAreSortedAtStart());
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    return ask(metaData -> metaData.nullsAreSortedAtEnd());
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    return ask(metaData -> metaData.getDatabaseProductName());
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return ask(metaData -> metaData.getDatabaseProductVersion());
  }

  @Override
  public boolean usesLocalFiles() throws SQLException {
    return ask(metaData -> metaData.usesLocalFiles());
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    return ask(metaData -> metaData.usesLocalFilePerTable());
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    return ask(metaData -> metaData.supportsMixedCaseIdentifiers());
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    return ask(metaData -> metaData.storesUpperCaseIdentifiers());
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    return ask(metaData -> metaData.storesLowerCaseIdentifiers());
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    return ask(metaData -> metaData.storesMixedCaseIdentifiers());
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    return ask(metaData -> metaData.supportsMixedCaseQuotedIdentifiers());
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    return ask(metaData -> metaData.storesUpperCaseQuotedIdentifiers());
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    return ask(metaData -> metaData.storesLowerCaseQuotedIdentifiers());
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    return ask(metaData -> metaData.storesMixedCaseQuotedIdentifiers());
  }

  @Override
  public String getIdentifierQuoteString() throws SQLException {
    return ask(metaData -> metaData.getIdentifierQuoteString());
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    return ask(metaData -> metaData.getSQLKeywords());
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    return ask(metaData -> metaData.getNumericFunctions());
  }

  @Override
  public String getStringFunctions() throws SQLException {
    return ask(metaData -> metaData.getStringFunctions());
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    return ask(metaData -> metaData.getSystemFunctions());
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    return ask(metaData -> metaData.getTimeDateFunctions());
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    return ask(metaData -> metaData.getSearchStringEscape());
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    return ask(metaData -> metaData.getExtraNameCharacters());
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    return ask(metaData -> metaData.supportsAlterTableWithAddColumn());
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    return ask(metaData -> metaData.supportsAlterTableWithDropColumn());
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    return ask(metaData -> metaData.supportsColumnAliasing());
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    return ask(metaData -> metaData.nullPlusNonNullIsNull());
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    return ask(metaData -> metaData.supportsConvert());
  }

  @Override
  public boolean supportsConvert(int i1, int i2) throws SQLException {
    return ask(metaData -> metaData.supportsConvert(i1, i2));
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    return ask(metaData -> metaData.supportsTableCorrelationNames());
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    return ask(metaData -> metaData.supportsDifferentTableCorrelationNames());
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    return ask(metaData -> metaData.supportsExpressionsInOrderBy());
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    return ask(metaData -> metaData.supportsOrderByUnrelated());
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    return ask(metaData -> metaData.supportsGroupBy());
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    return ask(metaData -> metaData.supportsGroupByUnrelated());
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    return ask(metaData -> metaData.supportsGroupByBeyondSelect());
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    return ask(metaData -> metaData.supportsLikeEscapeClause());
  }

  @Override
  public boolean supportsMultipleResultSets() throws SQLException {
    return ask(metaData -> metaData.supportsMultipleResultSets());
  }

  @Override
  public boolean supportsMultipleTransactions() throws SQLException {
    return ask(metaData -> metaData.supportsMultipleTransactions());
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    return ask(metaData -> metaData.supportsNonNullableColumns());
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    return ask(metaData -> metaData.supportsMinimumSQLGrammar());
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    return ask(metaData -> metaData.supportsCoreSQLGrammar());
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    return ask(metaData -> metaData.supportsExtendedSQLGrammar());
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    return ask(metaData -> metaData.supportsANSI92EntryLevelSQL());
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    return ask(metaData -> metaData.supportsANSI92IntermediateSQL());
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    return ask(metaData -> metaData.supportsANSI92FullSQL());
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    return ask(metaData -> metaData.supportsIntegrityEnhancementFacility());
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    return ask(metaData -> metaData.supportsOuterJoins());
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    return ask(metaData -> metaData.supportsFullOuterJoins());
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    return ask(metaData -> metaData.supportsLimitedOuterJoins());
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    return ask(metaData -> metaData.getSchemaTerm());
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    return ask(metaData -> metaData.getProcedureTerm());
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    return ask(metaData -> metaData.getCatalogTerm());
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    return ask(metaData -> metaData.isCatalogAtStart());
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    return ask(metaData -> metaData.getCatalogSeparator());
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    return ask(metaData -> metaData.supportsSchemasInDataManipulation());
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    return ask(metaData -> metaData.supportsSchemasInProcedureCalls());
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    return ask(metaData -> metaData.supportsSchemasInTableDefinitions());
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    return ask(metaData -> metaData.supportsSchemasInIndexDefinitions());
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    return ask(metaData -> metaData.supportsSchemasInPrivilegeDefinitions());
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    return ask(metaData -> metaData.supportsCatalogsInDataManipulation());
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    return ask(metaData -> metaData.supportsCatalogsInProcedureCalls());
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    return ask(metaData -> metaData.supportsCatalogsInTableDefinitions());
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    return ask(metaData -> metaData.supportsCatalogsInIndexDefinitions());
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    return ask(metaData -> metaData.supportsCatalogsInPrivilegeDefinitions());
  }

  @Override
  public boolean supportsPositionedDelete() throws SQLException {
    return ask(metaData -> metaData.supportsPositionedDelete());
  }

  @Override
  public boolean supportsPositionedUpdate() throws SQLException {
    return ask(metaData -> metaData.supportsPositionedUpdate());
  }

  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    return ask(metaData -> metaData.supportsSelectForUpdate());
  }

  @Override
  public boolean supportsStoredProcedures() throws SQLException {
    return ask(metaData -> metaData.supportsStoredProcedures());
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    return ask(metaData -> metaData.supportsSubqueriesInComparisons());
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    return ask(metaData -> metaData.supportsSubqueriesInExists());
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    return ask(metaData -> metaData.supportsSubqueriesInIns());
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    return ask(metaData -> metaData.supportsSubqueriesInQuantifieds());
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    return ask(metaData -> metaData.supportsCorrelatedSubqueries());
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    return ask(metaData -> metaData.supportsUnion());
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    return ask(metaData -> metaData.supportsUnionAll());
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    return ask(metaData -> metaData.supportsOpenCursorsAcrossCommit());
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    return ask(metaData -> metaData.supportsOpenCursorsAcrossRollback());
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    return ask(metaData -> metaData.supportsOpenStatementsAcrossCommit());
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    return ask(metaData -> metaData.supportsOpenStatementsAcrossRollback());
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    return ask(metaData -> metaData.getMaxBinaryLiteralLength());
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    return ask(metaData -> metaData.getMaxCharLiteralLength());
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    return ask(metaData -> metaData.getMaxColumnNameLength());
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    return ask(metaData -> metaData.getMaxColumnsInGroupBy());
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    return ask(metaData -> metaData.getMaxColumnsInIndex());
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    return ask(metaData -> metaData.getMaxColumnsInOrderBy());
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    return ask(metaData -> metaData.getMaxColumnsInSelect());
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    return ask(metaData -> metaData.getMaxColumnsInTable());
  }

  @Override
  public int getMaxConnections() throws SQLException {
    return ask(metaData -> metaData.getMaxConnections());
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    return ask(metaData -> metaData.getMaxCursorNameLength());
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    return ask(metaData -> metaData.getMaxIndexLength());
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    return ask(metaData -> metaData.getMaxSchemaNameLength());
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    return ask(metaData -> metaData.getMaxProcedureNameLength());
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    return ask(metaData -> metaData.getMaxCatalogNameLength());
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    return ask(metaData -> metaData.getMaxRowSize());
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    return ask(metaData -> metaData.doesMaxRowSizeIncludeBlobs());
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    return ask(metaData -> metaData.getMaxStatementLength());
  }

  @Override
  public int getMaxStatements() throws SQLException {
    return ask(metaData -> metaData.getMaxStatements());
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    return ask(metaData -> metaData.getMaxTableNameLength());
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    return ask(metaData -> metaData.getMaxTablesInSelect());
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    return ask(metaData -> metaData.getMaxUserNameLength());
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    return ask(metaData -> metaData.getDefaultTransactionIsolation());
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    return ask(metaData -> metaData.supportsTransactions());
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int i1) throws SQLException {
    return ask(metaData -> metaData.supportsTransactionIsolationLevel(i1));
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    return ask(metaData -> metaData.supportsDataDefinitionAndDataManipulationTransactions());
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    return ask(metaData -> metaData.supportsDataManipulationTransactionsOnly());
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    return ask(metaData -> metaData.dataDefinitionCausesTransactionCommit());
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    return ask(metaData -> metaData.dataDefinitionIgnoredInTransactions());
  }

  @Override
  public ResultSet getProcedures(String s1, String s2, String s3) throws SQLException {
    return rows(metaData -> metaData.getProcedures(s1, s2, s3));
  }

  @Override
  public ResultSet getProcedureColumns(String s1, String s2, String s3, String s4) throws SQLException {
    return rows(metaData -> metaData.getProcedureColumns(s1, s2, s3, s4));
  }

  @Override
  public ResultSet getTables(String s1, String s2, String s3, String[] types4) throws SQLException {
    // ordered by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME
    return merged.merged(s1, (metaData, catalog) -> metaData.getTables(catalog, s2, s3, types4), 1, 2, 3,
        4, 1, 2, 3);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return rows(metaData -> metaData.getSchemas());
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return rows(metaData -> metaData.getCatalogs());
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return rows(metaData -> metaData.getTableTypes());
  }

  @Override
  public ResultSet getColumns(String s1, String s2, String s3, String s4) throws SQLException {
    // ordered by TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION
    return merged.merged(s1, (metaData, catalog) -> metaData.getColumns(catalog, s2, s3, s4), 1, 2, 3,
        1, 2, 3, 17);
  }

  @Override
  public ResultSet getColumnPrivileges(String s1, String s2, String s3, String s4) throws SQLException {
    return rows(metaData -> metaData.getColumnPrivileges(s1, s2, s3, s4));
  }

  @Override
  public ResultSet getTablePrivileges(String s1, String s2, String s3) throws SQLException {
    return rows(metaData -> metaData.getTablePrivileges(s1, s2, s3));
  }

  @Override
  public ResultSet getBestRowIdentifier(String s1, String s2, String s3, int i4, boolean b5) throws SQLException {
    return rowsOf(s1, s2, s3, (metaData, catalog) -> metaData.getBestRowIdentifier(catalog, s2, s3, i4, b5));
  }

  @Override
  public ResultSet getVersionColumns(String s1, String s2, String s3) throws SQLException {
    return rowsOf(s1, s2, s3, (metaData, catalog) -> metaData.getVersionColumns(catalog, s2, s3));
  }

  @Override
  public ResultSet getPrimaryKeys(String s1, String s2, String s3) throws SQLException {
    return rowsOf(s1, s2, s3, (metaData, catalog) -> metaData.getPrimaryKeys(catalog, s2, s3));
  }

  @Override
  public ResultSet getImportedKeys(String s1, String s2, String s3) throws SQLException {
    return rowsOf(s1, s2, s3, (metaData, catalog) -> metaData.getImportedKeys(catalog, s2, s3));
  }

  @Override
  public ResultSet getExportedKeys(String s1, String s2, String s3) throws SQLException {
    return rowsOf(s1, s2, s3, (metaData, catalog) -> metaData.getExportedKeys(catalog, s2, s3));
  }

  @Override
  public ResultSet getCrossReference(String s1, String s2, String s3, String s4, String s5, String s6) throws SQLException {
    return rows(metaData -> metaData.getCrossReference(s1, s2, s3, s4, s5, s6));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return rows(metaData -> metaData.getTypeInfo());
  }

  @Override
  public ResultSet getIndexInfo(String s1, String s2, String s3, boolean b4, boolean b5) throws SQLException {
    return rowsOf(s1, s2, s3, (metaData, catalog) -> metaData.getIndexInfo(catalog, s2, s3, b4, b5));
  }

  @Override
  public boolean supportsResultSetType(int i1) throws SQLException {
    return ask(metaData -> metaData.supportsResultSetType(i1));
  }

  @Override
  public boolean supportsResultSetConcurrency(int i1, int i2) throws SQLException {
    return ask(metaData -> metaData.supportsResultSetConcurrency(i1, i2));
  }

  @Override
  public boolean ownUpdatesAreVisible(int i1) throws SQLException {
    return ask(metaData -> metaData.ownUpdatesAreVisible(i1));
  }

  @Override
  public boolean ownDeletesAreVisible(int i1) throws SQLException {
    return ask(metaData -> metaData.ownDeletesAreVisible(i1));
  }

  @Override
  public boolean ownInsertsAreVisible(int i1) throws SQLException {
    return ask(metaData -> metaData.ownInsertsAreVisible(i1));
  }

  @Override
  public boolean othersUpdatesAreVisible(int i1) throws SQLException {
    return ask(metaData -> metaData.othersUpdatesAreVisible(i1));
  }

  @Override
  public boolean othersDeletesAreVisible(int i1) throws SQLException {
    return ask(metaData -> metaData.othersDeletesAreVisible(i1));
  }

  @Override
  public boolean othersInsertsAreVisible(int i1) throws SQLException {
    return ask(metaData -> metaData.othersInsertsAreVisible(i1));
  }

  @Override
  public boolean updatesAreDetected(int i1) throws SQLException {
    return ask(metaData -> metaData.updatesAreDetected(i1));
  }

  @Override
  public boolean deletesAreDetected(int i1) throws SQLException {
    return ask(metaData -> metaData.deletesAreDetected(i1));
  }

  @Override
  public boolean insertsAreDetected(int i1) throws SQLException {
    return ask(metaData -> metaData.insertsAreDetected(i1));
  }

  @Override
  public boolean supportsBatchUpdates() throws SQLException {
    return ask(metaData -> metaData.supportsBatchUpdates());
  }

  @Override
  public ResultSet getUDTs(String s1, String s2, String s3, int[] ints4) throws SQLException {
    return rows(metaData -> metaData.getUDTs(s1, s2, s3, ints4));
  }

  @Override
  public boolean supportsSavepoints() throws SQLException {
    return ask(metaData -> metaData.supportsSavepoints());
  }

  @Override
  public boolean supportsNamedParameters() throws SQLException {
    return ask(metaData -> metaData.supportsNamedParameters());
  }

  @Override
  public boolean supportsMultipleOpenResults() throws SQLException {
    return ask(metaData -> metaData.supportsMultipleOpenResults());
  }

  @Override
  public boolean supportsGetGeneratedKeys() throws SQLException {
    return ask(metaData -> metaData.supportsGetGeneratedKeys());
  }

  @Override
  public ResultSet getSuperTypes(String s1, String s2, String s3) throws SQLException {
    return rows(metaData -> metaData.getSuperTypes(s1, s2, s3));
  }

  @Override
  public ResultSet getSuperTables(String s1, String s2, String s3) throws SQLException {
    return rows(metaData -> metaData.getSuperTables(s1, s2, s3));
  }

  @Override
  public ResultSet getAttributes(String s1, String s2, String s3, String s4) throws SQLException {
    return rows(metaData -> metaData.getAttributes(s1, s2, s3, s4));
  }

  @Override
  public boolean supportsResultSetHoldability(int i1) throws SQLException {
    return ask(metaData -> metaData.supportsResultSetHoldability(i1));
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    return ask(metaData -> metaData.getResultSetHoldability());
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return ask(metaData -> metaData.getDatabaseMajorVersion());
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return ask(metaData -> metaData.getDatabaseMinorVersion());
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    return ask(metaData -> metaData.getJDBCMajorVersion());
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    return ask(metaData -> metaData.getJDBCMinorVersion());
  }

  @Override
  public int getSQLStateType() throws SQLException {
    return ask(metaData -> metaData.getSQLStateType());
  }

  @Override
  public boolean locatorsUpdateCopy() throws SQLException {
    return ask(metaData -> metaData.locatorsUpdateCopy());
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    return ask(metaData -> metaData.supportsStatementPooling());
  }

  @Override
  public RowIdLifetime getRowIdLifetime() throws SQLException {
    return ask(metaData -> metaData.getRowIdLifetime());
  }

  @Override
  public ResultSet getSchemas(String s1, String s2) throws SQLException {
    return rows(metaData -> metaData.getSchemas(s1, s2));
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    return ask(metaData -> metaData.supportsStoredFunctionsUsingCallSyntax());
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    return ask(metaData -> metaData.autoCommitFailureClosesAllResultSets());
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return rows(metaData -> metaData.getClientInfoProperties());
  }

  @Override
  public ResultSet getFunctions(String s1, String s2, String s3) throws SQLException {
    return rows(metaData -> metaData.getFunctions(s1, s2, s3));
  }

  @Override
  public ResultSet getFunctionColumns(String s1, String s2, String s3, String s4) throws SQLException {
    return rows(metaData -> metaData.getFunctionColumns(s1, s2, s3, s4));
  }

  @Override
  public ResultSet getPseudoColumns(String s1, String s2, String s3, String s4) throws SQLException {
    return rows(metaData -> metaData.getPseudoColumns(s1, s2, s3, s4));
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    return ask(metaData -> metaData.generatedKeyAlwaysReturned());
  }

  @Override
  public long getMaxLogicalLobSize() throws SQLException {
    return ask(metaData -> metaData.getMaxLogicalLobSize());
  }

  @Override
  public boolean supportsRefCursors() throws SQLException {
    return ask(metaData -> metaData.supportsRefCursors());
  }

  @Override
  public boolean supportsSharding() throws SQLException {
    return ask(metaData -> metaData.supportsSharding());
  }
}
