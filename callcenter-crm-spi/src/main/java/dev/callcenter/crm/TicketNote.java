package dev.callcenter.crm;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.time.Instant;

/** A note added to a ticket by an agent or the system. */
public record TicketNote(String author, String text, Instant at) {
  public static final int MAX_LENGTH = 10_000;

  public TicketNote {
    Checks.notBlank(author, "note.author");
    Checks.notBlank(text, "note.text");
    if (text.length() > MAX_LENGTH) {
      throw InvalidInputException.of("note.text", "must be at most %d characters, was %d", MAX_LENGTH,
          text.length());
    }
    Checks.notNull(at, "note.at");
  }
}
