package io.xcluster.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the YAML writes them: a whole number with a unit, {@code 500ms}, {@code 2s}, {@code 1m}
 * ({@code _} allowed as a digit separator), or a bare {@code 0}. Any other bare number is refused: whether
 * {@code 2} means seconds or milliseconds is exactly the mistake a unit prevents.
 */
final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d[\\d_]*)\\s*(ms|s|m)?");

  private Durations() {}

  static Optional<Duration> parse(String text) {
    Matcher matcher = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      long amount = Long.parseLong(matcher.group(1).replace("_", ""));
      String unit = matcher.group(2);
      if (unit == null) {
        return amount == 0 ? Optional.of(Duration.ZERO) : Optional.empty();
      }
      return Optional.of(switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMinutes(amount);
      });
    } catch (NumberFormatException | ArithmeticException tooLarge) {
      return Optional.empty();
    }
  }
}
