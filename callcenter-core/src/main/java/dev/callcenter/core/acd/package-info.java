/**
 * The automatic call distributor: queues per department, agent routing states, routing strategies and the
 * {@link dev.callcenter.core.acd.AgentSelector} SPI, routing steps that relax with time, reservations, callbacks
 * that keep the caller's place, estimated wait, transfers, and KPIs computed from the event log.
 *
 * <p>Start with {@link dev.callcenter.core.acd.Acd#builder(dev.callcenter.core.CallCenter)}.
 */
@NullMarked
package dev.callcenter.core.acd;

import org.jspecify.annotations.NullMarked;
