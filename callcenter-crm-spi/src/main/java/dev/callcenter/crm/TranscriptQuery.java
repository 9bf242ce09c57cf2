package dev.callcenter.crm;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which transcripts to list; every criterion left null matches all.
 *
 * @param text matched case-insensitively against the messages' text
 * @param createdFrom inclusive lower bound of {@link Transcript#createdAt()}
 * @param createdTo exclusive upper bound of {@link Transcript#createdAt()}
 */
public record TranscriptQuery(
    @Nullable String callId,
    @Nullable String customerId,
    @Nullable String text,
    @Nullable Instant createdFrom,
    @Nullable Instant createdTo) {
  public static final TranscriptQuery ALL = new TranscriptQuery(null, null, null, null, null);

  public TranscriptQuery forCall(@Nullable String value) {
    return new TranscriptQuery(value, customerId, text, createdFrom, createdTo);
  }

  public TranscriptQuery forCustomer(@Nullable String value) {
    return new TranscriptQuery(callId, value, text, createdFrom, createdTo);
  }

  public TranscriptQuery containing(@Nullable String value) {
    return new TranscriptQuery(callId, customerId, value, createdFrom, createdTo);
  }

  public TranscriptQuery createdBetween(@Nullable Instant from, @Nullable Instant to) {
    return new TranscriptQuery(callId, customerId, text, from, to);
  }

  /** Whether {@code t} matches; the in-memory store's filter and the reference for other stores. */
  public boolean matches(Transcript t) {
    return (callId == null || callId.equals(t.callId()))
        && (customerId == null || customerId.equals(t.customerId()))
        && (createdFrom == null || !t.createdAt().isBefore(createdFrom))
        && (createdTo == null || t.createdAt().isBefore(createdTo))
        && (text == null || text.isBlank() || t.messages().stream()
            .anyMatch(m -> CustomerQuery.contains(m.text(), text.trim().toLowerCase(Locale.ROOT))));
  }
}
