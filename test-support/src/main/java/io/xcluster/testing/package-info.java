/**
 * The shared test rig: real database servers, the Rails-style example schema and its data, and
 * generated xcluster configurations.
 *
 * <ul>
 *   <li>{@link io.xcluster.testing.DbServers#postgres()} and {@link
 *       io.xcluster.testing.DbServers#mysql()} find one server per dialect per JVM: environment
 *       variables {@code XC_TEST_PG_URL}/{@code _USER}/{@code _PASSWORD} and {@code
 *       XC_TEST_MYSQL_...}, then local services on 127.0.0.1:5432 and :3306, then Testcontainers,
 *       then embedded servers. {@code -Dxcluster.test.servers=embedded} (or {@code env}, {@code
 *       local}, {@code testcontainers}, comma-separated) restricts the search.
 *   <li>{@link io.xcluster.testing.RailsFixtures#load(io.xcluster.testing.Topology)} creates the
 *       databases of a {@link io.xcluster.testing.Topology} (e.g. {@code Topology.pgMysql()}),
 *       loads {@link io.xcluster.testing.FixtureData} into each cluster and into one colocated
 *       database, and writes the YAML configuration for {@code jdbc:xcluster:<path>}.
 *   <li>{@link io.xcluster.testing.Sql} runs fixture scripts and reads rows for assertions.
 * </ul>
 */
package io.xcluster.testing;
