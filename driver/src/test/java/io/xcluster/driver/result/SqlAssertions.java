package io.xcluster.driver.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.junit.jupiter.api.function.Executable;

final class SqlAssertions {
  private SqlAssertions() {}

  /** Asserts that {@code call} throws an SQLException with {@code state} and returns it. */
  static SQLException assertState(String state, Executable call) {
    SQLException thrown = assertThrows(SQLException.class, call);
    assertEquals(state, thrown.getSQLState(), () -> "SQLState of: " + thrown.getMessage());
    return thrown;
  }
}
