package dev.callcenter.nats;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.store.AgentStore;
import dev.callcenter.core.store.CallStore;
import dev.callcenter.core.store.EventLogStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Several call-center nodes in one test: they share the stores and one event log (standing in for PostgreSQL)
 * and one NATS subject of their own.
 */
final class Nodes implements AutoCloseable {
  /** The NATS server of the development and CI machines; env {@code NATS_URL} overrides it. */
  static final String NATS_URL = System.getenv().getOrDefault("NATS_URL", "nats://127.0.0.1:4222");

  final String subject = "test.nodes." + UUID.randomUUID();
  final EventLogStore log = EventLogStore.inMemory();
  final CallStore calls = CallStore.inMemory();
  final AgentStore agents = AgentStore.inMemory();
  private final Clock clock;
  private final Duration gapTimeout;
  private final List<NatsEventPublisher> publishers = new ArrayList<>();

  Nodes(Clock clock, Duration gapTimeout) {
    this.clock = clock;
    this.gapTimeout = gapTimeout;
  }

  /** A publisher on the shared subject and log. */
  NatsEventPublisher publisher() {
    return publisher(event -> false);
  }

  /** A publisher on the shared subject and log that loses the messages {@code lost} matches. */
  NatsEventPublisher publisher(Predicate<Event> lost) {
    NatsEventPublisher publisher = NatsEventPublisher.builder()
        .url(NATS_URL)
        .subject(subject)
        .eventLog(log)
        .gapTimeout(gapTimeout)
        .clock(clock)
        .loseMessages(lost)
        .build();
    publishers.add(publisher);
    return publisher;
  }

  /** A node: a call center on the shared stores, log and subject. */
  CallCenter node(NatsEventPublisher publisher) {
    return CallCenter.builder()
        .callStore(calls)
        .agentStore(agents)
        .eventLog(log)
        .events(publisher)
        .clock(clock)
        .build();
  }

  @Override
  public void close() {
    publishers.forEach(NatsEventPublisher::close);
  }
}
