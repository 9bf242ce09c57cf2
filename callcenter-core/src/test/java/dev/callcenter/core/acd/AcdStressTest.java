package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Many threads offer (enqueue), accept, reject, let offers time out, complete, abandon, ask for callbacks and change
 * agents' statuses at once, while a clock thread moves the fake clock and runs the timers. Afterwards the event log
 * must show that no agent ever held two reservations (nor a call two agents), and every call must be accounted for.
 */
class AcdStressTest {
  private static final int AGENTS = 20;
  private static final int CALLERS = 2;
  private static final int CALLS_PER_CALLER = 500;
  private static final int AGENT_THREADS = 3;
  private static final int MAX_OPS_PER_AGENT_THREAD = 1_000_000;

  @Test
  void noAgentEverHoldsTwoReservationsAndEveryCallIsAccountedFor() throws Exception {
    MutableClock clock = new MutableClock(Fixture.START);
    CallCenter center = CallCenter.builder().clock(clock).build();
    Acd acd = Acd.builder(center).random(new Random(1))
        .queue(QueueConfig.builder(SALES).skill("x").offerTimeout(Duration.ofSeconds(3))
            .rejectDelay(Duration.ofSeconds(1)).wrapUp(Duration.ofSeconds(1)).maxNoAnswers(3)
            .steps(RoutingStep.skill(Duration.ZERO, 3), RoutingStep.anyAgent(Duration.ofSeconds(5))).build())
        .build();
    List<AgentId> agents = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      AgentId id = center.addAgent(new NewAgent("agent-" + i, "Agent " + i, null, null, SALES,
          Map.of("x", 1 + i % 5))).id();
      agents.add(id);
      acd.setAgentStatus(id, AgentStatus.AVAILABLE);
    }

