package io.xcluster.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in scalar values. As in a shell, the default applies
 * when the variable is unset or empty, and may itself contain <code>${...}</code>; <code>$${</code> writes a
 * literal <code>${</code>. {@code ${file:/run/secrets/db_password}} reads a secrets file (as Docker and
 * Kubernetes mount them), without its trailing line break. Substituted values are not expanded again.
 * Problems never quote the value, which may be secret.
 */
final class Substitution {
  private static final String FILE = "file:";

  private final Function<String, String> variables;
  private final Problems problems;

  Substitution(Function<String, String> variables, Problems problems) {
    this.variables = variables;
    this.problems = problems;
  }

  /**
   * @param what the value's description for messages, e.g. "'password' of cluster 'accounts'"
   * @return the expanded text, or empty when a problem was reported
   */
  Optional<String> apply(String text, int line, String what) {
    int before = problems.count();
    String expanded = expand(text, line, what);
    return problems.count() == before ? Optional.of(expanded) : Optional.empty();
  }

  private String expand(String text, int line, String what) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          problems.add(line, "unterminated '${' in " + what, "close it with '}', or write '$${' for a literal '${'");
          return text;
        }
        out.append(resolve(text.substring(i + 2, end), line, what));
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private static int closingBrace(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      if (text.startsWith("${", i)) {
        depth++;
        i++;
      } else if (text.charAt(i) == '}' && depth-- == 0) {
        return i;
      }
    }
    return -1;
  }

  private String resolve(String expression, int line, String what) {
    int separator = expression.indexOf(":-");
    String name = (separator < 0 ? expression : expression.substring(0, separator)).strip();
    if (name.isEmpty()) {
      problems.add(line, "a '${}' in " + what + " names no variable", "write ${NAME} or ${NAME:-default}");
      return "";
    }
    String value = name.startsWith(FILE) ? secretsFile(name.substring(FILE.length()), separator < 0, line, what)
        : variables.apply(name);
    if (name.startsWith(FILE) && value == null && separator < 0) {
      return "";
    }
    if (separator >= 0 && (value == null || value.isEmpty())) {
      return expand(expression.substring(separator + 2), line, what);
    }
    if (value == null) {
      problems.add(line, "variable ${" + name + "} in " + what + " is not set", "set the environment variable or"
          + " system property " + name + ", or give a default with ${" + name + ":-default}");
      return "";
    }
    return value;
  }

  /** The content of a secrets file, without trailing line breaks; null (reported unless a default follows). */
  private String secretsFile(String path, boolean required, int line, String what) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(path.strip())).replaceAll("[\\r\\n]+$", "");
    } catch (java.io.IOException | RuntimeException unreadable) {
      if (required) {
        problems.add(line, "secrets file '" + path.strip() + "' in " + what + " cannot be read ("
            + unreadable.getClass().getSimpleName() + ")", "check the path and its permissions, or give a default"
            + " with ${file:" + path.strip() + ":-default}");
      }
      return null;
    }
  }
}
