package dev.callcenter.ivr;

import dev.callcenter.core.Call;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.flow.CallFlow;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.ivr.internal.StateMachine;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The nine-stage IVR as a {@link CallFlow}: greeting, language selection, identification, verification, intent,
 * classification, data collection, queue and handoff, in Arabic or English, by DTMF or text.
 *
 * <pre>{@code
 * IvrFlow ivr = IvrFlow.builder().clock(clock).build();               // the default flow and prompts
 * CallCenter center = CallCenter.builder().clock(clock).callFlow(ivr).build();
 * Call call = center.createCall(NewCall.fromPhone("+966501234567"));
 * center.startFlow(call.id());                                           // greeting + language menu
 * center.handleInput(call.id(), FlowInput.digits("2"));                  // English
 * }</pre>
 *
 * <p>Pure and stateless: everything a session needs between inputs is kept in the call ({@link Call#flowState()},
 * {@link Call#ivrStage()}, collected data, language, department, priority), so any node can take the next input.
 * Thread-safe.
 */
public final class IvrFlow implements CallFlow {
  private final StateMachine machine;

  private IvrFlow(StateMachine machine) {
    this.machine = machine;
  }

  /** The default flow with the built-in prompts, keyword classifier and policy, and nobody in the CRM. */
  public static IvrFlow defaults(Clock clock) {
    return builder().clock(clock).build();
  }

  @Override
  public FlowStep begin(Call call) {
    return machine.begin(Checks.notNull(call, "call"));
  }

  @Override
  public FlowStep handle(Call call, FlowInput input) {
    return machine.handle(Checks.notNull(call, "call"), Checks.notNull(input, "input"));
  }

  /** The stage a call's session is in (GREETING before it began). */
  public static Stage stageOf(Call call) {
    String s = call.flowState().get(StateMachine.STAGE);
    return s == null ? Stage.GREETING : Stage.valueOf(s);
  }

  /**
   * How the IVR session of a call ended: {@code queued}, {@code fallback}, {@code callback}, {@code transferred} or
   * {@code abandoned};
   * null while it is running.
   */
  public static @Nullable String outcomeOf(Call call) {
    return call.flowState().get(StateMachine.END);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Wires an IVR; every part has a default, each may be set once. */
  public static final class Builder {
    private final Set<String> set = new HashSet<>();
    private Supplier<FlowDefinition> flow = FlowDefinition::defaults;
    private PromptCatalogue prompts = PromptCatalogue.defaults();
    private CustomerLookup customers = CustomerLookup.none();
    private PinVerifier pins = PinVerifier.rejectAll();
    private IntentClassifier classifier = IntentClassifier.defaultKeywords();
    private @Nullable CallPolicy policy;
    private QueueOutlook outlook = QueueOutlook.none();
    private TicketRequester tickets = TicketRequester.none();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    private void once(String field) {
      if (!set.add(field)) {
        throw InvalidInputException.of(field, "is already set");
      }
    }

    /** A fixed flow (default: {@link FlowDefinition#defaults()}). */
    public Builder flow(FlowDefinition value) {
      once("flow");
      Checks.notNull(value, "flow");
      flow = () -> value;
      return this;
    }

    /** The flow in force in {@code repository}, read at every step so a reload takes effect at once. */
    public Builder flows(FlowRepository repository) {
      once("flow");
      flow = Checks.notNull(repository, "flows");
      return this;
    }

    public Builder prompts(PromptCatalogue value) {
      once("prompts");
      prompts = Checks.notNull(value, "prompts");
      return this;
    }

    public Builder customers(CustomerLookup value) {
      once("customers");
      customers = Checks.notNull(value, "customers");
      return this;
    }

    public Builder pins(PinVerifier value) {
      once("pins");
      pins = Checks.notNull(value, "pins");
      return this;
    }

    public Builder classifier(IntentClassifier value) {
      once("classifier");
      classifier = Checks.notNull(value, "classifier");
      return this;
    }

    /** The rules (default: {@link CallPolicy#from(FlowDefinition)} of the flow in force). */
    public Builder policy(CallPolicy value) {
      once("policy");
      policy = Checks.notNull(value, "policy");
      return this;
    }

    public Builder queueOutlook(QueueOutlook value) {
      once("queueOutlook");
      outlook = Checks.notNull(value, "queueOutlook");
      return this;
    }

    /** Opens a ticket when a caller asks for a callback (default: {@link TicketRequester#none()}). */
    public Builder tickets(TicketRequester value) {
      once("tickets");
      tickets = Checks.notNull(value, "tickets");
      return this;
    }

    public Builder clock(Clock value) {
      once("clock");
      clock = Checks.notNull(value, "clock");
      return this;
    }

    /** @throws InvalidInputException when the flow names prompts the catalogue lacks */
    public IvrFlow build() {
      FlowDefinition initial = flow.get();
      dev.callcenter.ivr.internal.FlowFileReader.checkPrompts(initial, prompts);
      Function<FlowDefinition, CallPolicy> policies;
      if (policy != null) {
        CallPolicy fixed = policy;
        policies = d -> fixed;
      } else {
        AtomicReference<Map.Entry<FlowDefinition, CallPolicy>> last = new AtomicReference<>();
        policies = d -> {
          Map.Entry<FlowDefinition, CallPolicy> e = last.get();
          if (e == null || e.getKey() != d) { // the flow in force changed: its policy too
            e = Map.entry(d, CallPolicy.from(d));
            last.set(e);
          }
          return e.getValue();
        };
      }
      return new IvrFlow(new StateMachine(flow, prompts, customers, pins, classifier, policies, outlook, tickets,
          clock));
    }
  }
}
