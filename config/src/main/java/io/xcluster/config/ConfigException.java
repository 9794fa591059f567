package io.xcluster.config;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.List;

/**
 * Every problem found in one configuration, reported together. The message lists them one per line, each
 * as {@code <source>:<line>: <problem>. Fix: <how>}.
 */
public final class ConfigException extends XClusterException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ConfigException(List<Problem> problems) {
    super(SqlState.CONFIGURATION, render(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    StringBuilder text = new StringBuilder("invalid xcluster configuration");
    for (Problem problem : problems) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }

  /**
   * One problem.
   *
   * @param source the file (or classpath resource) concerned
   * @param line 1-based line, 0 when the problem has no line (e.g. missing file)
   * @param problem what is wrong
   * @param fix what to do about it
   */
  public record Problem(String source, int line, String problem, String fix) {
    @Override
    public String toString() {
      return source + (line > 0 ? ":" + line : "") + ": " + problem + ". Fix: " + fix;
    }
  }
}
