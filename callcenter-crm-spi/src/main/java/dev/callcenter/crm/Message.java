package dev.callcenter.crm;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message of a transcript.
 *
 * @param sequence position in the transcript, from 1
 * @param sentiment from -1 (negative) through 0 (neutral) to 1 (positive), as scored when added
 */
public record Message(
    int sequence, Instant at, Speaker speaker, String text, @Nullable Language language, double sentiment) {
  public static final int MAX_LENGTH = 10_000;

  public Message {
    if (sequence < 1) {
      throw InvalidInputException.of("sequence", "must be at least 1, was %d", sequence);
    }
    Checks.notNull(at, "at");
    Checks.notNull(speaker, "speaker");
    Checks.notBlank(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw InvalidInputException.of("text", "must be at most %d characters, was %d", MAX_LENGTH, text.length());
    }
    if (!(sentiment >= -1 && sentiment <= 1)) {
      throw InvalidInputException.of("sentiment", "must be between -1 and 1, was %s", sentiment);
    }
  }
}
