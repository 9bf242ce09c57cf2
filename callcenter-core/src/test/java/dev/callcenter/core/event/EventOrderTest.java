package dev.callcenter.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.NewCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

class EventOrderTest {

  /** A subscriber that keeps the latest snapshot of each call from the events must never go back in time. */
  @RepeatedTest(5)
  void eventsAboutOneCallCarryIncreasingVersionsEvenUnderConcurrentWriters() throws Exception {
    CallCenter center = CallCenter.builder().build();
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    List<Number> versions = Collections.synchronizedList(new ArrayList<>());
    center.subscribe(e -> versions.add((Number) e.data().get("version")));
    int threads = 4;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        running.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            String tag = "t" + thread + "-" + i;
            center.updateCall(call.id(), c -> c.withTags(Set.of(tag), Instant.now()));
          }
        }));
      }
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> seen = versions.stream().map(Number::longValue).toList();
    assertThat(seen).hasSize(threads * perThread);
    assertThat(seen).isSorted().doesNotHaveDuplicates();
    assertThat(seen.get(seen.size() - 1)).isEqualTo(center.getCall(call.id()).version());
  }
}
