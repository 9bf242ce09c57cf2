package dev.callcenter.crm;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The conversation of one call or chat: an immutable snapshot, stored with compare-and-set on
 * {@link #version()}.
 *
 * @param messages in the order they were said, numbered from 1
 */
public record Transcript(
    String id,
    @Nullable String callId,
    @Nullable String customerId,
    List<Message> messages,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned<Transcript> {

  public Transcript {
    Checks.matches(id, Customer.ID, "id", "1-64 letters, digits or . _ : -");
    messages = List.copyOf(Checks.notNull(messages, "messages"));
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).sequence() != i + 1) {
        throw InvalidInputException.of("messages", "must be numbered 1, 2, ... in order; message %d has %d",
            i + 1, messages.get(i).sequence());
      }
    }
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw InvalidInputException.of("version", "must not be negative, was %d", version);
    }
  }

  /** The mean sentiment of the customer's messages (of all messages when the customer said nothing); 0 if empty. */
  public double overallSentiment() {
    List<Message> customer = messages.stream().filter(m -> m.speaker() == Speaker.CUSTOMER).toList();
    List<Message> basis = customer.isEmpty() ? messages : customer;
    return basis.stream().mapToDouble(Message::sentiment).average().orElse(0);
  }

  /** This transcript with {@code message} appended. */
  public Transcript withMessage(Message message, Instant now) {
    List<Message> next = new ArrayList<>(messages);
    next.add(Checks.notNull(message, "message"));
    return new Transcript(id, callId, customerId, next, createdAt, now, version);
  }

  @Override
  public Transcript withVersion(long newVersion) {
    return new Transcript(id, callId, customerId, messages, createdAt, updatedAt, newVersion);
  }

  @Override
  public String key() {
    return id;
  }
}
