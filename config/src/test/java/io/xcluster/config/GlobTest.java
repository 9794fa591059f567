package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void starMatchesAnyRunIncludingNone() {
    Glob glob = new Glob("a*b*c", false);
    assertTrue(glob.matches("abc"));
    assertTrue(glob.matches("aXXbYYc"));
    assertTrue(glob.matches("abbbcbc"));
    assertFalse(glob.matches("abcd"));
    assertTrue(new Glob("*", false).matches(""));
    assertTrue(new Glob("**x", false).matches("x"));
  }

  @Test
  void questionMarkMatchesExactlyOne() {
    Glob glob = new Glob("t?", false);
    assertTrue(glob.matches("t1"));
    assertFalse(glob.matches("t"));
    assertFalse(glob.matches("t12"));
  }

  @Test
  void caseIsIgnoredUnlessSensitive() {
    assertTrue(new Glob("Audit_*", false).matches("AUDIT_x"));
    assertFalse(new Glob("Audit_*", true).matches("AUDIT_x"));
    assertTrue(new Glob("Audit_*", true).matches("Audit_x"));
  }
}
