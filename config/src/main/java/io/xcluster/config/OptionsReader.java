package io.xcluster.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The top-level options: the URL's overrides, and the effective values checked and turned into {@link Options}. */
final class OptionsReader {
  static final String DEFAULT_CLUSTER = "defaultCluster";
  static final String PARSE_CACHE_SIZE = "parseCacheSize";
  static final String PARSE_TIMEOUT_MILLIS = "parseTimeoutMillis";
  static final String MAX_ROWS_IN_MEMORY = "maxRowsInMemory";
  static final String MAX_CROSS_JOIN_ROWS = "maxCrossJoinRows";
  static final String BIND_BATCH_SIZE = "bindBatchSize";
  static final String HASH_JOIN_THRESHOLD = "hashJoinThreshold";
  static final String LISTENERS = "listeners";
  static final String TEXT_ORDERING = "textOrdering";
  static final List<String> KEYS = List.of(DEFAULT_CLUSTER, PARSE_CACHE_SIZE, PARSE_TIMEOUT_MILLIS,
      MAX_ROWS_IN_MEMORY, MAX_CROSS_JOIN_ROWS, BIND_BATCH_SIZE, HASH_JOIN_THRESHOLD, TEXT_ORDERING, LISTENERS);

  private OptionsReader() {}

  /** The URL's query pairs as settings; unknown keys are reported. */
  static Map<String, Setting> fromUrl(XClusterUrl url, Problems problems) {
    String source = XClusterUrl.PREFIX + url.location();
    Map<String, Setting> settings = new LinkedHashMap<>();
    url.overrides().forEach((key, value) -> {
      if (KEYS.contains(key)) {
        settings.put(key, new Setting(value, source, 0));
      } else {
        problems.add(source, 0, "unknown URL parameter '" + key + "' (known parameters: " + String.join(", ", KEYS)
            + ")", KnownKeys.fix(key, KEYS));
      }
    });
    return settings;
  }

  /** A blank {@code defaultCluster} means none, so a URL can switch off the file's default. */
  static Options read(Map<String, Setting> settings, Problems problems) {
    Optional<String> defaultCluster = Optional.ofNullable(settings.get(DEFAULT_CLUSTER)).map(Setting::value)
        .filter(value -> !value.isBlank());
    long cacheSize = number(settings, PARSE_CACHE_SIZE, Integer.MAX_VALUE, Options.DEFAULT_PARSE_CACHE_SIZE, problems);
    long timeout =
        number(settings, PARSE_TIMEOUT_MILLIS, Long.MAX_VALUE, Options.DEFAULT_PARSE_TIMEOUT_MILLIS, problems);
    long maxRows = number(settings, MAX_ROWS_IN_MEMORY, Long.MAX_VALUE, Options.DEFAULT_MAX_ROWS_IN_MEMORY, problems);
    long maxCross =
        number(settings, MAX_CROSS_JOIN_ROWS, Long.MAX_VALUE, Options.DEFAULT_MAX_CROSS_JOIN_ROWS, problems);
    long batch = number(settings, BIND_BATCH_SIZE, 30_000, Options.DEFAULT_BIND_BATCH_SIZE, problems);
    if (batch == 0) {
      problems.add(settings.get(BIND_BATCH_SIZE).source(), settings.get(BIND_BATCH_SIZE).line(),
          "'" + BIND_BATCH_SIZE + "' must be at least 1", "set it to a number such as " + Options.DEFAULT_BIND_BATCH_SIZE);
      batch = Options.DEFAULT_BIND_BATCH_SIZE;
    }
    long hashJoin =
        number(settings, HASH_JOIN_THRESHOLD, Long.MAX_VALUE, Options.DEFAULT_HASH_JOIN_THRESHOLD, problems);
    return new Options(defaultCluster, (int) cacheSize, timeout, maxRows, maxCross, (int) batch, hashJoin,
        codePointTextOrder(settings.get(TEXT_ORDERING), problems), listeners(settings.get(LISTENERS), problems));
  }

  /** Comma-separated class names; one that is not a class name is reported (loading waits for the driver). */
  private static List<String> listeners(Setting setting, Problems problems) {
    if (setting == null || setting.value().isBlank()) {
      return List.of();
    }
    List<String> names = new java.util.ArrayList<>();
    for (String name : setting.value().split(",")) {
      String className = name.strip();
      if (className.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
          + "([.$][\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
        names.add(className);
      } else {
        problems.add(setting.source(), setting.line(), "'" + LISTENERS + "' names '" + className + "', which is not a"
            + " class name", "list fully qualified class names separated by commas, e.g. com.example.AuditListener");
      }
    }
    return names;
  }

  /** {@code strict} (the default) or {@code codepoint}. */
  private static boolean codePointTextOrder(Setting setting, Problems problems) {
    if (setting == null || setting.value().strip().equalsIgnoreCase("strict")) {
      return false;
    }
    if (setting.value().strip().equalsIgnoreCase("codepoint")) {
      return true;
    }
    problems.add(setting.source(), setting.line(), "'" + TEXT_ORDERING + "' must be 'strict' or 'codepoint', not '"
        + setting.value() + "'", "use 'strict' (refuse in-memory text sorts a cluster's collation would order"
        + " differently) or 'codepoint'");
    return false;
  }

  private static long number(Map<String, Setting> settings, String key, long max, long fallback, Problems problems) {
    Setting setting = settings.get(key);
    if (setting == null) {
      return fallback;
    }
    try {
      long value = Long.parseLong(setting.value().strip());
      if (value >= 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, like a value out of range
    }
    problems.add(setting.source(), setting.line(), "'" + key + "' must be a whole number from 0 to " + max
        + ", not '" + setting.value() + "'", "set it to a number such as " + fallback);
    return fallback;
  }
}
