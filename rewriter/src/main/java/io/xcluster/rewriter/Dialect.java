package io.xcluster.rewriter;

import java.util.Locale;

/** What a cluster's database does where in-memory evaluation must imitate it, known from its JDBC URL. */
public enum Dialect {
  POSTGRESQL,
  MYSQL,
  H2,
  OTHER;

  public static Dialect ofUrl(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
      return MYSQL;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    return OTHER;
  }

  /**
   * Whether NULLs come first when this database sorts without NULLS FIRST/LAST: PostgreSQL treats NULL as
   * larger than any value (last ascending, first descending); MySQL and H2 as smaller.
   */
  public boolean nullsFirst(boolean ascending) {
    return switch (this) {
      case POSTGRESQL, OTHER -> !ascending;
      case MYSQL, H2 -> ascending;
    };
  }

  /** The label an unquoted alias gets: PostgreSQL folds to lower case, H2 to upper, MySQL keeps it. */
  public String foldUnquoted(String name) {
    return switch (this) {
      case POSTGRESQL -> name.toLowerCase(Locale.ROOT);
      case H2 -> name.toUpperCase(Locale.ROOT);
      case MYSQL, OTHER -> name;
    };
  }
}
