package io.xcluster.config;

/** A compiled glob: {@code *} matches any run of characters, {@code ?} exactly one. Matching allocates nothing. */
final class Glob {
  private final char[] pattern;
  private final boolean caseSensitive;

  Glob(String pattern, boolean caseSensitive) {
    this.pattern = pattern.toCharArray();
    this.caseSensitive = caseSensitive;
  }

  /** Linear backtracking match: on a mismatch, retry from the last {@code *} one character further on. */
  boolean matches(String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (p < pattern.length && pattern[p] == '*') {
        star = p++;
        resume = t;
      } else if (p < pattern.length && (pattern[p] == '?' || same(pattern[p], text.charAt(t)))) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length && pattern[p] == '*') {
      p++;
    }
    return p == pattern.length;
  }

  private boolean same(char a, char b) {
    return a == b || !caseSensitive
        && (Character.toLowerCase(a) == Character.toLowerCase(b)
            || Character.toUpperCase(a) == Character.toUpperCase(b));
  }
}
