package dev.callcenter.nats;

import dev.callcenter.core.event.EventPublisher;
import dev.callcenter.core.store.EventLogStore;
import dev.callcenter.testkit.EventPublisherCompatibilityKit;
import java.time.Duration;
import java.util.UUID;

/** The testkit's publisher contract, against the NATS server at {@link Nodes#NATS_URL}. */
class NatsEventPublisherCompatibilityTest extends EventPublisherCompatibilityKit {
  @Override
  protected EventPublisher createPublisher() {
    return NatsEventPublisher.builder()
        .url(Nodes.NATS_URL)
        .subject("test.kit." + UUID.randomUUID())
        .eventLog(EventLogStore.inMemory())
        .gapTimeout(Duration.ofMillis(500))
        .build();
  }

  @Override
  protected Duration quietPeriod() {
    return Duration.ofMillis(300);
  }
}
