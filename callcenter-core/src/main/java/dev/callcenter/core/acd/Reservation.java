package dev.callcenter.core.acd;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.CallId;
import dev.callcenter.core.Department;
import java.time.Instant;

/**
 * A call offered to one agent, who may {@link Acd#accept accept} or {@link Acd#reject reject} it until
 * {@code expiresAt}; after that it counts as not answered. An agent holds at most one reservation.
 *
 * @param callback whether the agent is to call the customer back (the caller is not on the line)
 */
public record Reservation(long id, CallId callId, AgentId agentId, Department queue, Instant offeredAt,
    Instant expiresAt, boolean callback) {}
