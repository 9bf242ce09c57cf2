package dev.callcenter.core.store;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which calls to list; every criterion left null (or empty) matches all.
 *
 * @param createdFrom inclusive lower bound of {@link Call#createdAt()}
 * @param createdTo exclusive upper bound of {@link Call#createdAt()}
 */
public record CallQuery(
    Set<CallStatus> statuses,
    @Nullable Department department,
    @Nullable AgentId agentId,
    @Nullable String customerId,
    @Nullable Instant createdFrom,
    @Nullable Instant createdTo) {
  public static final CallQuery ALL = new CallQuery(Set.of(), null, null, null, null, null);

  public CallQuery {
    statuses = Set.copyOf(statuses);
  }

  public static CallQuery withStatus(CallStatus... statuses) {
    return new CallQuery(Set.of(statuses), null, null, null, null, null);
  }

  public CallQuery inDepartment(@Nullable Department value) {
    return new CallQuery(statuses, value, agentId, customerId, createdFrom, createdTo);
  }

  public CallQuery forAgent(@Nullable AgentId value) {
    return new CallQuery(statuses, department, value, customerId, createdFrom, createdTo);
  }

  public CallQuery forCustomer(@Nullable String value) {
    return new CallQuery(statuses, department, agentId, value, createdFrom, createdTo);
  }

  public CallQuery createdBetween(@Nullable Instant from, @Nullable Instant to) {
    return new CallQuery(statuses, department, agentId, customerId, from, to);
  }

  /** Whether {@code call} matches; the in-memory store's filter and the reference for other stores. */
  public boolean matches(Call call) {
    return (statuses.isEmpty() || statuses.contains(call.status()))
        && (department == null || department.equals(call.department()))
        && (agentId == null || agentId.equals(call.agentId()))
        && (customerId == null || customerId.equals(call.customer().customerId()))
        && (createdFrom == null || !call.createdAt().isBefore(createdFrom))
        && (createdTo == null || call.createdAt().isBefore(createdTo));
  }
}
