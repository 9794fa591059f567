package io.xcluster.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one configuration; nothing is thrown until every check has run. */
final class Problems {
  private final String source;
  private final List<ConfigException.Problem> found = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  void add(int line, String problem, String fix) {
    add(source, line, problem, fix);
  }

  void add(String otherSource, int line, String problem, String fix) {
    found.add(new ConfigException.Problem(otherSource, line, problem, fix));
  }

  int count() {
    return found.size();
  }

  /** The problems in file order: those without a line (file, URL) first, then by line, stable within one. */
  ConfigException exception() {
    List<ConfigException.Problem> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingInt(ConfigException.Problem::line));
    return new ConfigException(sorted);
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw exception();
    }
  }
}
