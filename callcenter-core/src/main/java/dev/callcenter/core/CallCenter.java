package dev.callcenter.core;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventListener;
import dev.callcenter.core.event.EventPublisher;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.NewEvent;
import dev.callcenter.core.event.ResumableEventPublisher;
import dev.callcenter.core.event.Subscription;
import dev.callcenter.core.flow.CallFlow;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.core.internal.BeanValidation;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.AgentStore;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.CallStore;
import dev.callcenter.core.store.EventLogStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call-center runtime: creates calls, runs them through the call flow, routes, queues, connects and ends
 * them, keeps agents, and records every change in the event log before publishing it.
 *
 * <pre>{@code
 * CallCenter center = CallCenter.builder().build();          // everything in memory
 * Call call = center.createCall(NewCall.fromPhone("+966501234567"));
 * center.subscribe(event -> System.out.println(event.toJson()));
 * }</pre>
 *
 * <p>Thread-safe. Every change is a compare-and-set on the stored call or agent; a change that loses a race
 * against another writer is re-applied to the fresh snapshot, up to {@link Builder#DEFAULT_MAX_RETRIES} times.
 */
public final class CallCenter {
  private static final Logger LOG = LoggerFactory.getLogger(CallCenter.class);
  private static final int REPLAY_BATCH = 500;

  private final CallStore calls;
  private final AgentStore agents;
  private final CallRecordStore callRecords;
  private final EventLogStore eventLog;
  private final EventPublisher publisher;
  private final Clock clock;
  private final Executor executor;
  private final CallFlow flow;
  private final @Nullable String defaultRegion;
  private final int maxRetries;
  /** Appending to the log and publishing happen under one lock, so listeners see sequence order. */
  private final Object emitLock = new Object();
  private final AtomicReference<@Nullable CallDistributor> distributor = new AtomicReference<>();

  private CallCenter(Builder b) {
    this.calls = b.calls != null ? b.calls : CallStore.inMemory();
    this.agents = b.agents != null ? b.agents : AgentStore.inMemory();
    this.callRecords = b.callRecords != null ? b.callRecords : CallRecordStore.inMemory();
    this.eventLog = b.eventLog != null ? b.eventLog : EventLogStore.inMemory();
    this.publisher = b.publisher != null ? b.publisher : EventPublisher.inProcess();
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.executor = b.executor != null ? b.executor : ForkJoinPool.commonPool();
    this.flow = b.flow != null ? b.flow : CallFlow.direct(Department.RECEPTION);
    this.defaultRegion = b.defaultRegion;
    this.maxRetries = b.maxRetries != null ? b.maxRetries : Builder.DEFAULT_MAX_RETRIES;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- calls ---------------------------------------------------------------------------------------------

  /**
   * Creates a call in status INITIATED and emits {@code call:new}.
   *
   * @throws InvalidInputException naming each invalid field; nothing is stored then
   */
  public Call createCall(NewCall request) {
    BeanValidation.validate(request, "call");
    PhoneNumber phone = request.phone() == null || request.phone().isBlank() ? null
        : PhoneNumber.parse(request.phone(), defaultRegion);
    Language language = request.language() == null || request.language().isBlank() ? null
        : Language.of(request.language());
    CustomerInfo customer = new CustomerInfo(blankToNull(request.customerName()), phone,
        blankToNull(request.email()), null);
    CallMetadata metadata = new CallMetadata(blankToNull(request.source()), blankToNull(request.ipAddress()),
        blankToNull(request.userAgent()));
    Call call = Call.initiate(CallId.random(), customer, metadata, clock);
    if (language != null) {
      call = call.withLanguage(language, call.createdAt());
    }
    synchronized (emitLock) { // every write and its event under one lock: events of a call in version order
      Call stored = calls.insert(call);
      emit(EventType.CALL_NEW, stored);
      return stored;
    }
  }

  public Optional<Call> findCall(CallId id) {
    return calls.find(Checks.notNull(id, "callId"));
  }

  /** @throws NotFoundException when there is no such call */
  public Call getCall(CallId id) {
    return calls.get(Checks.notNull(id, "callId"));
  }

  public Page<Call> listCalls(CallQuery query, PageRequest page) {
    return calls.list(Checks.notNull(query, "query"), Checks.notNull(page, "page"));
  }

  /**
   * Moves the call to {@code status} and emits the event that status stands for ({@code call:queued},
   * {@code call:ended}, {@code call:abandoned}, {@code call:transferred} or {@code call:updated}).
   *
   * @throws IllegalTransitionException naming both statuses; the call is unchanged then
   */
  public Call changeStatus(CallId id, CallStatus status) {
    Checks.notNull(status, "status");
    Call updated = modifyCall(id, c -> c.moveTo(status, clock.instant()), eventFor(status));
    if (status.isFinal()) {
      releaseAgent(updated, AgentStatus.AVAILABLE);
    }
    return updated;
  }

  /** Sets the department and priority the call is routed to, and emits {@code call:routed}. */
  public Call route(CallId id, Department department, Priority priority) {
    Checks.notNull(department, "department");
    Checks.notNull(priority, "priority");
    Call updated = modifyCall(id, c -> {
      requireActive(c);
      Instant now = clock.instant();
      return c.withDepartment(department, now).withPriority(priority, now);
    }, EventType.CALL_ROUTED);
    return updated;
  }

  /** Routes the call and puts it in its department's queue ({@code call:routed}, then {@code call:queued}). */
  public Call enqueue(CallId id, Department department, Priority priority) {
    Call current = getCall(id);
    if (!current.status().canMoveTo(CallStatus.IN_QUEUE)) { // refuse before routing: nothing half-done
      throw IllegalTransitionException.of("call " + id, current.status(), CallStatus.IN_QUEUE);
    }
    route(id, department, priority);
    return changeStatus(id, CallStatus.IN_QUEUE);
  }

  /**
   * Connects the call to an AVAILABLE agent: the call goes IN_PROGRESS and the agent BUSY.
   *
   * @throws IllegalTransitionException when the agent is not AVAILABLE or the call cannot be answered
   */
  public Call connect(CallId callId, AgentId agentId) {
    Agent agent = getAgent(agentId);
    if (agent.status() != AgentStatus.AVAILABLE) {
      throw IllegalTransitionException.of("agent " + agentId + " (to take call " + callId + ")", agent.status(),
          AgentStatus.BUSY);
    }
    Call call = getCall(callId);
    if (!call.status().canMoveTo(CallStatus.IN_PROGRESS)) {
      throw IllegalTransitionException.of("call " + callId, call.status(), CallStatus.IN_PROGRESS);
    }
    reserveAgent(agentId, callId);
    AtomicReference<@Nullable AgentId> previous = new AtomicReference<>();
    Call updated;
    try {
      updated = modifyCall(callId, c -> {
        previous.set(c.agentId());
        Instant now = clock.instant();
        return c.moveTo(CallStatus.IN_PROGRESS, now).withAgent(agentId, now);
      }, EventType.CALL_UPDATED);
    } catch (RuntimeException e) {
      setAgentStatus(agentId, AgentStatus.AVAILABLE); // leave nothing half-done
      throw e;
    }
    AgentId before = previous.get();
    if (before != null && !before.equals(agentId)) { // a transferred call: its first agent is done with it
      Instant answered = updated.answeredAt();
      releaseAgent(before, answered == null ? Duration.ZERO : Duration.between(answered, clock.instant()),
          AgentStatus.AVAILABLE);
    }
    return updated;
  }

  /**
   * The call ends normally: COMPLETED, {@code call:ended}; its agent's statistics are updated and the agent becomes
   * AVAILABLE, or, when the attached {@link CallDistributor} (the ACD) connected the call, follows its rules (wrap-up).
   */
  public Call end(CallId id) {
    CallDistributor d = distributor.get();
    Call completed = d == null ? null : d.complete(id);
    return completed != null ? completed : changeStatus(id, CallStatus.COMPLETED);
  }

  /**
   * Ends the call like {@link #end(CallId)}, but its agent, when BUSY, goes to {@code agentStatusAfter} instead of
   * AVAILABLE (the ACD passes BUSY to keep the agent in wrap-up). The agent's statistics are updated either way.
   */
  public Call end(CallId id, AgentStatus agentStatusAfter) {
    Checks.notNull(agentStatusAfter, "agentStatusAfter");
    Call updated = modifyCall(id, c -> c.moveTo(CallStatus.COMPLETED, clock.instant()), EventType.CALL_ENDED);
    releaseAgent(updated, agentStatusAfter);
    return updated;
  }

  /** The caller hung up before an agent answered: ABANDONED, {@code call:abandoned}. */
  public Call abandon(CallId id) {
    return changeStatus(id, CallStatus.ABANDONED);
  }

  /**
   * Applies {@code change} to the current snapshot of the call and stores the result with compare-and-set,
   * re-reading and re-applying when another writer wins; emits {@code call:updated}. The change must not alter
   * the status (use {@link #changeStatus}).
   */
  public Call updateCall(CallId id, UnaryOperator<Call> change) {
    Call updated = modifyCall(id, c -> {
      Call next = change.apply(c);
      if (next == null || next.status() != c.status() || !next.id().equals(c.id()) || next.version() != c.version()) {
        throw InvalidInputException.of("call",
            "an update must return the call with the same id, status and version; use changeStatus for the status");
      }
      return next;
    }, EventType.CALL_UPDATED);
    return updated;
  }

  // ---- call flow -------------------------------------------------------------------------------------------

  /**
   * Puts a new call into the call flow (status IVR_PROCESSING) and carries out the flow's first step.
   *
   * @return the step: the prompts to play and input to collect, for the telephony side
   */
  public FlowStep startFlow(CallId id) {
    Call call = getCall(id);
    if (call.status() == CallStatus.INITIATED) {
      call = changeStatus(id, CallStatus.IVR_PROCESSING);
    }
    return runFlow(id, flow::begin);
  }

  /** Feeds one caller input to the call flow and carries out the step it returns. */
  public FlowStep handleInput(CallId id, FlowInput input) {
    Checks.notNull(input, "input");
    return runFlow(id, c -> flow.handle(c, input));
  }

  private FlowStep runFlow(CallId id, java.util.function.Function<Call, FlowStep> step) {
    for (int attempt = 0; ; attempt++) {
      Call current = getCall(id);
      if (!current.isActive()) {
        throw IllegalTransitionException.of("call " + id + " (call flow input)", current.status(),
            CallStatus.IVR_PROCESSING);
      }
      FlowStep result = step.apply(current);
      Call next = result.call();
      if (next.status() != current.status() || !next.id().equals(current.id())
          || next.version() != current.version()) {
        throw new CallCenterException("call flow " + flow.getClass().getName()
            + " changed the id, status or version of call " + id + "; it must ask for status changes by actions");
      }
      Call stored;
      synchronized (emitLock) {
        try {
          stored = next.equals(current) ? current : calls.update(next);
        } catch (VersionConflictException e) {
          if (attempt >= maxRetries) {
            throw e;
          }
          continue; // the flow is pure: run it again on the fresh snapshot
        }
        if (stored != current) {
          emit(EventType.CALL_UPDATED, stored);
        }
      }
      for (FlowAction action : result.actions()) {
        carryOut(id, action);
      }
      return new FlowStep(getCall(id), result.actions());
    }
  }

  /**
   * Sends the calls the call flow queues to {@code value} (the ACD does this when it is built) instead of
   * {@link #enqueue}. One distributor at a time.
   *
   * @throws CallCenterException when another distributor is attached; the attached one stays
   */
  public void distributeWith(CallDistributor value) {
    Checks.notNull(value, "distributor");
    if (!distributor.compareAndSet(null, value)) {
      throw new CallCenterException("a call distributor (an ACD) is already attached to this call center: build "
          + "one ACD per call center, or close the other one first");
    }
  }

  /** Detaches {@code value} if it is the attached distributor; queued calls are then routed and queued here. */
  public void stopDistributingWith(CallDistributor value) {
    distributor.compareAndSet(Checks.notNull(value, "distributor"), null);
  }

  private void carryOut(CallId id, FlowAction action) {
    if (action instanceof FlowAction.Enqueue enqueue) {
      CallDistributor d = distributor.get();
      if (d != null) {
        d.distribute(id, enqueue.department(), enqueue.priority());
      } else {
        enqueue(id, enqueue.department(), enqueue.priority());
      }
    } else if (action instanceof FlowAction.Transfer) {
      changeStatus(id, CallStatus.TRANSFERRED);
    } else if (action instanceof FlowAction.Complete) {
      changeStatus(id, CallStatus.COMPLETED);
    } else if (action instanceof FlowAction.HangUp hangUp) {
      Call call = getCall(id);
      if (call.isActive()) {
        boolean answered = call.status() == CallStatus.IN_PROGRESS;
        changeStatus(id, hangUp.reason() == FlowAction.HangUp.Reason.CALLER && !answered
            ? CallStatus.ABANDONED : CallStatus.COMPLETED);
      }
    }
    // prompts and collects are for the telephony side
  }

  // ---- agents ----------------------------------------------------------------------------------------------

  /** Adds an agent, OFFLINE until it logs in; emits {@code agent:status_changed}. */
  public Agent addAgent(NewAgent request) {
    BeanValidation.validate(request, "agent");
    AgentId id = request.id() == null ? AgentId.random() : AgentId.of(request.id());
    Agent agent = Agent.create(id, request.name().strip(), request.department(), request.skills(),
        clock.instant()).withContact(blankToNull(request.email()), blankToNull(request.extension()));
    synchronized (emitLock) {
      Agent stored = agents.insert(agent);
      emit(EventType.AGENT_STATUS_CHANGED, stored);
      return stored;
    }
  }

  public Optional<Agent> findAgent(AgentId id) {
    return agents.find(Checks.notNull(id, "agentId"));
  }

  /** @throws NotFoundException when there is no such agent */
  public Agent getAgent(AgentId id) {
    return agents.get(Checks.notNull(id, "agentId"));
  }

  public Page<Agent> listAgents(AgentQuery query, PageRequest page) {
    return agents.list(Checks.notNull(query, "query"), Checks.notNull(page, "page"));
  }

  /** Changes an agent's status and emits {@code agent:status_changed} (nothing when it is unchanged). */
  public Agent setAgentStatus(AgentId id, AgentStatus status) {
    Checks.notNull(status, "status");
    for (int attempt = 0; ; attempt++) {
      Agent current = getAgent(id);
      Agent next = current.withStatus(status, clock.instant());
      if (next == current) {
        return current;
      }
      try {
        synchronized (emitLock) {
          Agent stored = agents.update(next);
          emit(EventType.AGENT_STATUS_CHANGED, stored);
          return stored;
        }
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  /** AVAILABLE to BUSY as one compare-and-set: of two calls racing for one agent, one gets it. */
  private void reserveAgent(AgentId agentId, CallId callId) {
    for (int attempt = 0; ; attempt++) {
      Agent agent = getAgent(agentId);
      if (agent.status() != AgentStatus.AVAILABLE) {
        throw IllegalTransitionException.of("agent " + agentId + " (to take call " + callId + ")", agent.status(),
            AgentStatus.BUSY);
      }
      try {
        synchronized (emitLock) {
          Agent stored = agents.update(agent.withStatus(AgentStatus.BUSY, clock.instant()));
          emit(EventType.AGENT_STATUS_CHANGED, stored);
          return;
        }
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  private void releaseAgent(Call ended, AgentStatus statusAfter) {
    AgentId agentId = ended.agentId();
    if (agentId == null) {
      return;
    }
    Duration talk = ended.answeredAt() == null || ended.endedAt() == null ? Duration.ZERO
        : Duration.between(ended.answeredAt(), ended.endedAt());
    releaseAgent(agentId, talk, statusAfter);
  }

  /** Counts a handled call of {@code talk} in the agent's statistics; a BUSY agent goes to {@code statusAfter}. */
  private void releaseAgent(AgentId agentId, Duration talk, AgentStatus statusAfter) {
    for (int attempt = 0; ; attempt++) {
      Agent agent = getAgent(agentId);
      Instant now = clock.instant();
      Agent next = agent.withStats(agent.stats().plusCall(talk, now));
      if (agent.status() == AgentStatus.BUSY) {
        next = next.withStatus(statusAfter, now);
      }
      try {
        synchronized (emitLock) {
          Agent stored = agents.update(next);
          if (stored.status() != agent.status()) {
            emit(EventType.AGENT_STATUS_CHANGED, stored);
          }
        }
        return;
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  // ---- events ----------------------------------------------------------------------------------------------

  /** Live delivery of every event from now on. */
  public Subscription subscribe(EventListener listener) {
    return publisher.subscribe(Checks.notNull(listener, "listener"));
  }

  /**
   * Delivers every logged event with a sequence greater than {@code afterSequence}, in order, then every new event
   * live; no event is missed or delivered twice. For a subscriber that reconnects with the last sequence it saw.
   */
  public Subscription subscribeAfter(long afterSequence, EventListener listener) {
    Checks.notNull(listener, "listener");
    if (afterSequence < 0) {
      throw InvalidInputException.of("afterSequence", "must not be negative, was %d", afterSequence);
    }
    if (publisher instanceof ResumableEventPublisher resumable) {
      return resumable.subscribeAfter(afterSequence, listener); // it sees other nodes' events; our lock does not
    }
    synchronized (emitLock) { // no event can be appended between the replay and the live subscription
      long last = afterSequence;
      List<Event> batch;
      do {
        batch = eventLog.readAfter(last, REPLAY_BATCH);
        for (Event event : batch) {
          deliverFenced(listener, event);
          last = event.sequence();
        }
      } while (batch.size() == REPLAY_BATCH);
      long replayedUpTo = last;
      return publisher.subscribe(event -> {
        if (event.sequence() > replayedUpTo) {
          listener.onEvent(event);
        }
      });
    }
  }

  /** Up to {@code limit} logged events after {@code afterSequence}, in order. */
  public List<Event> eventsAfter(long afterSequence, int limit) {
    return eventLog.readAfter(afterSequence, limit);
  }

  /**
   * Appends an event to the log and publishes it. For modules built on the core (tickets, transcripts) whose
   * events share the one sequence.
   */
  public Event emit(EventType type, String subject, Object payload) {
    NewEvent event = NewEvent.of(type, clock.instant(), subject, payload);
    synchronized (emitLock) {
      Event sequenced = eventLog.append(event);
      publisher.publish(sequenced);
      return sequenced;
    }
  }

  private void emit(EventType type, Call call) {
    emit(type, call.id().value(), call);
  }

  private void emit(EventType type, Agent agent) {
    emit(type, agent.id().value(), agent);
  }

  private static void deliverFenced(EventListener listener, Event event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("event listener {} failed on replay of {} #{}; skipped", listener, event.type(), event.sequence(), e);
    }
  }

  private static EventType eventFor(CallStatus status) {
    return switch (status) {
      case IN_QUEUE -> EventType.CALL_QUEUED;
      case TRANSFERRED -> EventType.CALL_TRANSFERRED;
      case ABANDONED -> EventType.CALL_ABANDONED;
      case COMPLETED, FAILED -> EventType.CALL_ENDED;
      default -> EventType.CALL_UPDATED;
    };
  }

  // ---- plumbing --------------------------------------------------------------------------------------------

  /**
   * Applies {@code change} to the stored call with compare-and-set, retrying on a fresh snapshot when another writer
   * wins, and emits {@code event} with the stored result. The write and its event happen under the emit lock, so
   * that the events about a call carry its versions in increasing order.
   */
  private Call modifyCall(CallId id, UnaryOperator<Call> change, EventType event) {
    Checks.notNull(id, "callId");
    for (int attempt = 0; ; attempt++) {
      // optimistic first; after a lost race, read and change under the lock, where no writer of this node can get
      // in between (only another node can still win, up to maxRetries times)
      Call optimistic = attempt == 0 ? calls.get(id) : null;
      Call optimisticNext = optimistic == null ? null : change.apply(optimistic);
      synchronized (emitLock) {
        Call current = optimistic != null ? optimistic : calls.get(id);
        Call next = optimisticNext != null ? optimisticNext : change.apply(current);
        Call stored;
        try {
          stored = next.equals(current) ? calls.get(id) : calls.update(next);
        } catch (VersionConflictException e) {
          if (attempt >= maxRetries) {
            throw e;
          }
          continue;
        }
        if (stored.version() != current.version() && next.equals(current)) {
          continue; // a no-op on a snapshot that is already stale: apply the change to the fresh one
        }
        emit(event, stored);
        return stored;
      }
    }
  }

  private static void requireActive(Call call) {
    if (!call.isActive()) {
      throw IllegalTransitionException.of("call " + call.id() + " (already ended)", call.status(), call.status());
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public Clock clock() {
    return clock;
  }

  public Executor executor() {
    return executor;
  }

  public CallStore calls() {
    return calls;
  }

  public AgentStore agents() {
    return agents;
  }

  public CallRecordStore callRecords() {
    return callRecords;
  }

  public EventLogStore eventLog() {
    return eventLog;
  }

  /** Assembles a {@link CallCenter}. Anything not set runs in memory; each setting may be given once. */
  public static final class Builder {
    public static final int DEFAULT_MAX_RETRIES = 16;

    private @Nullable CallStore calls;
    private @Nullable AgentStore agents;
    private @Nullable CallRecordStore callRecords;
    private @Nullable EventLogStore eventLog;
    private @Nullable EventPublisher publisher;
    private @Nullable Clock clock;
    private @Nullable Executor executor;
    private @Nullable CallFlow flow;
    private @Nullable String defaultRegion;
    private @Nullable Integer maxRetries;

    private Builder() {}

    public Builder callStore(CallStore value) {
      calls = once(calls, value, "callStore");
      return this;
    }

    public Builder agentStore(AgentStore value) {
      agents = once(agents, value, "agentStore");
      return this;
    }

    public Builder callRecordStore(CallRecordStore value) {
      callRecords = once(callRecords, value, "callRecordStore");
      return this;
    }

    public Builder eventLog(EventLogStore value) {
      eventLog = once(eventLog, value, "eventLog");
      return this;
    }

    public Builder events(EventPublisher value) {
      publisher = once(publisher, value, "events");
      return this;
    }

    public Builder clock(Clock value) {
      clock = once(clock, value, "clock");
      return this;
    }

    public Builder executor(Executor value) {
      executor = once(executor, value, "executor");
      return this;
    }

    public Builder callFlow(CallFlow value) {
      flow = once(flow, value, "callFlow");
      return this;
    }

    /** ISO 3166 region for phone numbers given without a country code, such as {@code SA}. */
    public Builder defaultRegion(String value) {
      Checks.matches(value, java.util.regex.Pattern.compile("[A-Za-z]{2}"), "defaultRegion",
          "a two-letter ISO 3166 region code");
      defaultRegion = once(defaultRegion, value.toUpperCase(java.util.Locale.ROOT), "defaultRegion");
      return this;
    }

    public Builder maxRetries(int value) {
      Checks.inRange(value, 0, 1000, "maxRetries");
      maxRetries = once(maxRetries, value, "maxRetries");
      return this;
    }

    public CallCenter build() {
      return new CallCenter(this);
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
