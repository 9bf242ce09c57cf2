package dev.callcenter.testkit;

import dev.callcenter.core.event.EventPublisher;

class InProcessEventPublisherCompatibilityTest extends EventPublisherCompatibilityKit {
  @Override
  protected EventPublisher createPublisher() {
    return EventPublisher.inProcess();
  }
}
