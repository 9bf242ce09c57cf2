package dev.callcenter.docs;

import dev.callcenter.core.event.EventPublisher;
import dev.callcenter.testkit.EventPublisherCompatibilityKit;

/** The adapter test of docs/testing.md: a subclass of the kit, run by the build like any test class. */
class MyEventPublisherTest extends EventPublisherCompatibilityKit {
  @Override
  protected EventPublisher createPublisher() {
    return EventPublisher.inProcess(); // your adapter here
  }
}
