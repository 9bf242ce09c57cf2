package dev.callcenter.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SubscribeAfterTest {
  private final CallCenter center = CallCenter.builder().build();

  private void emitMessages(int count) {
    for (int i = 0; i < count; i++) {
      center.emit(EventType.MESSAGE_NEW, "conversation-1", Map.of("n", i));
    }
  }

  private static List<Long> sequences(List<Event> events) {
    return events.stream().map(Event::sequence).toList();
  }

  @Test
  void replaysExactlyTheEventsAfterNInOrderThenLiveOnes() {
    emitMessages(10);
    List<Event> received = Collections.synchronizedList(new ArrayList<>());

    Subscription subscription = center.subscribeAfter(4, received::add);
    assertThat(sequences(received)).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
    emitMessages(3);
    subscription.close();
    emitMessages(1);

    assertThat(sequences(received)).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
    assertThat(received.get(0).data()).containsEntry("n", 4);
  }

  @Test
  void replayingMoreThanOneBatchMissesNothing() {
    emitMessages(1234);
    List<Event> received = new ArrayList<>();

    Subscription subscription = center.subscribeAfter(0, received::add);
    assertThat(sequences(received)).isEqualTo(LongStream.rangeClosed(1, 1234).boxed().toList());
    subscription.close();
  }

  @Test
  void resumingFromTheLastSequenceDeliversNothingOld() {
    emitMessages(5);
    List<Event> received = new ArrayList<>();

    Subscription subscription = center.subscribeAfter(5, received::add);
    assertThat(received).isEmpty();
    emitMessages(1);
    subscription.close();
    assertThat(sequences(received)).containsExactly(6L);
  }

  @Test
  void closedSubscriptionReceivesNothingMore() {
    List<Event> received = new ArrayList<>();
    Subscription subscription = center.subscribeAfter(0, received::add);
    emitMessages(2);
    subscription.close();
    subscription.close();
    emitMessages(2);
    assertThat(sequences(received)).containsExactly(1L, 2L);
  }

  @Test
  void negativeSequenceIsRejected() {
    assertThatThrownBy(() -> center.subscribeAfter(-1, e -> {}))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::field)
                .containsExactly("afterSequence"));
  }

  @RepeatedTest(5)
  void subscribingWhileOthersEmitMissesAndRepeatsNothing() throws Exception {
    int emitters = 3;
    int perEmitter = 300;
    emitMessages(50);
    ExecutorService pool = Executors.newFixedThreadPool(emitters);
    CountDownLatch go = new CountDownLatch(1);
    List<Event> received = Collections.synchronizedList(new ArrayList<>());
    Subscription subscription;
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < emitters; t++) {
        running.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perEmitter; i++) {
            center.emit(EventType.MESSAGE_NEW, "conversation-2", Map.of("i", i));
          }
          return null;
        }));
      }
      go.countDown();
      while (center.eventLog().lastSequence() < 200) {
        Thread.onSpinWait();
      }
      subscription = center.subscribeAfter(17, received::add);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    subscription.close();

    long total = 50L + emitters * perEmitter;
    assertThat(center.eventLog().lastSequence()).isEqualTo(total);
    assertThat(sequences(received)).isEqualTo(LongStream.rangeClosed(18, total).boxed().toList());
  }
}
