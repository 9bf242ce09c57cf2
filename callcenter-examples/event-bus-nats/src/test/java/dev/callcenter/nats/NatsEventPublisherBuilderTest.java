package dev.callcenter.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.store.EventLogStore;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class NatsEventPublisherBuilderTest {
  private static void assertRejects(Supplier<?> build, String field) {
    assertThatThrownBy(build::get)
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("field").containsExactly(field));
  }

  @Test
  void requiresTheEventLog() {
    assertRejects(() -> NatsEventPublisher.builder().url(Nodes.NATS_URL).build(), "eventLog");
  }

  @Test
  void requiresAConnectionOrAUrl() {
    assertRejects(() -> NatsEventPublisher.builder().eventLog(EventLogStore.inMemory()).build(), "connection");
  }

  @Test
  void rejectsBadValuesNamingTheField() {
    assertRejects(() -> NatsEventPublisher.builder().url(" "), "url");
    assertRejects(() -> NatsEventPublisher.builder().subject("calls.*"), "subject");
    assertRejects(() -> NatsEventPublisher.builder().subject("calls.>"), "subject");
    assertRejects(() -> NatsEventPublisher.builder().subject("calls..events"), "subject");
    assertRejects(() -> NatsEventPublisher.builder().subject("call events"), "subject");
    assertRejects(() -> NatsEventPublisher.builder().subject(""), "subject");
    assertRejects(() -> NatsEventPublisher.builder().gapTimeout(Duration.ZERO), "gapTimeout");
    assertRejects(() -> NatsEventPublisher.builder().gapTimeout(Duration.ofMillis(-1)), "gapTimeout");
    assertRejects(() -> NatsEventPublisher.builder().gapTimeout(Duration.ofHours(1)), "gapTimeout");
    assertRejects(() -> NatsEventPublisher.builder().url("nats://[bad"), "url");
  }

  @Test
  void rejectsASettingGivenTwice() {
    assertRejects(() -> NatsEventPublisher.builder().subject("a").subject("b"), "subject");
    assertRejects(() -> NatsEventPublisher.builder().gapTimeout(Duration.ofSeconds(1))
        .gapTimeout(Duration.ofSeconds(2)), "gapTimeout");
  }

  @Test
  void rejectsAConnectionAndAUrlTogether() throws Exception {
    Connection connection = Nats.connect(Nodes.NATS_URL);
    try {
      assertRejects(() -> NatsEventPublisher.builder().connection(connection).url(Nodes.NATS_URL)
          .eventLog(EventLogStore.inMemory()).build(), "url");
    } finally {
      connection.close();
    }
  }

  @Test
  void usesTheDefaultSubjectAndLeavesAGivenConnectionOpen() throws Exception {
    Connection connection = Nats.connect(Nodes.NATS_URL);
    try {
      NatsEventPublisher publisher = NatsEventPublisher.builder().connection(connection)
          .eventLog(EventLogStore.inMemory()).build();
      assertThat(publisher.subject()).isEqualTo(NatsEventPublisher.DEFAULT_SUBJECT);
      publisher.close();
      assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
    } finally {
      connection.close();
    }
  }

  @Test
  void anUnreachableServerFailsWithoutTheCredentials() {
    assertThatThrownBy(() -> NatsEventPublisher.builder().url("nats://alice:s3cret@127.0.0.1:1")
        .eventLog(EventLogStore.inMemory()).build())
        .isInstanceOf(CallCenterException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageNotContaining("s3cret");
  }
}
