package io.xcluster.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads and validates a configuration: locate the file, parse YAML (with line numbers), substitute
 * {@code ${VAR}} / {@code ${VAR:-default}} (environment first, then system properties), bind to the YAML
 * model, apply URL overrides, validate, and build the immutable {@link XClusterConfig}.
 *
 * <p>Validation reports every problem at once: it throws one {@link ConfigException} listing all of them,
 * each with the file, the line where there is one, and the fix.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Loads the configuration a URL points at, with the real environment and system properties. */
  public static XClusterConfig load(XClusterUrl url) {
    return load(url, ConfigLoader::environmentThenSystemProperty);
  }

  /**
   * Loads with an explicit variable lookup (for tests): {@code variables} returns null for unset names.
   *
   * @throws ConfigException with every problem found
   */
  public static XClusterConfig load(XClusterUrl url, Function<String, String> variables) {
    String source = ConfigFiles.name(url.location());
    Problems problems = new Problems(source);
    Map<String, Setting> overrides = OptionsReader.fromUrl(url, problems);
    NodeReader reader = new NodeReader(problems, new Substitution(variables, problems));
    return ConfigFiles.read(url.location(), problems)
        .flatMap(bytes -> YamlDocument.compose(bytes, problems))
        .map(root -> new ConfigBinder(reader).bind(root))
        .map(bound -> validate(bound, overrides, problems))
        .orElseThrow(problems::exception);
  }

  private static XClusterConfig validate(BoundConfig bound, Map<String, Setting> overrides, Problems problems) {
    Map<String, Setting> settings = new LinkedHashMap<>(bound.options());
    settings.putAll(overrides);
    Options options = OptionsReader.read(settings, problems);
    ConfigValidator.check(bound.clusters(), Optional.ofNullable(settings.get(OptionsReader.DEFAULT_CLUSTER)), problems);
    problems.throwIfAny();
    return build(problems.source(), bound.clusters(), options);
  }

  private static XClusterConfig build(String source, List<ClusterConfig> list, Options options) {
    Map<String, ClusterConfig> clusters = new LinkedHashMap<>();
    list.forEach(cluster -> clusters.put(cluster.name(), cluster));
    TableMap tables = new PatternTableMap(source, clusters.values(), options.defaultCluster());
    return new XClusterConfig(source, clusters, options, tables);
  }

  private static String environmentThenSystemProperty(String name) {
    String value = System.getenv(name);
    return value != null ? value : System.getProperty(name);
  }
}
