package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xcluster.error.SqlState;
import io.xcluster.error.XClusterException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XClusterUrlTest {

  private static XClusterUrl parse(String url) {
    return XClusterUrl.parse(url).orElseThrow();
  }

  private static XClusterException malformed(String url) {
    XClusterException e = assertThrows(XClusterException.class, () -> XClusterUrl.parse(url));
    assertEquals(SqlState.CONFIGURATION, e.state());
    assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
    return e;
  }

  @Test
  void classpathLocationIsKeptAsWritten() {
    XClusterUrl url = parse("jdbc:xcluster:classpath:xcluster.yaml");
    assertEquals("classpath:xcluster.yaml", url.location());
    assertEquals(Map.of(), url.overrides());
  }

  @Test
  void absoluteAndRelativePathsAreKeptAsWritten() {
    assertEquals("/etc/app/xcluster.yaml", parse("jdbc:xcluster:/etc/app/xcluster.yaml").location());
    assertEquals("conf/xcluster.yaml", parse("jdbc:xcluster:conf/xcluster.yaml").location());
  }

  @Test
  void queryPairsBecomeOverridesInTheOrderWritten() {
    XClusterUrl url = parse("jdbc:xcluster:x.yaml?parseCacheSize=10&defaultCluster=content");
    assertEquals("x.yaml", url.location());
    assertEquals(List.of("parseCacheSize", "defaultCluster"), List.copyOf(url.overrides().keySet()));
    assertEquals("content", url.overrides().get("defaultCluster"));
  }

  @Test
  void queryValuesAreUrlDecoded() {
    XClusterUrl url = parse("jdbc:xcluster:x.yaml?defaultCluster=m%C3%BCnchen%20eu&a%2Fb=x+y");
    assertEquals("münchen eu", url.overrides().get("defaultCluster"));
    assertEquals("x y", url.overrides().get("a/b"));
  }

  @Test
  void emptyQuerySegmentsAreSkipped() {
    assertEquals(Map.of("parseCacheSize", "5"), parse("jdbc:xcluster:x.yaml?&parseCacheSize=5&").overrides());
    assertEquals(Map.of(), parse("jdbc:xcluster:x.yaml?").overrides());
  }

  @Test
  void prefixIsStrippedOnceByPosition() {
    assertEquals("/tmp/jdbc:xcluster:a.yaml", parse("jdbc:xcluster:/tmp/jdbc:xcluster:a.yaml").location());
  }

  @Test
  void otherUrlsAreNotOurs() {
    assertEquals(Optional.empty(), XClusterUrl.parse("jdbc:postgresql://localhost/db"));
    assertEquals(Optional.empty(), XClusterUrl.parse(null));
    assertEquals(Optional.empty(), XClusterUrl.parse("JDBC:XCLUSTER:x.yaml"));
    assertFalse(XClusterUrl.accepts("jdbc:h2:mem:"));
    assertTrue(XClusterUrl.accepts("jdbc:xcluster:x.yaml"));
  }

  @Test
  void emptyLocationIsMalformed() {
    malformed("jdbc:xcluster:");
    malformed("jdbc:xcluster:?parseCacheSize=1");
    malformed("jdbc:xcluster:classpath:");
  }

  @Test
  void pairWithoutEqualsIsMalformed() {
    assertTrue(malformed("jdbc:xcluster:x.yaml?parseCacheSize").getMessage().contains("parseCacheSize"));
  }

  @Test
  void emptyKeyIsMalformed() {
    malformed("jdbc:xcluster:x.yaml?=5");
  }

  @Test
  void repeatedKeyIsMalformed() {
    malformed("jdbc:xcluster:x.yaml?parseCacheSize=1&parseCacheSize=2");
  }

  @Test
  void invalidPercentEscapeIsMalformed() {
    malformed("jdbc:xcluster:x.yaml?defaultCluster=%zz");
  }

  @Test
  void overridesAreUnmodifiable() {
    XClusterUrl url = parse("jdbc:xcluster:x.yaml?parseCacheSize=1");
    assertThrows(UnsupportedOperationException.class, () -> url.overrides().put("a", "b"));
  }
}
