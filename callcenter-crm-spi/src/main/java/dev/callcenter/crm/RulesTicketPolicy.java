package dev.callcenter.crm;

import dev.callcenter.core.Call;
import dev.callcenter.core.Department;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.rules.Decision;
import dev.callcenter.rules.Facts;
import dev.callcenter.rules.RuleEngine;
import dev.callcenter.rules.TicketRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A {@link TicketPolicy} that asks the rules: the call's facts go to a {@link RuleEngine}, and a decision with
 * a {@code create_ticket} action opens a ticket of that category and priority (tag {@code auto:<category>}), in
 * the department the rules route to or else the call's. Evaluated on {@code call:routed}, {@code call:queued},
 * {@code call:transferred}, {@code call:ended} and {@code call:abandoned}; one ticket per call and category.
 *
 * <pre>{@code
 * CrmService crm = CrmService.builder(center)
 *     .ticketPolicy(RulesTicketPolicy.of(RuleEngine.defaults()))   // "every complaint gets a ticket", ...
 *     .build();
 * }</pre>
 *
 * <p>The facts given are the department, language, customer id, IVR stage, queue wait, call duration and the
 * time of the event; {@link #withFacts} adds more (the customer's tier, open tickets, sentiment).
 */
public final class RulesTicketPolicy implements TicketPolicy {
  private static final Set<EventType> EVENTS = Set.of(EventType.CALL_ROUTED, EventType.CALL_QUEUED,
      EventType.CALL_TRANSFERRED, EventType.CALL_ENDED, EventType.CALL_ABANDONED);
  private static final Set<String> STAGES = Set.of("greeting", "language_selection", "identification",
      "verification", "intent", "classification", "data_collection", "queue", "handoff");

  private final RuleEngine engine;
  private final BiConsumer<Call, Facts.Builder> enrich;

  private RulesTicketPolicy(RuleEngine engine, BiConsumer<Call, Facts.Builder> enrich) {
    this.engine = engine;
    this.enrich = enrich;
  }

  public static RulesTicketPolicy of(RuleEngine engine) {
    return new RulesTicketPolicy(Checks.notNull(engine, "engine"), (call, facts) -> {});
  }

  /** This policy with more facts added for each call (a fact may be set only once). */
  public RulesTicketPolicy withFacts(BiConsumer<Call, Facts.Builder> more) {
    Checks.notNull(more, "facts");
    return new RulesTicketPolicy(engine, enrich.andThen(more));
  }

  @Override
  public Optional<NewTicket> ticketFor(Event event, Call call) {
    if (!EVENTS.contains(event.type())) {
      return Optional.empty();
    }
    Decision decision = engine.evaluate(facts(event, call));
    Optional<TicketRequest> request = decision.ticket();
    if (request.isEmpty()) {
      return Optional.empty();
    }
    String category = request.get().category().toLowerCase(Locale.ROOT);
    Department department = decision.route().orElse(call.department());
    NewTicket.Builder b = NewTicket.builder(title(category, call))
        .description("Opened by rules " + decision.firedRules() + " on " + event.type() + " of call "
            + call.id().value() + ".")
        .priority(TicketPriority.of(request.get().priority()))
        .callId(call.id().value())
        .tag("auto:" + category);
    if (department != null) {
      b.department(department);
    }
    if (call.customer().customerId() != null) {
      b.customerId(call.customer().customerId());
    }
    return Optional.of(b.build());
  }

  private Facts facts(Event event, Call call) {
    Facts.Builder f = Facts.builder().time(event.timestamp());
    if (call.department() != null) {
      f.department(call.department());
    }
    if (call.language() != null) {
      f.language(call.language());
    }
    if (call.customer().customerId() != null) {
      f.customerId(call.customer().customerId());
    }
    if (call.ivrStage() != null && STAGES.contains(call.ivrStage().toLowerCase(Locale.ROOT))) {
      f.ivrStage(call.ivrStage());
    }
    TicketPolicy.Builder.queueWait(call).ifPresent(f::waitTime);
    Duration length = call.duration(Clock.fixed(event.timestamp(), ZoneOffset.UTC));
    if (!length.isNegative()) {
      f.callDuration(length);
    }
    enrich.accept(call, f);
    return f.build();
  }

  private static String title(String category, Call call) {
    String who = call.customer().name() != null ? call.customer().name()
        : call.customer().phone() != null ? call.customer().phone().e164() : "an unknown caller";
    return Character.toUpperCase(category.charAt(0)) + category.substring(1).replace('_', ' ') + " call from " + who;
  }

  @Override
  public String toString() {
    return "RulesTicketPolicy[" + engine + "]";
  }
}
