package dev.callcenter.core.acd;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A call center on a fake clock with an ACD, and shorthands for scripted scenarios. */
final class Fixture {
  static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final CallCenter center = CallCenter.builder().clock(clock).build();
  final Acd acd;
  final List<Reservation> offers = new ArrayList<>();
  private int calls;

  Fixture(Consumer<Acd.Builder> configure) {
    Acd.Builder builder = Acd.builder(center).onOffer(offers::add);
    configure.accept(builder);
    acd = builder.build();
  }

  Fixture() {
    this(b -> {});
  }

  AgentId agent(String id, Department department, Map<String, Integer> skills) {
    return center.addAgent(new NewAgent(id, "Agent " + id, null, null, department, skills)).id();
  }

  /** Adds an agent and logs it in. */
  AgentId available(String id, Department department, Map<String, Integer> skills) {
    AgentId agent = agent(id, department, skills);
    acd.setAgentStatus(agent, AgentStatus.AVAILABLE);
    return agent;
  }

  CallId newCall() {
    calls++;
    return center.createCall(NewCall.fromPhone("+96650123" + String.format("%04d", calls))).id();
  }

  CallId queued(Department department, Priority priority) {
    CallId call = newCall();
    acd.enqueue(call, department, priority);
    return call;
  }

  CallId queued(Department department, Priority priority, String skill) {
    CallId call = newCall();
    acd.enqueue(call, department, priority, skill);
    return call;
  }

  /** Moves the fake clock forward, stopping at each timer due on the way so that it runs on time. */
  void advance(Duration d) {
    advance(acd, clock, d);
  }

  /** Moves {@code clock} forward by {@code d}, running each of {@code acd}'s timers when it is due. */
  static void advance(Acd acd, MutableClock clock, Duration d) {
    Instant target = clock.instant().plus(d);
    while (true) {
      Optional<Instant> next = acd.nextDue();
      if (next.isEmpty() || next.get().isAfter(target)) {
        break;
      }
      if (next.get().isAfter(clock.instant())) {
        clock.set(next.get());
      }
      acd.tick();
    }
    clock.set(target);
    acd.tick();
  }

  void seconds(long s) {
    advance(Duration.ofSeconds(s));
  }

  /** The agent the call is offered to now, or null. */
  AgentId offeredTo(CallId call) {
    Placement p = acd.placement(call);
    if (p.state() != Placement.State.OFFERED) {
      return null;
    }
    for (int i = offers.size() - 1; i >= 0; i--) {
      if (offers.get(i).callId().equals(call)) {
        return offers.get(i).agentId();
      }
    }
    return null;
  }

  List<Event> events(EventType type) {
    return center.eventsAfter(0, 10_000).stream().filter(e -> e.type() == type).toList();
  }

  /** The routing states emitted for one agent, in order. */
  List<String> routingStates(AgentId agent) {
    return events(EventType.AGENT_STATUS_CHANGED).stream()
        .filter(e -> e.subject().equals(agent.value()) && e.data().containsKey("routingState"))
        .map(e -> (String) e.data().get("routingState")).toList();
  }
}