    List<CallId> created = new CopyOnWriteArrayList<>();
    Map<AgentId, CallId> onCall = new ConcurrentHashMap<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    AtomicInteger accepted = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger callersRunning = new AtomicInteger(CALLERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();

    for (int c = 0; c < CALLERS; c++) {
      int seed = c;
      threads.add(new Thread(() -> guarded(failures, start, () -> {
        Random rnd = new Random(100 + seed);
        try {
          offerCalls(center, acd, created, rnd, seed);
        } finally {
          callersRunning.decrementAndGet();
        }
      })));
    }
    for (int t = 0; t < AGENT_THREADS; t++) {
      int seed = t;
      threads.add(new Thread(() -> guarded(failures, start, () -> {
        Random rnd = new Random(200 + seed);
        for (int i = 0; i < MAX_OPS_PER_AGENT_THREAD && callersRunning.get() > 0; i++) {
          AgentId agent = agents.get(rnd.nextInt(agents.size()));
          int r = rnd.nextInt(100);
          LockSupport.parkNanos(50_000);
          try {
            if (r < 50) {
              if (acd.reservation(agent).isPresent()) {
                Call call = acd.accept(agent);
                accepted.incrementAndGet();
                onCall.put(agent, call.id());
              }
            } else if (r < 55) {
              if (acd.reservation(agent).isPresent()) {
                acd.reject(agent);
              }
            } else if (r < 85) {
              CallId call = onCall.remove(agent);
              if (call != null) {
                acd.complete(call);
              }
            } else if (r < 88) {
              acd.setAgentStatus(agent, AgentStatus.ON_BREAK);
            } else if (r < 98) {
              acd.setAgentStatus(agent, AgentStatus.AVAILABLE);
            } else {
              acd.setAgentStatus(agent, AgentStatus.OFFLINE);
            }
          } catch (IllegalTransitionException | NotFoundException expected) {
            // another thread changed this agent or call first
          }
        }
      })));
    }
    Thread ticker = new Thread(() -> guarded(failures, start, () -> {
      while (!done.get()) {
        clock.advance(Duration.ofMillis(200));
        acd.tick();
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }));

    threads.forEach(Thread::start);
    ticker.start();
    start.countDown();
    for (Thread t : threads) {
      t.join(120_000);
    }
    done.set(true);
    ticker.join(10_000);
    assertThat(failures).isEmpty();

    // ---- no agent ever held two reservations; no call was ever reserved by two agents ----
    List<Event> events = new ArrayList<>();
    long after = 0;
    List<Event> batch;
    do {
      batch = center.eventsAfter(after, 10_000);
      events.addAll(batch);
      if (!batch.isEmpty()) {
        after = batch.get(batch.size() - 1).sequence();
      }
    } while (batch.size() == 10_000);
    Map<String, String> stateOf = new HashMap<>();
    Map<String, String> heldCallOf = new HashMap<>();
    Map<String, String> holderOf = new HashMap<>();
    int reservations = 0;
    for (Event e : events) {
      if (e.type() != EventType.AGENT_STATUS_CHANGED || !e.data().containsKey("routingState")) {
        continue;
      }
      String agent = e.subject();
      String state = (String) e.data().get("routingState");
      String previous = stateOf.put(agent, state);
      String released = heldCallOf.remove(agent);
      if (released != null) {
        holderOf.remove(released);
      }
      if (state.equals("reserved")) {
        reservations++;
        String call = (String) e.data().get("callId");
        assertThat(previous).as("agent %s reserved twice in a row (event %d)", agent, e.sequence())
            .isNotEqualTo("reserved");
        assertThat(holderOf.get(call)).as("call %s reserved by two agents (event %d)", call, e.sequence())
            .isNull();
        heldCallOf.put(agent, call);
        holderOf.put(call, agent);
      }
    }
    // the run exercised reservations, and every accepted call came through one (how many depends on scheduling)
    assertThat(accepted.get()).as("calls accepted by agents").isPositive();
    assertThat(reservations).as("reservations offered").isGreaterThanOrEqualTo(accepted.get());

    // ---- every call is assigned, waiting, waiting for a callback, or abandoned; counts add up ----
    List<Call> calls = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      var slice = center.listCalls(CallQuery.ALL, page);
      calls.addAll(slice.items());
      if (!slice.hasNext()) {
        break;
      }
      page = page.next();
    }
    int assigned = 0;
    int waiting = 0;
    int callbacks = 0;
    int abandoned = 0;
    int offered = 0;
    int calledBack = 0;
    for (Call call : calls) {
      switch (call.status()) {
        case IN_PROGRESS, COMPLETED -> {
          assertThat(call.agentId()).as("call %s", call.id()).isNotNull();
          assigned++;
          if (call.tags().contains(Acd.TAG_CALLBACK)) {
            calledBack++;
          }
        }
        case IN_QUEUE -> {
          Placement placement = acd.placement(call.id());
          assertThat(placement.state()).isIn(Placement.State.WAITING, Placement.State.CALLBACK,
              Placement.State.OFFERED);
          if (placement.state() == Placement.State.OFFERED) {
            offered++;
          }
          if (call.tags().contains(Acd.TAG_CALLBACK)) {
            callbacks++;
          } else {
            waiting++;
          }
        }
        case ABANDONED -> abandoned++;
        default -> throw new AssertionError("call " + call.id() + " ended up " + call.status());
      }
    }
    assertThat(calls).hasSize(created.size()).hasSize(CALLERS * CALLS_PER_CALLER);
    assertThat(assigned + waiting + callbacks + abandoned).isEqualTo(created.size());
    assertThat(assigned).isEqualTo(accepted.get());
    assertThat(acd.waiting(SALES)).hasSize(waiting + callbacks - offered);

    // ---- the ACD and the agent store agree; reserved agents match offered calls ----
    int reserved = 0;
    for (AgentId agent : agents) {
      RoutingState state = acd.routingState(agent);
      assertThat(center.getAgent(agent).status()).as("agent %s", agent).isEqualTo(state.visibleStatus());
      Optional<Reservation> reservation = acd.reservation(agent);
      assertThat(reservation.isPresent()).isEqualTo(state == RoutingState.RESERVED);
      if (reservation.isPresent()) {
        reserved++;
        assertThat(acd.placement(reservation.get().callId()).state()).isEqualTo(Placement.State.OFFERED);
      }
    }
    assertThat(reserved).isEqualTo(offered);

    // ---- no reservation is left stuck: once the clock passes every offer timeout, none is older than that ----
    clock.advance(Duration.ofSeconds(10));
    acd.tick();
    for (AgentId agent : agents) {
      acd.reservation(agent).ifPresent(r -> assertThat(r.expiresAt()).isAfter(clock.instant()));
    }
    System.out.printf("stress: %d calls: %d assigned (%d of them called back), %d waiting (%d offered), "
        + "%d callbacks waiting, %d abandoned; %d reservations, %d events%n", created.size(), assigned, calledBack,
        waiting, offered, callbacks, abandoned, reservations, events.size());
    acd.close();
  }

  private static void offerCalls(CallCenter center, Acd acd, List<CallId> created, Random rnd, int seed) {
    for (int i = 0; i < CALLS_PER_CALLER; i++) {
      CallId call = center.createCall(NewCall.fromPhone("+9665" + (10_000_000 + seed * 1_000_000 + i))).id();
      acd.enqueue(call, SALES, Priority.values()[rnd.nextInt(4)], rnd.nextBoolean() ? "x" : null);
      created.add(call);
      int r = rnd.nextInt(100);
      CallId some = created.get(Math.max(0, created.size() - 1 - rnd.nextInt(10)));
      try {
        if (r < 10) {
          acd.abandon(some);
        } else if (r < 15) {
          acd.requestCallback(some);
        }
      } catch (IllegalTransitionException | NotFoundException expected) {
        // the call was answered, ended or left meanwhile
      }
    }
  }

  private static void guarded(List<Throwable> failures, CountDownLatch start, Runnable body) {
    try {
      start.await();
      body.run();
    } catch (Throwable t) {
      failures.add(t);
    }
  }

}
