package io.xcluster.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds and reads the YAML a URL's location names: {@code classpath:<resource>} through the thread's context
 * class loader (then this library's), otherwise a file path resolved against the working directory.
 */
final class ConfigFiles {
  static final String CLASSPATH = "classpath:";

  private ConfigFiles() {}

  /** The name messages use: the classpath location, or the file's absolute normalized path. */
  static String name(String location) {
    if (location.startsWith(CLASSPATH)) {
      return CLASSPATH + resource(location);
    }
    try {
      return Path.of(location).toAbsolutePath().normalize().toString();
    } catch (InvalidPathException e) {
      return location;
    }
  }

  /** The file's bytes, or empty after reporting why it cannot be read. */
  static Optional<byte[]> read(String location, Problems problems) {
    return location.startsWith(CLASSPATH)
        ? readResource(resource(location), problems)
        : readFile(location, problems);
  }

  private static String resource(String location) {
    String resource = location.substring(CLASSPATH.length());
    return resource.startsWith("/") ? resource.substring(1) : resource;
  }

  private static Optional<byte[]> readResource(String resource, Problems problems) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    InputStream in = context == null ? null : context.getResourceAsStream(resource);
    if (in == null) {
      in = ConfigFiles.class.getClassLoader().getResourceAsStream(resource);
    }
    if (in == null) {
      problems.add(0, "classpath resource '" + resource + "' not found",
          "put " + resource + " on the classpath (e.g. under src/main/resources),"
              + " or point the JDBC URL at a file path");
      return Optional.empty();
    }
    try (InputStream stream = in) {
      return Optional.of(stream.readAllBytes());
    } catch (IOException e) {
      problems.add(0, "cannot read classpath resource '" + resource + "': " + e.getMessage(),
          "check the jar or directory that holds it");
      return Optional.empty();
    }
  }

  private static Optional<byte[]> readFile(String location, Problems problems) {
    Path path;
    try {
      path = Path.of(location).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      problems.add(0, "'" + location + "' is not a valid file path: " + e.getReason(),
          "correct the path in the JDBC URL");
      return Optional.empty();
    }
    return readPath(path, problems);
  }

  private static Optional<byte[]> readPath(Path path, Problems problems) {
    if (Files.isDirectory(path)) {
      problems.add(0, "configuration file " + path + " is a directory", "point the JDBC URL at the YAML file itself");
      return Optional.empty();
    }
    if (!Files.exists(path)) {
      problems.add(0, "configuration file " + path + " not found", "create it, or correct the path in the JDBC URL"
          + " (a relative path is resolved against the working directory " + Path.of("").toAbsolutePath() + ")");
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(path));
    } catch (IOException e) {
      problems.add(0, "cannot read configuration file " + path + ": " + e, "check the file's permissions");
      return Optional.empty();
    }
  }
}
