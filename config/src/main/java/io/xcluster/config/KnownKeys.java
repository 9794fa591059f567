package io.xcluster.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reports keys that are not among the known ones, suggesting the closest known key for a likely typo. */
final class KnownKeys {
  private static final int MAX_TYPO_DISTANCE = 2;

  private KnownKeys() {}

  static void check(List<YamlEntry> entries, List<String> known, String where, Problems problems) {
    for (YamlEntry entry : entries) {
      if (!known.contains(entry.key())) {
        problems.add(entry.line(), "unknown key '" + entry.key() + "' " + where + " (known keys: "
            + String.join(", ", known) + ")", fix(entry.key(), known));
      }
    }
  }

  static String fix(String key, List<String> known) {
    return closest(key, known).map(match -> "did you mean '" + match + "'? Rename it")
        .orElse("remove it, or use one of the known keys");
  }

  /** The known name within edit distance 2 of {@code name}, ignoring case; the first one on a tie. */
  static Optional<String> closest(String name, List<String> known) {
    String best = null;
    int bestDistance = MAX_TYPO_DISTANCE + 1;
    for (String candidate : known) {
      int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
