package dev.callcenter.core.event;

enum NoopEventPublisher implements EventPublisher {
  INSTANCE;

  @Override
  public void publish(Event event) {}

  @Override
  public Subscription subscribe(EventListener listener) {
    return () -> {};
  }
}
