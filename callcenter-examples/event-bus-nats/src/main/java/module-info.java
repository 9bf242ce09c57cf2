/**
 * The NATS event bus of the call-center SDK: events shared by several nodes that share one event log, delivered
 * to each node's listeners in sequence order without gaps. Entry point: {@link dev.callcenter.nats.NatsEventPublisher}.
 */
module dev.callcenter.nats {
  requires transitive dev.callcenter.core;
  requires transitive io.nats.jnats;
  requires static org.jspecify;
  requires org.slf4j;

  exports dev.callcenter.nats;
}
