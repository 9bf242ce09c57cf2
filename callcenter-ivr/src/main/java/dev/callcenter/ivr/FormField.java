package dev.callcenter.ivr;

import dev.callcenter.core.internal.Checks;
import dev.callcenter.ivr.internal.Answers;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One question of a department's data-collection form.
 *
 * @param name the key the answer is stored under in the call's collected data
 * @param promptId the prompt that asks the question
 * @param pattern the regular expression a {@link FieldType#PATTERN} answer must match whole; null otherwise
 * @param maxDigits how many keys to collect by DTMF (the caller may end early with '#')
 */
public record FormField(String name, String promptId, FieldType type, @Nullable String pattern, int maxDigits) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  public FormField {
    Checks.matches(name, NAME, "name", "a snake_case name of at most 40 characters");
    Checks.notBlank(promptId, "promptId");
    Checks.notNull(type, "type");
    Checks.inRange(maxDigits, 1, 32, "maxDigits");
    if (type == FieldType.PATTERN) {
      Checks.notBlank(pattern, "pattern");
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw dev.callcenter.core.InvalidInputException.of("pattern", "is not a regular expression: %s",
            e.getDescription());
      }
    } else if (pattern != null) {
      throw dev.callcenter.core.InvalidInputException.of("pattern", "is only for type PATTERN, not %s", type);
    }
  }

  public static FormField of(String name, String promptId, FieldType type) {
    return new FormField(name, promptId, type, null, type == FieldType.YES_NO ? 1 : 16);
  }

  public static FormField pattern(String name, String promptId, String regex, int maxDigits) {
    return new FormField(name, promptId, FieldType.PATTERN, regex, maxDigits);
  }

  /**
   * The answer normalised, or null when it is not valid for this field.
   *
   * @param defaultRegion region for phone numbers keyed without a country code
   */
  public @Nullable String normalise(String answer, @Nullable String defaultRegion) {
    return Answers.normalise(this, answer, defaultRegion);
  }
}
