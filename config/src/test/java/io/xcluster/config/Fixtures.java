package io.xcluster.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** Writes YAML into a test's temporary directory and loads it. */
final class Fixtures {
  static final Function<String, String> NO_VARIABLES = name -> null;

  private Fixtures() {}

  static Path write(Path dir, String yaml) {
    try {
      return Files.writeString(dir.resolve("xcluster.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static XClusterUrl url(Path file) {
    return new XClusterUrl(file.toString(), Map.of());
  }

  static XClusterConfig load(Path dir, String yaml) {
    return ConfigLoader.load(url(write(dir, yaml)), NO_VARIABLES);
  }

  static ConfigException failure(Path dir, String yaml) {
    return failure(dir, yaml, NO_VARIABLES);
  }

  static ConfigException failure(Path dir, String yaml, Function<String, String> variables) {
    XClusterUrl url = url(write(dir, yaml));
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(url, variables));
  }
}
