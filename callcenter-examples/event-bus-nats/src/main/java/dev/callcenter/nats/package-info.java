/** An {@link dev.callcenter.core.event.EventPublisher} on NATS, for several nodes that share one event log. */
@NullMarked
package dev.callcenter.nats;

import org.jspecify.annotations.NullMarked;
