package dev.callcenter.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Versioned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One call, as an immutable snapshot. Changes return a new snapshot; a store accepts it only if its
 * {@link #version()} is still the stored one (compare-and-set), so two writers can never silently overwrite each
 * other.
 *
 * @param ivrStage the IVR stage the call is in or last reached (a stage name of the call flow)
 * @param collectedData answers collected by the IVR (order number, product interest, ...)
 * @param flowState opaque state the call flow keeps between inputs (retries, pending question, ...)
 * @param queuedAt when the call last entered a queue
 * @param answeredAt when an agent first answered
 * @param endedAt when the call reached a final status
 * @param version the stored version this snapshot was read at; 0 for a call never stored
 */
public record Call(
    CallId id,
    CallStatus status,
    CustomerInfo customer,
    @Nullable Language language,
    @Nullable Department department,
    Priority priority,
    @Nullable AgentId agentId,
    @Nullable String ivrStage,
    Map<String, String> collectedData,
    Map<String, String> flowState,
    Set<String> tags,
    CallMetadata metadata,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant queuedAt,
    @Nullable Instant answeredAt,
    @Nullable Instant endedAt,
    long version)
    implements Versioned<Call> {

  public Call {
    Checks.notNull(id, "id");
    Checks.notNull(status, "status");
    Checks.notNull(customer, "customer");
    Checks.notNull(priority, "priority");
    Checks.notNull(metadata, "metadata");
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    collectedData = Map.copyOf(Checks.notNull(collectedData, "collectedData"));
    flowState = Map.copyOf(Checks.notNull(flowState, "flowState"));
    tags = Set.copyOf(Checks.notNull(tags, "tags"));
    if (version < 0) {
      throw InvalidInputException.of("version", "must not be negative, was %d", version);
    }
  }

  /** A new call in status INITIATED, created now by {@code clock}. */
  public static Call initiate(CallId id, CustomerInfo customer, CallMetadata metadata, Clock clock) {
    Instant now = clock.instant();
    return new Call(id, CallStatus.INITIATED, customer, null, null, Priority.NORMAL, null, null, Map.of(),
        Map.of(), Set.of(), metadata, now, now, null, null, null, 0);
  }

  /**
   * This call moved to {@code target} at {@code now}; sets the queue, answer and end times on the way.
   *
   * @throws IllegalTransitionException naming both statuses when the lifecycle forbids the move
   */
  public Call moveTo(CallStatus target, Instant now) {
    Checks.notNull(target, "status");
    if (!status.canMoveTo(target)) {
      throw IllegalTransitionException.of("call " + id, status, target);
    }
    return change(now, c -> {
      c.status = target;
      if (target == CallStatus.IN_QUEUE) {
        c.queuedAt = now;
      }
      if (target == CallStatus.IN_PROGRESS && answeredAt == null) {
        c.answeredAt = now;
      }
      if (target.isFinal()) {
        c.endedAt = now;
      }
    });
  }

  /** How long the call has lasted: until it ended, or until now. */
  public Duration duration(Clock clock) {
    Instant end = endedAt != null ? endedAt : clock.instant();
    return Duration.between(createdAt, end);
  }

  /** Time spent waiting in the queue before an agent answered, or until now while still waiting. */
  public @Nullable Duration waitTime(Clock clock) {
    if (queuedAt == null) {
      return null;
    }
    Instant end = answeredAt != null && answeredAt.isAfter(queuedAt) ? answeredAt
        : endedAt != null ? endedAt : clock.instant();
    return Duration.between(queuedAt, end);
  }

  /** Not final yet. Not a property of the JSON form, which must read back as the same call. */
  @JsonIgnore
  public boolean isActive() {
    return !status.isFinal();
  }

  public Call withLanguage(@Nullable Language value, Instant now) {
    return change(now, c -> c.language = value);
  }

  public Call withDepartment(@Nullable Department value, Instant now) {
    return change(now, c -> c.department = value);
  }

  public Call withPriority(Priority value, Instant now) {
    Checks.notNull(value, "priority");
    return change(now, c -> c.priority = value);
  }

  public Call withAgent(@Nullable AgentId value, Instant now) {
    return change(now, c -> c.agentId = value);
  }

  public Call withIvrStage(@Nullable String value, Instant now) {
    return change(now, c -> c.ivrStage = value);
  }

  public Call withCustomer(CustomerInfo value, Instant now) {
    Checks.notNull(value, "customer");
    return change(now, c -> c.customer = value);
  }

  /** Adds or replaces collected answers; the others stay. */
  public Call withCollectedData(Map<String, String> answers, Instant now) {
    return change(now, c -> c.collectedData.putAll(answers));
  }

  /** Replaces the call flow's state whole. */
  public Call withFlowState(Map<String, String> state, Instant now) {
    return change(now, c -> {
      c.flowState.clear();
      c.flowState.putAll(state);
    });
  }

  public Call withTags(Set<String> added, Instant now) {
    return change(now, c -> c.tags.addAll(added));
  }

  @Override
  public Call withVersion(long newVersion) {
    return new Call(id, status, customer, language, department, priority, agentId, ivrStage, collectedData,
        flowState, tags, metadata, createdAt, updatedAt, queuedAt, answeredAt, endedAt, newVersion);
  }

  @Override
  public String key() {
    return id.value();
  }

  private Call change(Instant now, Consumer<Draft> edit) {
    Draft d = new Draft(this);
    edit.accept(d);
    return new Call(id, d.status, d.customer, d.language, d.department, d.priority, d.agentId, d.ivrStage,
        d.collectedData, d.flowState, d.tags, metadata, createdAt, now, d.queuedAt, d.answeredAt, d.endedAt,
        version);
  }

  /** The mutable fields of one change, so that each wither names only what it changes. */
  private static final class Draft {
    CallStatus status;
    CustomerInfo customer;
    @Nullable Language language;
    @Nullable Department department;
    Priority priority;
    @Nullable AgentId agentId;
    @Nullable String ivrStage;
    final Map<String, String> collectedData;
    final Map<String, String> flowState;
    final Set<String> tags;
    @Nullable Instant queuedAt;
    @Nullable Instant answeredAt;
    @Nullable Instant endedAt;

    Draft(Call c) {
      status = c.status;
      customer = c.customer;
      language = c.language;
      department = c.department;
      priority = c.priority;
      agentId = c.agentId;
      ivrStage = c.ivrStage;
      collectedData = new LinkedHashMap<>(c.collectedData);
      flowState = new LinkedHashMap<>(c.flowState);
      tags = new LinkedHashSet<>(c.tags);
      queuedAt = c.queuedAt;
      answeredAt = c.answeredAt;
      endedAt = c.endedAt;
    }
  }
}
