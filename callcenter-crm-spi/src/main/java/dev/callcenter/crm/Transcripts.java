package dev.callcenter.crm;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.internal.TextAnalysis;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcripts: start one per call or chat, add messages (each scored for sentiment and announced as
 * {@code message:new}), analyse (overall sentiment, extractive summary, keywords), search. Obtain one from
 * {@link CrmService}. Thread-safe.
 */
public final class Transcripts {
  private static final Logger LOG = LoggerFactory.getLogger(Transcripts.class);
  public static final int DEFAULT_SUMMARY_SENTENCES = 3;
  public static final int DEFAULT_KEYWORDS = 8;

  private final TranscriptStore store;
  private final CallCenter center;
  private final Customers customers;
  private final SentimentScorer scorer;
  private final Clock clock;
  private final int maxRetries;

  Transcripts(TranscriptStore store, CallCenter center, Customers customers, SentimentScorer scorer, Clock clock,
      int maxRetries) {
    this.store = store;
    this.center = center;
    this.customers = customers;
    this.scorer = scorer;
    this.clock = clock;
    this.maxRetries = maxRetries;
  }

  /**
   * Starts an empty transcript. One for a known customer is added to their interaction history. A call has at
   * most one transcript: when {@code callId} already has one (also one another node just started), that one is
   * returned and nothing is added.
   *
   * @throws NotFoundException when {@code customerId} names no customer
   */
  public Transcript start(@Nullable String callId, @Nullable String customerId) {
    if (customerId != null) {
      customers.get(customerId);
    }
    Instant now = clock.instant();
    Transcript stored;
    try {
      stored = store.insert(new Transcript(UUID.randomUUID().toString(), callId, customerId, List.of(), now, now,
          0));
    } catch (AlreadyExistsException e) {
      Optional<Transcript> existing = callId == null ? Optional.empty() : forCall(callId);
      if (existing.isEmpty()) {
        throw e;
      }
      return existing.get();
    }
    if (customerId != null) {
      customers.recordInteraction(customerId, new Interaction(InteractionType.MESSAGE, stored.id(), now,
          callId == null ? "conversation" : "conversation on call " + callId));
    }
    return stored;
  }

  /**
   * Appends a message, scored by the {@link SentimentScorer}, and emits {@code message:new} with the transcript
   * id, call id, customer id and the message.
   *
   * @param language the message's language, or null when unknown
   * @throws InvalidInputException for a blank or overlong text; nothing is stored then
   */
  public Message addMessage(String transcriptId, Speaker speaker, String text, @Nullable Language language) {
    Checks.notNull(speaker, "speaker");
    Checks.notBlank(text, "text");
    if (text.length() > Message.MAX_LENGTH) {
      throw InvalidInputException.of("text", "must be at most %d characters, was %d", Message.MAX_LENGTH,
          text.length());
    }
    double sentiment = score(text, language);
    for (int attempt = 0; ; attempt++) {
      Transcript current = store.get(Checks.notNull(transcriptId, "transcriptId"));
      Instant now = clock.instant();
      Message message = new Message(current.messages().size() + 1, now, speaker, text, language, sentiment);
      try {
        Transcript stored = store.update(current.withMessage(message, now));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("transcriptId", stored.id());
        if (stored.callId() != null) {
          payload.put("callId", stored.callId());
        }
        if (stored.customerId() != null) {
          payload.put("customerId", stored.customerId());
        }
        payload.put("message", message);
        center.emit(EventType.MESSAGE_NEW, stored.id(), payload);
        return message;
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  private double score(String text, @Nullable Language language) {
    try {
      double s = scorer.score(text, language);
      if (Double.isNaN(s)) {
        return 0;
      }
      return Math.max(-1, Math.min(1, s));
    } catch (RuntimeException e) {
      LOG.warn("sentiment scorer {} failed; message scored 0", scorer, e);
      return 0;
    }
  }

  /** The transcript of {@code callId}, if one was started. */
  public Optional<Transcript> forCall(String callId) {
    Checks.notNull(callId, "callId");
    return store.list(TranscriptQuery.ALL.forCall(callId), PageRequest.first(1)).items().stream().findFirst();
  }

  public Optional<Transcript> find(String id) {
    return store.find(Checks.notNull(id, "id"));
  }

  /** @throws NotFoundException when there is no such transcript */
  public Transcript get(String id) {
    return store.get(Checks.notNull(id, "id"));
  }

  public Page<Transcript> search(TranscriptQuery query, PageRequest page) {
    return store.list(Checks.notNull(query, "query"), Checks.notNull(page, "page"));
  }

  /** The transcript's overall sentiment, a summary of 3 sentences and 8 keywords. */
  public TranscriptAnalysis analyse(String id) {
    return analyse(id, DEFAULT_SUMMARY_SENTENCES, DEFAULT_KEYWORDS);
  }

  public TranscriptAnalysis analyse(String id, int summarySentences, int keywords) {
    Checks.inRange(summarySentences, 0, 100, "summarySentences");
    Checks.inRange(keywords, 0, 100, "keywords");
    Transcript transcript = get(id);
    List<String> texts = transcript.messages().stream().map(Message::text).toList();
    return new TranscriptAnalysis(transcript.overallSentiment(), TextAnalysis.summary(texts, summarySentences),
        TextAnalysis.keywords(texts, keywords));
  }
}
