package dev.callcenter.core.acd;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallDistributor;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.Priority;
import dev.callcenter.core.Skill;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.Subscription;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.Json;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic call distributor: assigns waiting calls to agents, built on a {@link CallCenter} whose stores,
 * events and clock it shares.
 *
 * <pre>{@code
 * Acd acd = Acd.builder(center)
 *     .queue(QueueConfig.builder(Department.SALES).selector(AgentSelector.bestProficiency()).skill("arabic")
 *         .steps(RoutingStep.skill(Duration.ZERO, 4), RoutingStep.skill(Duration.ofSeconds(30), 2),
 *             RoutingStep.anyAgent(Duration.ofSeconds(60)), RoutingStep.overflow(Duration.ofSeconds(120), RECEPTION))
 *         .build())
 *     .onOffer(reservation -> telephony.ring(reservation))
 *     .build();
 * acd.setAgentStatus(agentId, AgentStatus.AVAILABLE);   // log in
 * acd.enqueue(callId, Department.SALES, Priority.NORMAL); // offered at once when an agent fits
 * acd.accept(agentId);                                     // the agent answers
 * acd.complete(callId);                                    // the call ends; the agent wraps up
 * }</pre>
 *
 * <p>Building the ACD attaches it to the call center as its {@link CallDistributor}: the calls the call flow
 * queues are enqueued here and offered to agents; {@link #close()} detaches it. One ACD per call center.
 *
 * <p>Drive agents and queued calls through the ACD (not {@link CallCenter#setAgentStatus} or
 * {@link CallCenter#connect}); changes made on the call center directly are picked up at the next operation.
 * Every routing-state change of an agent is stored (as its public {@link AgentStatus}) and emitted as
 * {@code agent:status_changed} with the fields {@code routingState}, {@code queue} and, when a call is involved,
 * {@code callId}.
 *
 * <p>Every timeout (offer, reject delay, wrap-up, routing steps, maximum wait) runs on the call center's clock when
 * {@link #tick()} is called: tests advance a fake clock and tick; in production give the builder a
 * {@link Builder#scheduler scheduler}.
 *
 * <p><b>Recovery.</b> The ACD keeps its queues, offers and connected calls in memory. So that a restart on the same
 * stores loses nothing accepted, a new ACD takes over what the stores show in an ACD's care when it is built
 * ({@link Builder#recoverFromStore}, on by default; off when several ACDs share one store):
 * <ul>
 *   <li>IN_PROGRESS calls with an agent are connected to that agent again (BUSY): {@link #complete},
 *       {@link CallCenter#end}, transfers and wrap-up work as before;
 *   <li>IN_QUEUE calls with a department wait in that queue again, in their order: their place counts from their
 *       {@code queuedAt}, with their priority, skill (the queue's, or the one recorded in the call's
 *       {@code acd.skill} entry), and callback state ({@value #TAG_CALLBACK} tag); routing steps and the maximum
 *       wait count from when they entered that queue, so a call already past an overflow step or its maximum wait
 *       overflows or falls back at the next {@link #tick()};
 *   <li>agents the store shows BUSY without an IN_PROGRESS call (their offer, wrap-up or consultation was lost)
 *       become AVAILABLE ({@code agent:status_changed});
 * </ul>
 * then the waiting calls are offered to the available agents as usual ({@code agent:status_changed}, routing state
 * {@code reserved}, and the {@link Builder#onOffer offer listener}, called once the ACD is built). A recovered call
 * emits nothing by itself: it never left its queue or its agent as the call center sees it (no second
 * {@code call:queued}). A call TRANSFERRED to an agent who had not answered yet is not recovered.
 *
 * <p>Thread-safe: one lock guards the routing state, so an agent never holds two reservations. Events are emitted
 * under that lock, in order; an event listener must not call the ACD on the thread that delivers the event
 * (hand the work to an executor).
 */
public final class Acd implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Acd.class);
  private static final int MAX_HOPS = 8;
  private static final int MAX_RETRIES = 16;
  public static final String TAG_CALLBACK = "callback";
  public static final String TAG_TRANSFERRED = "transferred";
  /** Whether a new ACD takes over the waiting and connected calls of its call center's stores. */
  public static final boolean DEFAULT_RECOVER_FROM_STORE = true;
  /** Collected-data key: the skill a queued call needs, when it is not its queue's configured one ("" for none). */
  static final String DATA_SKILL = "acd.skill";
  /** Collected-data key: when a call that overflowed entered the queue it waits in. */
  static final String DATA_ENTERED_QUEUE = "acd.enteredQueueAt";
  private static final String DATA_OVERFLOW = "acd.overflow.";

  private final CallCenter center;
  private final Clock clock;
  private final Map<Department, QueueConfig> configs;
  private final WaitEstimator estimator;
  private final Random random;
  private final Map<AgentId, Integer> ranks;
  private final @Nullable Consumer<Reservation> offerListener;

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Department, QueueState> queues = new HashMap<>();
  private final Map<AgentId, AgentState> agents = new HashMap<>();
  private final Map<CallId, WaitingCall> calls = new HashMap<>();
  private final Map<CallId, AgentState> connected = new HashMap<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>(Timer.ORDER);
  private final List<Reservation> pendingOffers = new ArrayList<>();
  private final ConcurrentLinkedQueue<Event> outside = new ConcurrentLinkedQueue<>();
  private long offerSeq;
  private long timerSeq;
  private long callSeq;
  private long reservationSeq;
  private int nextRank;
  private boolean draining;

  private final Subscription subscription;
  private final CallDistributor distributor = new CallDistributor() {
    @Override
    public void distribute(CallId callId, Department department, Priority priority) {
      enqueue(callId, department, priority);
    }

    @Override
    public @Nullable Call complete(CallId callId) {
      // whoever ends a call the ACD connected (the telephony bridge on a hang-up, a REST request), its agent wraps up
      return locked(() -> connected.containsKey(callId) ? Acd.this.complete(callId) : null);
    }
  };
  private final @Nullable ScheduledFuture<?> ticking;

  private Acd(Builder b) {
    this.center = b.center;
    this.clock = center.clock();
    this.configs = Map.copyOf(b.configs);
    this.estimator = b.estimator != null ? b.estimator : WaitEstimator.movingAverage();
    this.random = b.random != null ? b.random : new Random();
    this.ranks = Map.copyOf(b.ranks);
    this.offerListener = b.offerListener;
    this.subscription = center.subscribe(this::noticeOutside);
    List<Reservation> offers;
    try {
      center.distributeWith(distributor); // the call flow's queued calls come here
      lock.lock();
      try {
        loadAgents();
        if (b.recoverFromStore == null ? DEFAULT_RECOVER_FROM_STORE : b.recoverFromStore) {
          recover(clock.instant());
        }
      } finally {
        offers = takePendingOffers();
        lock.unlock();
      }
    } catch (RuntimeException e) {
      center.stopDistributingWith(distributor);
      subscription.close();
      throw e;
    }
    deliver(offers);
    this.ticking = b.scheduler == null || b.tickPeriod == null ? null
        : b.scheduler.scheduleWithFixedDelay(this::tickFenced, b.tickPeriod.toNanos(), b.tickPeriod.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  public static Builder builder(CallCenter center) {
    return new Builder(Checks.notNull(center, "center"));
  }

  // ---- agents ----------------------------------------------------------------------------------------------

  /**
   * Logs an agent in (AVAILABLE), out (OFFLINE) or on a break (ON_BREAK). A break or log-out asked for during a
   * call takes effect when the call (and its wrap-up) ends; during an offer, the offer is withdrawn and the call
   * keeps its place. AVAILABLE during wrap-up ends the wrap-up.
   *
   * @throws IllegalTransitionException for BUSY (an agent becomes busy by {@link #accept})
   * @throws NotFoundException when there is no such agent
   */
  public RoutingState setAgentStatus(AgentId agentId, AgentStatus status) {
    Checks.notNull(agentId, "agentId");
    Checks.notNull(status, "status");
    return locked(() -> {
      AgentState a = agent(agentId);
      if (status == AgentStatus.BUSY) {
        throw IllegalTransitionException.of("agent " + agentId + " (use accept to take a call)", a.state,
            RoutingState.BUSY);
      }
      changePresence(a, RoutingState.of(status), clock.instant());
      return a.state;
    });
  }

  /** The agent's routing state. */
  public RoutingState routingState(AgentId agentId) {
    Checks.notNull(agentId, "agentId");
    return locked(() -> agent(agentId).state);
  }

  /** The call offered to the agent, if one is. */
  public Optional<Reservation> reservation(AgentId agentId) {
    Checks.notNull(agentId, "agentId");
    return locked(() -> Optional.ofNullable(agent(agentId).reservation));
  }

  /**
   * The agent a call for {@code department} needing {@code skill} at {@code minProficiency} (0: any agent) would be
   * offered now, without offering it. O(log n) in the number of available agents.
   */
  public Optional<AgentId> bestAgentFor(Department department, @Nullable String skill, int minProficiency) {
    Checks.notNull(department, "department");
    Checks.inRange(minProficiency, 0, Skill.MAX_PROFICIENCY, "minProficiency");
    return locked(() -> {
      QueueState q = queue(department);
      // a skill some agent of the queue has is a valid one; only other names need the (slower) validation
      String s = skill == null || q.knowsSkill(skill) ? skill : Skill.of(skill, Skill.MIN_PROFICIENCY).name();
      AgentState a = q.bestAgent(s, minProficiency);
      return Optional.ofNullable(a == null ? null : a.id);
    });
  }

  // ---- calls ---------------------------------------------------------------------------------------------

  /** {@link #enqueue(CallId, Department, Priority, String)} with the queue's own skill. */
  public Placement enqueue(CallId callId, Department department, Priority priority) {
    return enqueue(callId, department, priority, null);
  }

  /**
   * Routes the call to {@code department}'s queue ({@code call:routed}, {@code call:queued}) and offers it to an
   * agent at once when one fits; otherwise the call waits. A call the queue refuses (full, or no agent logged in
   * when the queue does not accept that) overflows or falls back as configured.
   *
   * @param skill the skill the call needs (agents' proficiency in it is what the routing steps test); null for the
   *     queue's configured skill. One other than the queue's is kept on the call ({@code acd.skill}, one more
   *     {@code call:updated}) so that an ACD built after a restart recovers it
   * @throws AlreadyExistsException when the call is already in the ACD
   * @throws IllegalTransitionException when the call cannot be queued (it ended, or is connected)
   */
  public Placement enqueue(CallId callId, Department department, Priority priority, @Nullable String skill) {
    Checks.notNull(callId, "callId");
    Checks.notNull(department, "department");
    Checks.notNull(priority, "priority");
    String s = skill == null ? null : Skill.of(skill, Skill.MIN_PROFICIENCY).name();
    return locked(() -> {
      if (calls.containsKey(callId) || connected.containsKey(callId)) {
        throw AlreadyExistsException.of("call in the ACD", callId);
      }
      QueueState q = queue(department);
      Instant now = clock.instant();
      Call call = center.enqueue(callId, department, priority);
      WaitingCall w = new WaitingCall(callId, priority, s != null ? s : q.config.skill(),
          call.queuedAt() != null ? call.queuedAt() : now, ++callSeq, q);
      recordSkill(call, w.skill, q, now);
      return place(w, q, now);
    });
  }

  /**
   * The caller asks to be called back: the call keeps its place (and its routing steps) but no longer counts
   * against the maximum wait; when an agent accepts it, the agent calls the customer back. Tags the call
   * {@value #TAG_CALLBACK}.
   *
   * @throws NotFoundException when the call is not waiting in the ACD
   */
  public Placement requestCallback(CallId callId) {
    Checks.notNull(callId, "callId");
    return locked(() -> {
      WaitingCall w = calls.get(callId);
      if (w == null) {
        throw NotFoundException.of("waiting call", callId);
      }
      makeCallback(w, clock.instant(), "requested");
      return placementOf(w);
    });
  }

  /** Where the call stands: position and estimated wait while waiting. */
  public Placement placement(CallId callId) {
    Checks.notNull(callId, "callId");
    return locked(() -> {
      WaitingCall w = calls.get(callId);
      if (w != null) {
        return placementOf(w);
      }
      AgentState a = connected.get(callId);
      if (a != null) {
        return new Placement(callId, a.department, Placement.State.CONNECTED, 0, Duration.ZERO, null);
      }
      throw NotFoundException.of("call in the ACD", callId);
    });
  }

  /** The calls waiting in a queue (callbacks included, offered calls not), first to be served first. */
  public List<CallId> waiting(Department department) {
    Checks.notNull(department, "department");
    return locked(() -> queue(department).waitingInOrder().stream().map(w -> w.id).toList());
  }

  /** The queue's figures now, as the {@link WaitEstimator} sees them. */
  public QueueSnapshot snapshot(Department department) {
    Checks.notNull(department, "department");
    return locked(() -> queue(department).snapshot(clock.instant()));
  }

  /**
   * The offered agent answers: the call goes IN_PROGRESS with this agent, the agent BUSY.
   *
   * @throws IllegalTransitionException when the agent holds no reservation, or the call ended meanwhile (the
   *     reservation is then withdrawn)
   */
  public Call accept(AgentId agentId) {
    Checks.notNull(agentId, "agentId");
    return locked(() -> {
      AgentState a = agent(agentId);
      WaitingCall w = a.offered;
      if (a.state != RoutingState.RESERVED || w == null) {
        throw IllegalTransitionException.of("agent " + agentId + " (no call offered)", a.state, RoutingState.BUSY);
      }
      Instant now = clock.instant();
      Call call = center.getCall(w.id);
      if (!call.isActive() || !call.status().canMoveTo(CallStatus.IN_PROGRESS)) {
        forget(w);
        releaseReserved(a, now);
        throw IllegalTransitionException.of("call " + w.id, call.status(), CallStatus.IN_PROGRESS);
      }
      center.updateCall(w.id, c -> c.withAgent(agentId, now));
      Call answered = center.changeStatus(w.id, CallStatus.IN_PROGRESS);
      calls.remove(w.id);
      w.epoch++;
      w.queue.recordAnswer(Duration.between(w.enteredQueueAt, now), w.joinPosition);
      connected.put(w.id, a);
      a.reservation = null;
      a.offered = null;
      a.call = w.id;
      a.handleStart = now;
      a.noAnswers = 0;
      moveAgent(a, RoutingState.BUSY, w.id, now, null);
      return answered;
    });
  }

  /**
   * The offered agent declines: the call returns to its place and is offered to another agent; this agent is left
   * out of routing for the queue's reject delay.
   */
  public void reject(AgentId agentId) {
    Checks.notNull(agentId, "agentId");
    locked(() -> {
      AgentState a = agent(agentId);
      if (a.state != RoutingState.RESERVED) {
        throw IllegalTransitionException.of("agent " + agentId + " (no call offered)", a.state,
            RoutingState.AVAILABLE);
      }
      declined(a, clock.instant(), false);
      return null;
    });
  }

  /**
   * The connected call ends normally ({@code call:ended}); its agent's statistics are updated and the agent goes to
   * wrap-up (or AVAILABLE without wrap-up time, or the break asked for during the call).
   */
  public Call complete(CallId callId) {
    Checks.notNull(callId, "callId");
    return locked(() -> {
      AgentState a = connected.get(callId);
      if (a == null) {
        throw NotFoundException.of("connected call", callId);
      }
      Instant now = clock.instant();
      Call ended = center.end(callId, AgentStatus.BUSY);
      connected.remove(callId);
      endConsultation(a, now);
      a.call = null;
      afterCall(a, callId, now, null);
      return ended;
    });
  }

  /**
   * The caller hung up before an agent answered ({@code call:abandoned}); an agent the call was offered to is
   * freed.
   */
  public Call abandon(CallId callId) {
    Checks.notNull(callId, "callId");
    return locked(() -> {
      if (connected.containsKey(callId)) {
        throw IllegalTransitionException.of("call " + callId + " (answered; use complete)", CallStatus.IN_PROGRESS,
            CallStatus.ABANDONED);
      }
      Call abandoned = center.abandon(callId);
      WaitingCall w = calls.get(callId);
      if (w != null) {
        dropWaiting(w, clock.instant());
      }
      return abandoned;
    });
  }

  // ---- transfers -------------------------------------------------------------------------------------------

  /**
   * Blind transfer of a connected call to a department's queue (with the call's priority): recorded in the call's
   * history, emitted as {@code call:transferred}, then queued there; the transferring agent goes to wrap-up.
   */
  public Placement transferToQueue(CallId callId, Department department, @Nullable String skill) {
    Checks.notNull(callId, "callId");
    Checks.notNull(department, "department");
    String s = skill == null ? null : Skill.of(skill, Skill.MIN_PROFICIENCY).name();
    return locked(() -> {
      AgentState from = connectedAgent(callId);
      Instant now = clock.instant();
      QueueState q = queue(department);
      Call call = handOver(callId, from, "blind", "queue:" + department.id(), null, now);
      Call queued = center.enqueue(callId, department, call.priority());
      WaitingCall w = new WaitingCall(callId, call.priority(), s != null ? s : q.config.skill(),
          queued.queuedAt() != null ? queued.queuedAt() : now, ++callSeq, q);
      recordSkill(queued, w.skill, q, now);
      Placement placement = place(w, q, now);
      afterCall(from, callId, now, talkOf(from, now));
      return placement;
    });
  }

  /**
   * Blind transfer of a connected call straight to an idle agent, who is offered it; if that agent declines or
   * does not answer, the call waits in the agent's department queue.
   *
   * @throws IllegalTransitionException when the target agent is not idle and routable; nothing changes then
   */
  public Placement transferToAgent(CallId callId, AgentId targetId) {
    Checks.notNull(callId, "callId");
    Checks.notNull(targetId, "targetId");
    return locked(() -> {
      AgentState from = connectedAgent(callId);
      AgentState target = routableTarget(targetId);
      Instant now = clock.instant();
      Call call = handOver(callId, from, "blind", "agent:" + targetId, null, now);
      QueueState q = queue(target.department);
      WaitingCall w = new WaitingCall(callId, call.priority(), q.config.skill(), now, ++callSeq, q);
      w.key = q.keyFor(w);
      w.enteredQueueAt = now;
      calls.put(callId, w);
      offer(w, target, now);
      afterCall(from, callId, now, talkOf(from, now));
      return placementOf(w);
    });
  }

  /**
   * Attended transfer, first half: the connected agent consults an idle colleague, who becomes BUSY; the caller
   * stays with the first agent. Finish with {@link #completeTransfer} or {@link #cancelTransfer}.
   */
  public void consult(CallId callId, AgentId targetId) {
    Checks.notNull(callId, "callId");
    Checks.notNull(targetId, "targetId");
    locked(() -> {
      AgentState from = connectedAgent(callId);
      if (from.consultWith != null) {
        throw InvalidInputException.of("callId", "call %s is already in a consultation with %s", callId,
            from.consultWith.id);
      }
      AgentState target = routableTarget(targetId);
      Instant now = clock.instant();
      from.consultWith = target;
      target.consultFor = callId;
      target.handleStart = now;
      moveAgent(target, RoutingState.BUSY, callId, now, null);
      return null;
    });
  }

  /**
   * Attended transfer, second half: the consulted agent takes the call (recorded in its history, emitted as
   * {@code call:transferred}); the first agent goes to wrap-up.
   */
  public Call completeTransfer(CallId callId) {
    Checks.notNull(callId, "callId");
    return locked(() -> {
      AgentState from = connectedAgent(callId);
      AgentState target = from.consultWith;
      if (target == null) {
        throw NotFoundException.of("consultation on call", callId);
      }
      Instant now = clock.instant();
      handOver(callId, from, "attended", "agent:" + target.id, target.id, now);
      Call answered = center.changeStatus(callId, CallStatus.IN_PROGRESS);
      from.consultWith = null;
      target.consultFor = null;
      target.call = callId;
      connected.put(callId, target);
      afterCall(from, callId, now, talkOf(from, now));
      return answered;
    });
  }

  /** Attended transfer called off: the consulted agent is free again and the caller stays. */
  public void cancelTransfer(CallId callId) {
    Checks.notNull(callId, "callId");
    locked(() -> {
      AgentState from = connectedAgent(callId);
      if (from.consultWith == null) {
        throw NotFoundException.of("consultation on call", callId);
      }
      endConsultation(from, clock.instant());
      return null;
    });
  }

  // ---- time ------------------------------------------------------------------------------------------------

  /**
   * Runs every timer due by the clock's current time, in order of due time: offer timeouts, reject delays, wrap-up
   * ends, routing steps and maximum waits.
   *
   * @return how many timers ran
   */
  public int tick() {
    return locked(() -> {
      Instant now = clock.instant();
      int ran = 0;
      while (!timers.isEmpty() && !timers.peek().due().isAfter(now)) {
        Timer t = timers.poll();
        try {
          if (fire(t, now)) {
            ran++;
          }
        } catch (RuntimeException e) {
          LOG.warn("ACD timer {} failed; skipped", t.kind(), e);
        }
      }
      return ran;
    });
  }

  /** When the next timer is due, if any (stale timers included). */
  public Optional<Instant> nextDue() {
    return locked(() -> Optional.ofNullable(timers.isEmpty() ? null : timers.peek().due()));
  }

  /** Stops the scheduler (if any) and the subscription to the call center's events. */
  @Override
  public void close() {
    if (ticking != null) {
      ticking.cancel(false);
    }
    center.stopDistributingWith(distributor);
    subscription.close();
  }

  // ---- machinery: agents -------------------------------------------------------------------------------------

  private void changePresence(AgentState a, RoutingState target, Instant now) {
    switch (a.state) {
      case RESERVED -> {
        if (target == RoutingState.AVAILABLE) {
          return;
        }
        WaitingCall w = a.offered;
        a.reservation = null;
        a.offered = null;
        moveAgent(a, target, null, now, null);
        if (w != null) {
          w.agent = null;
          returnToQueue(w, now);
        }
      }
      case BUSY -> {
        if (a.call == null && a.consultFor == null) { // busy in the store without a call the ACD knows
          if (target == RoutingState.AVAILABLE) {
            becomeIdle(a, now);
          } else {
            moveAgent(a, target, null, now, null);
          }
        } else if (target != RoutingState.AVAILABLE) {
          a.pending = target;
        }
        return;
      }
      case WRAP_UP -> {
        a.pending = null;
        if (target == RoutingState.AVAILABLE) {
          becomeIdle(a, now);
        } else {
          moveAgent(a, target, null, now, null);
        }
      }
      default -> {
        if (a.state == target) {
          return;
        }
        if (target == RoutingState.AVAILABLE) {
          a.noAnswers = 0;
          becomeIdle(a, now);
        } else {
          moveAgent(a, target, null, now, null);
        }
      }
    }
    leaveIfEmpty(queue(a.department), now);
  }

  /**
   * Moves the agent to {@code to}: out of the available index, stored with the visible status (plus
   * {@code storeChange}), emitted as {@code agent:status_changed}.
   */
  private void moveAgent(AgentState a, RoutingState to, @Nullable CallId callId, Instant now,
      @Nullable UnaryOperator<Agent> storeChange) {
    QueueState q = queue(a.department);
    unindex(a);
    RoutingState from = a.state;
    Agent stored = store(a, to.visibleStatus(), now, storeChange);
    q.count(from, -1);
    q.count(to, 1);
    a.state = to;
    a.epoch++;
    if (from != to || storeChange != null || callId != null) {
      Map<String, Object> data = new LinkedHashMap<>(Json.toMap(stored));
      data.put("routingState", to.wireName());
      data.put("queue", a.department.id());
      if (callId != null) {
        data.put("callId", callId.value());
      }
      center.emit(EventType.AGENT_STATUS_CHANGED, a.id.value(), data);
    }
  }

  private Agent store(AgentState a, AgentStatus visible, Instant now, @Nullable UnaryOperator<Agent> change) {
    for (int attempt = 0; ; attempt++) {
      Agent current = center.getAgent(a.id);
      Agent next = current;
      if (current.status() == AgentStatus.OFFLINE && visible == AgentStatus.BUSY) {
        next = next.withStatus(AgentStatus.AVAILABLE, now);
      }
      next = next.withStatus(visible, now);
      if (change != null) {
        next = change.apply(next);
      }
      try {
        Agent stored = next.equals(current) ? current : center.agents().update(next);
        a.callsHandled = stored.stats().callsHandled();
        a.talkTime = stored.stats().talkTime();
        return stored;
      } catch (VersionConflictException e) {
        if (attempt >= MAX_RETRIES) {
          throw e;
        }
      }
    }
  }

  private void index(AgentState a) {
    if (!a.indexed && a.state == RoutingState.AVAILABLE) {
      queue(a.department).addAgent(a);
      a.indexed = true;
    }
  }

  private void unindex(AgentState a) {
    if (a.indexed) {
      queue(a.department).removeAgent(a);
      a.indexed = false;
    }
  }

  /** The agent is idle from now: AVAILABLE, in the index, and offered the best waiting call it may take. */
  private void becomeIdle(AgentState a, Instant now) {
    unindex(a);
    a.idleSince = now;
    moveAgent(a, RoutingState.AVAILABLE, null, now, null);
    index(a);
    dispatchAgent(a, now);
  }

  private void afterCall(AgentState a, CallId callId, Instant now, @Nullable Duration transferredTalk) {
    a.call = null;
    UnaryOperator<Agent> stats = transferredTalk == null ? null
        : ag -> ag.withStats(ag.stats().plusCall(transferredTalk, now));
    QueueState q = queue(a.department);
    RoutingState pending = a.pending;
    a.pending = null;
    if (pending != null) {
      recordHandle(a, now);
      moveAgent(a, pending, callId, now, stats);
      leaveIfEmpty(q, now);
    } else if (q.config.wrapUp().isZero()) {
      recordHandle(a, now);
      if (stats != null) {
        moveAgent(a, RoutingState.BUSY, callId, now, stats);
      }
      becomeIdle(a, now);
    } else {
      moveAgent(a, RoutingState.WRAP_UP, callId, now, stats);
      schedule(now.plus(q.config.wrapUp()), Timer.Kind.WRAP_UP_END, a, a.epoch, 0);
    }
  }

  private void recordHandle(AgentState a, Instant now) {
    if (a.handleStart != null) {
      queue(a.department).recordHandle(Duration.between(a.handleStart, now));
      a.handleStart = null;
    }
  }

  private void endConsultation(AgentState from, Instant now) {
    AgentState target = from.consultWith;
    if (target != null) {
      from.consultWith = null;
      target.consultFor = null;
      target.handleStart = null;
      RoutingState pending = target.pending;
      target.pending = null;
      if (pending != null) {
        moveAgent(target, pending, null, now, null);
        leaveIfEmpty(queue(target.department), now);
      } else {
        becomeIdle(target, now);
      }
    }
  }

  /** A reserved agent whose call went away: idle again at once, its idle time kept. */
  private void releaseReserved(AgentState a, Instant now) {
    a.reservation = null;
    a.offered = null;
    moveAgent(a, RoutingState.AVAILABLE, null, now, null);
    index(a);
    dispatchAgent(a, now);
  }

  private void declined(AgentState a, Instant now, boolean noAnswer) {
    WaitingCall w = a.offered;
    QueueConfig config = queue(a.department).config;
    a.reservation = null;
    a.offered = null;
    if (noAnswer) {
      a.noAnswers++;
    }
    boolean toBreak = noAnswer && a.noAnswers >= config.maxNoAnswers();
    if (toBreak) {
      a.noAnswers = 0;
      moveAgent(a, RoutingState.ON_BREAK, w == null ? null : w.id, now, null);
    } else {
      moveAgent(a, RoutingState.AVAILABLE, w == null ? null : w.id, now, null);
    }
    if (w != null) {
      w.agent = null;
      returnToQueue(w, now);
    }
    if (!toBreak) {
      if (config.rejectDelay().isZero()) {
        index(a);
        dispatchAgent(a, now);
      } else {
        schedule(now.plus(config.rejectDelay()), Timer.Kind.ROUTABLE, a, a.epoch, 0);
      }
    }
  }

  private AgentState agent(AgentId id) {
    AgentState a = agents.get(id);
    if (a == null) {
      a = track(center.getAgent(id));
    }
    return a;
  }

  private AgentState track(Agent agent) {
    Integer rank = ranks.get(agent.id());
    AgentState a = new AgentState(agent, rank != null ? rank : ranks.size() + nextRank++);
    agents.put(agent.id(), a);
    queue(a.department).count(a.state, 1);
    index(a);
    return a;
  }

  private void loadAgents() {
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Agent> slice = center.listAgents(AgentQuery.ALL, page);
      for (Agent agent : slice.items()) {
        if (!agents.containsKey(agent.id())) {
          track(agent);
        }
      }
      if (!slice.hasNext()) {
        return;
      }
      page = page.next();
    }
  }

  // ---- machinery: recovery ----------------------------------------------------------------------------------

  /**
   * Takes over what the stores show in an ACD's care (see the class doc): connected calls, waiting calls, and
   * agents left BUSY by an offer or a wrap-up of the process before; then offers the waiting calls as usual.
   */
  private void recover(Instant now) {
    for (Call call : storedCalls(CallStatus.IN_PROGRESS)) {
      if (call.agentId() != null) {
        adoptConnected(call);
      }
    }
    List<Call> queued = new ArrayList<>(storedCalls(CallStatus.IN_QUEUE));
    queued.sort(Comparator.comparing(Acd::queuedSince).thenComparing(Call::createdAt)
        .thenComparing(c -> c.id().value()));
    List<QueueState> touched = new ArrayList<>();
    for (Call call : queued) {
      Department department = call.department();
      if (department == null) {
        LOG.warn("call {} is IN_QUEUE without a department; not recovered", call.id());
        continue;
      }
      if (calls.containsKey(call.id())) {
        continue; // listed twice: the pages moved under concurrent writes
      }
      QueueState q = queue(department);
      if (!touched.contains(q)) {
        touched.add(q);
      }
      rejoin(call, q, now);
    }
    for (QueueState q : touched) {
      for (WaitingCall w : q.waitingInOrder()) {
        w.joinPosition = q.position(w);
      }
    }
    List<AgentState> stranded = agents.values().stream()
        .filter(a -> a.state == RoutingState.BUSY && a.call == null)
        .sorted(Comparator.comparing(a -> a.id.value())).toList();
    for (AgentState a : stranded) { // its offer, wrap-up or consultation went with the process before
      a.idleSince = now;
      moveAgent(a, RoutingState.AVAILABLE, null, now, null);
      index(a);
    }
    for (QueueState q : touched) {
      for (WaitingCall w : q.waitingInOrder()) {
        dispatchCall(w, now);
      }
    }
    if (!connected.isEmpty() || !calls.isEmpty() || !stranded.isEmpty()) {
      LOG.info("ACD recovered {} connected and {} waiting calls and freed {} agents left busy", connected.size(),
          calls.size(), stranded.size());
    }
  }

  /**
   * A call an agent answered: connected to that agent again, BUSY, so that ending it gives the wrap-up. Nothing is
   * stored or emitted: the store already says so. An agent the store shows on a break or logged out (changed on the
   * call center during the call) takes that status when the call is over, as it would have.
   */
  private void adoptConnected(Call call) {
    AgentState a = call.agentId() == null ? null : agents.get(call.agentId());
    if (a == null || a.call != null) {
      LOG.warn("call {} is IN_PROGRESS with agent {}, whom the ACD cannot connect it to; not recovered", call.id(),
          call.agentId());
      return;
    }
    if (a.state == RoutingState.ON_BREAK || a.state == RoutingState.OFFLINE) {
      a.pending = a.state;
    }
    unindex(a);
    queue(a.department).count(a.state, -1);
    queue(a.department).count(RoutingState.BUSY, 1);
    a.state = RoutingState.BUSY;
    a.epoch++;
    a.call = call.id();
    a.handleStart = call.answeredAt() != null ? call.answeredAt() : call.updatedAt();
    connected.put(call.id(), a);
  }

  /**
   * A call waiting in the store: back in its queue with its place and its wait so far, without emitting anything
   * (it never left the queue as the call center sees it).
   */
  private void rejoin(Call call, QueueState q, Instant now) {
    Instant first = queuedSince(call);
    String recorded = call.collectedData().get(DATA_SKILL);
    String skill = recorded == null ? q.config.skill() : recorded.isBlank() ? null : recorded;
    WaitingCall w = new WaitingCall(call.id(), call.priority(), skill, first, ++callSeq, q);
    while (call.collectedData().containsKey(DATA_OVERFLOW + (w.hops + 1))) {
      w.hops++;
    }
    w.callback = call.tags().contains(TAG_CALLBACK);
    Instant entered = first;
    String overflowedAt = call.collectedData().get(DATA_ENTERED_QUEUE);
    if (overflowedAt != null) {
      try {
        Instant at = Instant.parse(overflowedAt);
        entered = at.isAfter(first) ? at : first; // older: from before the call was queued again
      } catch (java.time.format.DateTimeParseException e) {
        LOG.warn("call {} has an unreadable {}; its wait counts from {}", call.id(), DATA_ENTERED_QUEUE, first);
      }
    }
    calls.put(w.id, w);
    q.recordArrival(first);
    join(w, q, entered.isAfter(now) ? now : entered, now);
  }

  private static Instant queuedSince(Call call) {
    return call.queuedAt() != null ? call.queuedAt() : call.createdAt();
  }

  /** Every stored call in {@code status}, read page by page. */
  private List<Call> storedCalls(CallStatus status) {
    List<Call> found = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Call> slice = center.listCalls(CallQuery.withStatus(status), page);
      found.addAll(slice.items());
      if (!slice.hasNext() || slice.items().isEmpty()) {
        return found;
      }
      page = page.next();
    }
  }

  /**
   * Keeps on the call the skill it waits with when recovery could not tell it from the queue's configuration
   * (an explicit skill, or one that differs from an earlier one recorded): one {@code call:updated}.
   */
  private void recordSkill(Call call, @Nullable String skill, QueueState q, Instant now) {
    String stored = call.collectedData().get(DATA_SKILL);
    if (stored == null && Objects.equals(skill, q.config.skill())) {
      return;
    }
    String value = skill == null ? "" : skill;
    if (!value.equals(stored)) {
      center.updateCall(call.id(), c -> c.withCollectedData(Map.of(DATA_SKILL, value), now));
    }
  }

  private AgentState connectedAgent(CallId callId) {
    AgentState a = connected.get(callId);
    if (a == null) {
      throw NotFoundException.of("connected call", callId);
    }
    return a;
  }

  private AgentState routableTarget(AgentId targetId) {
    AgentState target = agent(targetId);
    if (target.state != RoutingState.AVAILABLE || !target.indexed) {
      throw IllegalTransitionException.of("agent " + targetId + " (transfer target, not idle)", target.state,
          RoutingState.BUSY);
    }
    return target;
  }

  private static Duration talkOf(AgentState a, Instant now) {
    return a.handleStart == null ? Duration.ZERO : Duration.between(a.handleStart, now);
  }

  // ---- machinery: calls --------------------------------------------------------------------------------------

  /** Puts a new or moving call into {@code q}, or lets it overflow or fall back when {@code q} refuses it. */
  private Placement place(WaitingCall w, QueueState q, Instant now) {
    w.queue = q;
    calls.put(w.id, w);
    q.recordArrival(now);
    boolean refused = q.waitingCount() >= q.config.maxLength()
        || (q.loggedIn() == 0 && !q.config.joinWhenNoAgents());
    if (refused) {
      String reason = q.waitingCount() >= q.config.maxLength() ? "queue-full" : "no-agents";
      if (letGo(w, now, reason)) {
        return placementOf(w);
      }
    }
    join(w, q, now);
    dispatchCall(w, now);
    return placementOf(w);
  }

  private void join(WaitingCall w, QueueState q, Instant now) {
    join(w, q, now, now);
    w.joinPosition = q.position(w);
  }

  /**
   * Puts the call in {@code q} as if it had joined at {@code since}: the routing step reached by {@code now} is in
   * force (never an overflow step: its timer, like an overdue maximum wait, runs at the next tick), and the later
   * steps and the maximum wait count from {@code since}.
   */
  private void join(WaitingCall w, QueueState q, Instant since, Instant now) {
    w.queue = q;
    w.enteredQueueAt = since;
    w.key = q.keyFor(w);
    w.stepIndex = 0;
    w.epoch++;
    w.state = WaitingCall.State.WAITING;
    w.joined = true;
    q.addCall(w);
    List<RoutingStep> steps = q.config.steps();
    for (int i = 1; i < steps.size(); i++) {
      RoutingStep step = steps.get(i);
      Instant due = since.plus(step.after());
      if (!due.isAfter(now) && !step.isOverflow()) {
        w.stepIndex = i;
      } else {
        schedule(due, Timer.Kind.STEP, w, w.epoch, i);
      }
    }
    if (q.config.maxWait() != null) {
      schedule(since.plus(q.config.maxWait()), Timer.Kind.MAX_WAIT, w, w.epoch, 0);
    }
  }

  /**
   * The call leaves its queue (or is refused by it): overflow when configured, else the fallback.
   *
   * @return false when the call stays (fallback NONE, or overflow hops exhausted)
   */
  private boolean letGo(WaitingCall w, Instant now, String reason) {
    QueueState from = w.queue;
    Department target = from.config.overflowTo();
    if (target != null && w.hops < MAX_HOPS) {
      overflow(w, target, now, reason);
      return true;
    }
    switch (from.config.fallback()) {
      case NONE -> {
        return false;
      }
      case CALLBACK -> {
        if (!w.joined) {
          join(w, from, now);
        }
        makeCallback(w, now, reason);
        dispatchCall(w, now);
        return true;
      }
      default -> {
        String tag = "fallback:" + from.config.fallback().name().toLowerCase(java.util.Locale.ROOT);
        center.updateCall(w.id, c -> c.withTags(Set.of(tag), now)
            .withCollectedData(Map.of("acd.exit", reason + " in " + from.config.department().id()), now));
        center.changeStatus(w.id, CallStatus.TRANSFERRED);
        forget(w);
        w.exit = from.config.fallback();
        return true;
      }
    }
  }

  private void overflow(WaitingCall w, Department target, Instant now, String reason) {
    QueueState from = w.queue;
    forgetFromQueue(w);
    w.hops++;
    String hop = from.config.department().id() + ">" + target.id() + " (" + reason + ")";
    QueueState to = queue(target);
    center.updateCall(w.id, c -> {
      Map<String, String> data = new HashMap<>();
      data.put(DATA_OVERFLOW + w.hops, hop);
      data.put(DATA_ENTERED_QUEUE, now.toString()); // for recovery: steps and maximum wait count from here
      if (c.collectedData().containsKey(DATA_SKILL) || !Objects.equals(w.skill, to.config.skill())) {
        data.put(DATA_SKILL, w.skill == null ? "" : w.skill);
      }
      return c.withCollectedData(data, now);
    });
    center.route(w.id, target, w.priority);
    w.joined = false;
    place(w, to, now);
  }

  private void makeCallback(WaitingCall w, Instant now, String reason) {
    if (w.callback) {
      return;
    }
    w.callback = true;
    center.updateCall(w.id, c -> c.withTags(Set.of(TAG_CALLBACK), now)
        .withCollectedData(Map.of("callback.requestedAt", now.toString(), "callback.reason", reason), now));
  }

  /** Offers the call to the best agent its current routing step allows, if one is available. */
  private void dispatchCall(WaitingCall w, Instant now) {
    if (w.state != WaitingCall.State.WAITING || !w.joined || calls.get(w.id) != w) {
      return;
    }
    RoutingStep step = w.queue.config.steps().get(w.stepIndex);
    if (step.isOverflow()) {
      overflow(w, step.overflowTo(), now, "routing-step");
      return;
    }
    AgentState a = w.queue.bestAgent(w.skill, step.minProficiency());
    if (a != null) {
      offer(w, a, now);
    }
  }

  /** Offers the freed agent the best waiting call it may take, if any. */
  private void dispatchAgent(AgentState a, Instant now) {
    if (!a.indexed) {
      return;
    }
    WaitingCall w = queue(a.department).bestCallFor(a);
    if (w != null) {
      offer(w, a, now);
    }
  }

  private void offer(WaitingCall w, AgentState a, Instant now) {
    w.queue.removeCall(w);
    w.state = WaitingCall.State.OFFERED;
    w.agent = a;
    unindex(a);
    a.lastOffered = ++offerSeq;
    Duration timeout = queue(a.department).config.offerTimeout();
    Reservation r = new Reservation(++reservationSeq, w.id, a.id, w.queue.config.department(), now,
        now.plus(timeout), w.callback);
    a.reservation = r;
    a.offered = w;
    moveAgent(a, RoutingState.RESERVED, w.id, now, null);
    schedule(r.expiresAt(), Timer.Kind.OFFER_TIMEOUT, a, a.epoch, 0);
    pendingOffers.add(r);
  }

  /** A declined or withdrawn offer: the call goes back to its place (or joins, after a direct transfer). */
  private void returnToQueue(WaitingCall w, Instant now) {
    if (calls.get(w.id) != w) {
      return;
    }
    if (!w.joined) { // offered directly by a transfer to an agent
      center.changeStatus(w.id, CallStatus.IN_QUEUE);
      join(w, w.queue, now);
    } else {
      w.state = WaitingCall.State.WAITING;
      w.queue.addCall(w);
    }
    dispatchCall(w, now);
  }

  /** The call left the ACD while waiting or offered (abandoned, ended elsewhere). */
  private void dropWaiting(WaitingCall w, Instant now) {
    AgentState a = w.agent;
    forget(w);
    if (a != null && a.offered == w) {
      releaseReserved(a, now);
    }
  }

  private void forget(WaitingCall w) {
    forgetFromQueue(w);
    calls.remove(w.id);
  }

  private void forgetFromQueue(WaitingCall w) {
    w.queue.removeCall(w);
    w.epoch++;
    w.joined = false;
  }

  private void leaveIfEmpty(QueueState q, Instant now) {
    if (!q.config.leaveWhenEmpty() || q.loggedIn() > 0) {
      return;
    }
    for (WaitingCall w : q.waitingInOrder()) {
      if (!w.callback) {
        letGo(w, now, "no-agents");
      }
    }
  }

  private Call handOver(CallId callId, AgentState from, String kind, String to, @Nullable AgentId newAgent,
      Instant now) {
    Call current = center.getCall(callId);
    int n = 1;
    while (current.collectedData().containsKey("transfer." + n)) {
      n++;
    }
    String entry = "kind=" + kind + ";from=agent:" + from.id + ";to=" + to + ";at=" + now;
    String key = "transfer." + n;
    center.updateCall(callId, c -> c.withCollectedData(Map.of(key, entry), now)
        .withTags(Set.of(TAG_TRANSFERRED), now).withAgent(newAgent, now));
    if (newAgent == null) {
      connected.remove(callId);
      endConsultation(from, now);
    }
    return center.changeStatus(callId, CallStatus.TRANSFERRED);
  }

  private Placement placementOf(WaitingCall w) {
    Department dept = w.queue.config.department();
    if (calls.get(w.id) != w) {
      return new Placement(w.id, dept, Placement.State.LEFT, 0, Duration.ZERO, w.exit);
    }
    if (w.state == WaitingCall.State.OFFERED) {
      return new Placement(w.id, dept, Placement.State.OFFERED, 0, Duration.ZERO, null);
    }
    int position = w.queue.position(w);
    Duration estimate = estimator.estimate(w.queue.snapshot(clock.instant()), position);
    return new Placement(w.id, dept, w.callback ? Placement.State.CALLBACK : Placement.State.WAITING, position,
        estimate.isNegative() ? Duration.ZERO : estimate, null);
  }

  private QueueState queue(Department department) {
    return queues.computeIfAbsent(department, d -> {
      QueueConfig config = configs.get(d);
      return new QueueState(config != null ? config : QueueConfig.defaults(d), random);
    });
  }

  // ---- machinery: timers, locking, outside changes -----------------------------------------------------------

  private void schedule(Instant due, Timer.Kind kind, Object target, long epoch, int step) {
    timers.add(new Timer(due, ++timerSeq, kind, target, epoch, step));
  }

  private boolean fire(Timer t, Instant now) {
    switch (t.kind()) {
      case OFFER_TIMEOUT -> {
        AgentState a = (AgentState) t.target();
        if (a.epoch == t.epoch() && a.state == RoutingState.RESERVED) {
          declined(a, now, true);
          return true;
        }
      }
      case ROUTABLE -> {
        AgentState a = (AgentState) t.target();
        if (a.epoch == t.epoch() && a.state == RoutingState.AVAILABLE && !a.indexed) {
          index(a);
          dispatchAgent(a, now);
          return true;
        }
      }
      case WRAP_UP_END -> {
        AgentState a = (AgentState) t.target();
        if (a.epoch == t.epoch() && a.state == RoutingState.WRAP_UP) {
          recordHandle(a, now);
          becomeIdle(a, now);
          return true;
        }
      }
      case STEP -> {
        WaitingCall w = (WaitingCall) t.target();
        if (w.epoch == t.epoch() && calls.get(w.id) == w) {
          w.stepIndex = t.step();
          dispatchCall(w, now);
          return true;
        }
      }
      case MAX_WAIT -> {
        WaitingCall w = (WaitingCall) t.target();
        if (w.epoch == t.epoch() && calls.get(w.id) == w && w.state == WaitingCall.State.WAITING && !w.callback) {
          letGo(w, now, "max-wait");
          return true;
        }
      }
    }
    return false;
  }

  private <T> T locked(Supplier<T> action) {
    List<Reservation> offers;
    T result;
    lock.lock();
    try {
      try {
        drainOutside();
        result = action.get();
      } finally {
        offers = takePendingOffers();
      }
    } finally {
      lock.unlock();
    }
    deliver(offers);
    return result;
  }

  private List<Reservation> takePendingOffers() {
    List<Reservation> offers = pendingOffers.isEmpty() ? List.of() : List.copyOf(pendingOffers);
    pendingOffers.clear();
    return offers;
  }

  /** Hands the offers to the offer listener, outside the lock. */
  private void deliver(List<Reservation> offers) {
    if (offerListener != null) {
      for (Reservation r : offers) {
        try {
          offerListener.accept(r);
        } catch (RuntimeException e) {
          LOG.warn("offer listener failed on reservation {} of call {}; ignored", r.id(), r.callId(), e);
        }
      }
    }
  }

  /** Listener on the call center: only queues what happened, never takes the lock (see class doc). */
  private void noticeOutside(Event event) {
    switch (event.type()) {
      case CALL_ABANDONED, CALL_ENDED -> outside.add(event);
      case AGENT_STATUS_CHANGED -> {
        if (!event.data().containsKey("routingState")) {
          outside.add(event);
        }
      }
      default -> {
        // not ours to follow
      }
    }
  }

  private void drainOutside() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      Event event;
      while ((event = outside.poll()) != null) {
        try {
          applyOutside(event);
        } catch (RuntimeException e) {
          LOG.warn("ACD could not follow {} of {}; skipped", event.type(), event.subject(), e);
        }
      }
    } finally {
      draining = false;
    }
  }

  private void applyOutside(Event event) {
    Instant now = clock.instant();
    if (event.type() == EventType.AGENT_STATUS_CHANGED) {
      AgentState a = agents.get(AgentId.of(event.subject()));
      Object status = event.data().get("status");
      if (a == null) {
        agent(AgentId.of(event.subject()));
      } else if (status != null) {
        RoutingState target = RoutingState.of(AgentStatus.parse(status.toString()));
        if (target.visibleStatus() != a.state.visibleStatus() && target != RoutingState.BUSY) {
          changePresence(a, target, now);
        }
      }
      return;
    }
    CallId callId = CallId.of(event.subject());
    WaitingCall w = calls.get(callId);
    if (w != null) {
      dropWaiting(w, now);
    }
    AgentState a = connected.remove(callId);
    if (a != null) {
      endConsultation(a, now);
      afterCall(a, callId, now, null);
    }
  }

  private void tickFenced() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("ACD tick failed", e);
    }
  }

  /** Assembles an {@link Acd} on a {@link CallCenter}; each setting may be given once (queues once each). */
  public static final class Builder {
    private final CallCenter center;
    private final Map<Department, QueueConfig> configs = new HashMap<>();
    private final Map<AgentId, Integer> ranks = new HashMap<>();
    private @Nullable WaitEstimator estimator;
    private @Nullable Random random;
    private @Nullable Consumer<Reservation> offerListener;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable Duration tickPeriod;
    private @Nullable Boolean recoverFromStore;

    private Builder(CallCenter center) {
      this.center = center;
    }

    /** Configures a department's queue; departments without one get {@link QueueConfig#defaults}. */
    public Builder queue(QueueConfig config) {
      Checks.notNull(config, "queue");
      if (configs.putIfAbsent(config.department(), config) != null) {
        throw InvalidInputException.of("queue", "queue %s was already configured", config.department());
      }
      return this;
    }

    public Builder waitEstimator(WaitEstimator value) {
      estimator = once(estimator, value, "waitEstimator");
      return this;
    }

    /** The source of {@link AgentSelector#random()} choices; seed it for repeatable routing. */
    public Builder random(Random value) {
      random = once(random, value, "random");
      return this;
    }

    /** The agent's rank for top-down routing (lower first); unranked agents follow in the order first seen. */
    public Builder agentRank(AgentId agentId, int rank) {
      Checks.notNull(agentId, "agentId");
      Checks.inRange(rank, 0, Integer.MAX_VALUE / 2, "rank");
      if (ranks.putIfAbsent(agentId, rank) != null) {
        throw InvalidInputException.of("agentRank", "rank of agent %s was already set", agentId);
      }
      return this;
    }

    /** Called, outside the ACD's lock, for every offer: ring the agent. A listener that throws is logged. */
    public Builder onOffer(Consumer<Reservation> value) {
      offerListener = once(offerListener, value, "onOffer");
      return this;
    }

    /** Runs {@link Acd#tick()} every {@code period} on {@code executor} until {@link Acd#close()}. */
    public Builder scheduler(ScheduledExecutorService executor, Duration period) {
      Checks.notNull(period, "period");
      if (period.isNegative() || period.isZero()) {
        throw InvalidInputException.of("period", "must be positive, was %s", period);
      }
      scheduler = once(scheduler, executor, "scheduler");
      tickPeriod = period;
      return this;
    }

    /**
     * Whether the ACD takes over, when built, the calls and agents the call center's stores show in its care: a
     * restart on the same database then loses nothing (see the class doc, "Recovery"). Default
     * {@value Acd#DEFAULT_RECOVER_FROM_STORE}.
     *
     * <p>Recovery assumes this ACD is the only one distributing the store's calls. Turn it off when several nodes
     * share one store, each with its own ACD: a starting node would otherwise adopt the calls another node is
     * offering or has connected, and free that node's ringing agents.
     */
    public Builder recoverFromStore(boolean value) {
      recoverFromStore = once(recoverFromStore, value, "recoverFromStore");
      return this;
    }

    public Acd build() {
      return new Acd(this);
    }

    private static <T> T once(@Nullable T current, @Nullable T value, String field) {
      Checks.notNull(value, field);
      if (current != null) {
        throw InvalidInputException.of(field, "was already set");
      }
      return value;
    }
  }
}
