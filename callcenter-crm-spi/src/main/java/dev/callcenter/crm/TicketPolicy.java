package dev.callcenter.crm;

import dev.callcenter.core.Call;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides, from a call event, whether to open a ticket automatically. {@link #defaults()} uses predicates on the
 * call; {@link RulesTicketPolicy} asks the rules engine; a team may plug in its own. Called
 * off the event thread with the call as it is after the event. At most one ticket with the same tags is opened per
 * call, so a policy may answer the same for several events of one call.
 *
 * <pre>{@code
 * TicketPolicy policy = TicketPolicy.builder().abandonedAfter(Duration.ofMinutes(2)).build();
 * }</pre>
 */
@FunctionalInterface
public interface TicketPolicy {
  /** The ticket to open for {@code call} on {@code event} (a {@code call:*} event), or empty for none. */
  Optional<NewTicket> ticketFor(Event event, Call call);

  /** Opens no ticket. */
  static TicketPolicy none() {
    return (event, call) -> Optional.empty();
  }

  /** Every complaint call, and every call abandoned after waiting a minute or more in the queue. */
  static TicketPolicy defaults() {
    return builder().build();
  }

  static Builder builder() {
    return new Builder();
  }

  /** The policy's first answer, or else the other's. */
  default TicketPolicy orElse(TicketPolicy other) {
    Checks.notNull(other, "other");
    return (event, call) -> {
      Optional<NewTicket> mine = ticketFor(event, call);
      return mine.isPresent() ? mine : other.ticketFor(event, call);
    };
  }

  /**
   * Builds the default policy: a ticket for every call the complaint predicate accepts (tag
   * {@value #COMPLAINT_TAG}), and one for every abandoned call the long-wait predicate accepts (tag
   * {@value #ABANDONED_TAG}).
   */
  final class Builder {
    public static final String COMPLAINT_TAG = "auto:complaint";
    public static final String ABANDONED_TAG = "auto:abandoned";
    public static final Duration DEFAULT_LONG_WAIT = Duration.ofMinutes(1);
    private static final Set<EventType> COMPLAINT_EVENTS = Set.of(EventType.CALL_ROUTED, EventType.CALL_QUEUED,
        EventType.CALL_TRANSFERRED, EventType.CALL_ENDED, EventType.CALL_ABANDONED);

    private @Nullable Predicate<Call> complaint;
    private @Nullable Predicate<Call> abandoned;

    private Builder() {}

    /** Which calls are complaints; by default those routed to {@link Department#COMPLAINTS}. */
    public Builder complaintCalls(Predicate<Call> value) {
      if (complaint != null) {
        throw InvalidInputException.of("complaintCalls", "was already set");
      }
      complaint = Checks.notNull(value, "complaintCalls");
      return this;
    }

    /** Which abandoned calls get a ticket; by default those that waited {@link #DEFAULT_LONG_WAIT} or more. */
    public Builder abandonedCalls(Predicate<Call> value) {
      if (abandoned != null) {
        throw InvalidInputException.of("abandonedCalls", "was already set");
      }
      abandoned = Checks.notNull(value, "abandonedCalls");
      return this;
    }

    /** Abandoned calls that waited in the queue at least {@code wait} get a ticket. */
    public Builder abandonedAfter(Duration wait) {
      Checks.notNull(wait, "abandonedAfter");
      if (wait.isNegative()) {
        throw InvalidInputException.of("abandonedAfter", "must not be negative, was %s", wait);
      }
      return abandonedCalls(call -> queueWait(call).map(w -> w.compareTo(wait) >= 0).orElse(false));
    }

    public TicketPolicy build() {
      Predicate<Call> isComplaint = complaint != null ? complaint
          : call -> Department.COMPLAINTS.equals(call.department());
      Predicate<Call> longWait = abandoned != null ? abandoned
          : call -> queueWait(call).map(w -> w.compareTo(DEFAULT_LONG_WAIT) >= 0).orElse(false);
      return (event, call) -> {
        if (COMPLAINT_EVENTS.contains(event.type()) && isComplaint.test(call)) {
          return Optional.of(complaintTicket(call));
        }
        if (event.type() == EventType.CALL_ABANDONED && longWait.test(call)) {
          return Optional.of(abandonedTicket(call));
        }
        return Optional.empty();
      };
    }

    /** How long the call waited in the queue before it was answered or ended; empty if never queued. */
    static Optional<Duration> queueWait(Call call) {
      if (call.queuedAt() == null || call.endedAt() == null && call.answeredAt() == null) {
        return Optional.empty();
      }
      return Optional.of(call.waitTime(java.time.Clock.fixed(call.updatedAt(), java.time.ZoneOffset.UTC)));
    }

    private static NewTicket complaintTicket(Call call) {
      NewTicket.Builder b = NewTicket.builder("Complaint call from " + caller(call))
          .description(describe(call))
          .priority(TicketPriority.of(call.priority()).compareTo(TicketPriority.HIGH) >= 0
              ? TicketPriority.of(call.priority()) : TicketPriority.HIGH)
          .department(Department.COMPLAINTS)
          .callId(call.id().value())
          .tag(COMPLAINT_TAG);
      if (call.customer().customerId() != null) {
        b.customerId(call.customer().customerId());
      }
      return b.build();
    }

    private static NewTicket abandonedTicket(Call call) {
      String waited = queueWait(call).map(d -> d.toSeconds() + " s").orElse("unknown");
      NewTicket.Builder b = NewTicket.builder("Call back " + caller(call) + ": hung up after waiting " + waited)
          .description(describe(call))
          .priority(TicketPriority.of(call.priority()))
          .callId(call.id().value())
          .tag(ABANDONED_TAG)
          .tag("callback");
      if (call.department() != null) {
        b.department(call.department());
      }
      if (call.customer().customerId() != null) {
        b.customerId(call.customer().customerId());
      }
      return b.build();
    }

    private static String caller(Call call) {
      if (call.customer().name() != null) {
        return call.customer().name();
      }
      return call.customer().phone() != null ? call.customer().phone().e164() : "an unknown caller";
    }

    private static String describe(Call call) {
      StringBuilder s = new StringBuilder("Call ").append(call.id().value());
      if (call.customer().phone() != null) {
        s.append(" from ").append(call.customer().phone().e164());
      }
      if (call.language() != null) {
        s.append(", language ").append(call.language().tag());
      }
      s.append(", status ").append(call.status().name().toLowerCase(java.util.Locale.ROOT)).append('.');
      Map<String, String> data = call.collectedData();
      if (!data.isEmpty()) {
        s.append("\nCollected: ").append(data.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
      }
      return s.toString();
    }
  }
}
