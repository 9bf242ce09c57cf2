package dev.callcenter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Random command sequences against a call always leave it in a legal, consistent state. */
class CallLifecyclePropertyTest {

  sealed interface Command permits Move, Route, Collect, Tag, Connect, Tick {}

  record Move(CallStatus target) implements Command {}

  record Route(Department department, Priority priority) implements Command {}

  record Collect(String key, String value) implements Command {}

  record Tag(String tag) implements Command {}

  record Connect() implements Command {}

  record Tick(int seconds) implements Command {}

  private static final Set<CallStatus> REACHABLE = reachableFrom(CallStatus.INITIATED);

  @Property(tries = 300)
  void randomCommandsLeaveTheCallInALegalState(@ForAll("commands") @Size(max = 40) List<Command> commands) {
    TickingClock clock = new TickingClock();
    CallCenter center = CallCenter.builder().clock(clock).build();
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));

    for (Command command : commands) {
      AgentId agent = null;
      if (command instanceof Connect) { // a fresh agent ready to answer, set up before the snapshot
        agent = center.addAgent(NewAgent.of("Agent", Department.RECEPTION, Map.of())).id();
        center.setAgentStatus(agent, AgentStatus.AVAILABLE);
      }
      AgentId available = agent;
      Call before = center.getCall(call.id());
      long sequenceBefore = center.eventLog().lastSequence();
      Throwable failure = catchThrowable(() -> apply(center, clock, before, command, available));
      Call after = center.getCall(call.id());

      boolean mayFail = expectedToFail(before, command);
      if (failure == null) {
        assertThat(mayFail).as("%s on %s should have been refused", command, before.status()).isFalse();
      } else {
        assertThat(mayFail).as("%s on %s failed: %s", command, before.status(), failure).isTrue();
        assertThat(failure).isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining(before.status().name());
        assertThat(after).as("a refused command changes nothing").isEqualTo(before);
        assertThat(center.eventLog().lastSequence()).isEqualTo(sequenceBefore);
      }
      if (agent != null) {
        assertThat(center.getAgent(agent).status()).as("agent after %s", command)
            .isEqualTo(failure == null ? AgentStatus.BUSY : AgentStatus.AVAILABLE);
      }

      assertLegal(after);
      for (Agent a : center.listAgents(dev.callcenter.core.store.AgentQuery.ALL,
          dev.callcenter.core.store.PageRequest.first(100)).items()) {
        boolean onTheCall = after.isActive() && a.id().equals(after.agentId());
        assertThat(a.status() == AgentStatus.BUSY).as("agent %s BUSY iff it has the active call", a.id())
            .isEqualTo(onTheCall);
      }
      assertThat(after.status() == before.status() || before.status().canMoveTo(after.status()))
          .as("%s -> %s is a legal move", before.status(), after.status()).isTrue();
      assertThat(after.version()).isGreaterThanOrEqualTo(before.version());
      assertThat(after.version() == before.version()).isEqualTo(after.equals(before));
    }
  }

  private static void apply(CallCenter center, TickingClock clock, Call before, Command command,
      @org.jspecify.annotations.Nullable AgentId agent) {
    if (command instanceof Move move) {
      center.changeStatus(before.id(), move.target());
    } else if (command instanceof Route route) {
      center.route(before.id(), route.department(), route.priority());
    } else if (command instanceof Collect collect) {
      center.updateCall(before.id(),
          c -> c.withCollectedData(Map.of(collect.key(), collect.value()), clock.instant()));
    } else if (command instanceof Tag tag) {
      center.updateCall(before.id(), c -> c.withTags(Set.of(tag.tag()), clock.instant()));
    } else if (command instanceof Connect && agent != null) {
      center.connect(before.id(), agent);
    } else if (command instanceof Tick tick) {
      clock.advance(Duration.ofSeconds(tick.seconds()));
    }
  }

  private static boolean expectedToFail(Call before, Command command) {
    if (command instanceof Move move) {
      return !before.status().canMoveTo(move.target());
    }
    if (command instanceof Route) {
      return !before.isActive();
    }
    if (command instanceof Connect) {
      return !before.status().canMoveTo(CallStatus.IN_PROGRESS);
    }
    return false;
  }

  private static void assertLegal(Call call) {
    assertThat(REACHABLE).contains(call.status());
    Instant created = call.createdAt();
    assertThat(call.updatedAt()).isAfterOrEqualTo(created);
    for (Instant t : new Instant[] {call.queuedAt(), call.answeredAt(), call.endedAt()}) {
      if (t != null) {
        assertThat(t).isBetween(created, call.updatedAt());
      }
    }
    assertThat(call.endedAt() != null).as("ended time iff final").isEqualTo(call.status().isFinal());
    if (call.status() == CallStatus.IN_QUEUE) {
      assertThat(call.queuedAt()).isNotNull();
    }
    if (call.status() == CallStatus.IN_PROGRESS) {
      assertThat(call.answeredAt()).isNotNull(); // answered by an agent or, through telephony, by an extension
    }
    if (call.answeredAt() != null && call.endedAt() != null) {
      assertThat(call.answeredAt()).isBeforeOrEqualTo(call.endedAt());
    }
    Duration waited = call.waitTime(java.time.Clock.fixed(call.updatedAt(), java.time.ZoneOffset.UTC));
    if (waited != null) {
      assertThat(waited.isNegative()).as("negative wait %s", waited).isFalse();
    }
    assertThat(call.duration(java.time.Clock.fixed(call.updatedAt(), java.time.ZoneOffset.UTC)).isNegative()).isFalse();
  }

  private static Set<CallStatus> reachableFrom(CallStatus start) {
    Set<CallStatus> seen = EnumSet.of(start);
    Deque<CallStatus> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      for (CallStatus next : todo.pop().nextStatuses()) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  @Provide
  Arbitrary<List<Command>> commands() {
    Arbitrary<Command> move = Arbitraries.of(CallStatus.class).map(Move::new);
    Arbitrary<Command> route = net.jqwik.api.Combinators.combine(
        Arbitraries.of(Department.RECEPTION, Department.SALES, Department.COMPLAINTS, Department.of("billing")),
        Arbitraries.of(Priority.class)).as(Route::new);
    Arbitrary<Command> collect = net.jqwik.api.Combinators.combine(
        Arbitraries.of("order", "product", "reason"), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8))
        .as(Collect::new);
    Arbitrary<Command> tag = Arbitraries.of("vip", "angry", "callback").map(Tag::new);
    Arbitrary<Command> connect = Arbitraries.just(new Connect());
    Arbitrary<Command> tick = Arbitraries.integers().between(0, 600).map(Tick::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, move), net.jqwik.api.Tuple.of(2, route), net.jqwik.api.Tuple.of(2, collect),
        net.jqwik.api.Tuple.of(1, tag), net.jqwik.api.Tuple.of(2, connect), net.jqwik.api.Tuple.of(3, tick))
        .list();
  }
}
