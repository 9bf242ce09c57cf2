package dev.callcenter.crm;

import dev.callcenter.core.internal.Checks;
import java.time.Instant;

/**
 * One entry of a customer's interaction history.
 *
 * @param reference the id of the call, ticket or transcript
 * @param summary a short human-readable line ("complaint ticket opened", "call answered")
 */
public record Interaction(InteractionType type, String reference, Instant at, String summary) {
  public Interaction {
    Checks.notNull(type, "interaction.type");
    Checks.notBlank(reference, "interaction.reference");
    Checks.notNull(at, "interaction.at");
    summary = summary == null ? "" : summary;
  }
}
