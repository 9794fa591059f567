package io.xcluster.driver.differential;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every test of a {@link DifferentialCases} subclass once per topology of {@link
 * Topologies#both()}: all-PostgreSQL and PostgreSQL-with-MariaDB.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@MethodSource("io.xcluster.driver.differential.Topologies#both")
@interface AcrossTopologies {}
