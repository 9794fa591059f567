package io.xcluster.driver;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * For an application's own HikariCP pool of xcluster connections (Spring Boot's default): keeps a connection
 * in the pool when xcluster refuses a statement or a method (SQLState 0A000), which HikariCP otherwise takes
 * for a broken connection, closing it (inside a transaction too) and logging a warning with a stack trace.
 * An xcluster connection is never broken by a refusal; its clusters' physical connections live in xcluster's
 * own pools, which evict them as HikariCP does. Every other exception is left to HikariCP's own rules.
 *
 * <pre>spring.datasource.hikari.exception-override-class-name=io.xcluster.driver.HikariExceptionOverride</pre>
 */
public final class HikariExceptionOverride implements SQLExceptionOverride {
  private static final String FEATURE_NOT_SUPPORTED = "0A000";

  @java.lang.Override
  public Override adjudicate(SQLException failure) {
    return FEATURE_NOT_SUPPORTED.equals(failure.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
  }
}
