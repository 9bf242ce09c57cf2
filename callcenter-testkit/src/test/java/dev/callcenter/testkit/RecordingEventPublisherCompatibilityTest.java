package dev.callcenter.testkit;

import dev.callcenter.core.event.EventPublisher;

class RecordingEventPublisherCompatibilityTest extends EventPublisherCompatibilityKit {
  @Override
  protected EventPublisher createPublisher() {
    return new RecordingEventPublisher();
  }
}
