package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.CallId;
import dev.callcenter.core.Priority;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class WaitEstimateTest {

  @Test
  void erlangCMatchesTheTextbookValue() {
    assertThat(ErlangC.probabilityOfWaiting(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(ErlangC.probabilityOfWaiting(1, 0.5)).isCloseTo(0.5, within(1e-12)); // M/M/1: rho
  }

  @Test
  void erlangCEstimateFollowsTheFormula() {
    // 2 agents, AHT 100 s, one call every 100 s: A = 1 erlang, C = 1/3, ASA = 1/3 × 100 / (2 - 1)
    QueueSnapshot queue = new QueueSnapshot(SALES, Fixture.START, 3, 2, 0, 0, 0, Duration.ofSeconds(100), 0.01);
    WaitEstimator erlang = WaitEstimator.erlangC();
    assertThat(erlang.estimate(queue, 1).toMillis()).isEqualTo(33_333);
    assertThat(erlang.estimate(queue, 3).toMillis()).isEqualTo(133_333); // + 2 × 100 / 2
    QueueSnapshot overloaded = new QueueSnapshot(SALES, Fixture.START, 3, 2, 0, 0, 0, Duration.ofSeconds(100), 0.05);
    assertThat(erlang.estimate(overloaded, 3)).isEqualTo(Duration.ofSeconds(150)); // 3 × 100 / 2
  }

  @Test
  void movingAverageEstimatesFromRecentWaitsPerPlace() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES).wrapUp(Duration.ZERO).build()));
    AgentId a = f.available("a", SALES, Map.of());
    CallId c0 = f.queued(SALES, Priority.NORMAL);
    f.acd.accept(a); // waited 0 s at place 1
    CallId c1 = f.queued(SALES, Priority.NORMAL);
    CallId c2 = f.queued(SALES, Priority.NORMAL);
    assertThat(f.acd.placement(c2).position()).isEqualTo(2);
    assertThat(f.acd.placement(c2).estimatedWait()).isZero(); // the only sample: 0 s per place
    f.seconds(60);
    f.acd.complete(c0);
    f.acd.accept(a); // c1 waited 60 s at place 1
    Placement p2 = f.acd.placement(c2);
    assertThat(p2.position()).isEqualTo(1);
    assertThat(p2.estimatedWait()).isEqualTo(Duration.ofSeconds(30)); // mean of 0 and 60 s per place
    CallId c3 = f.queued(SALES, Priority.NORMAL);
    assertThat(f.acd.placement(c3).estimatedWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(f.acd.snapshot(SALES).samples()).isEqualTo(2);
    assertThat(f.acd.snapshot(SALES).waiting()).isEqualTo(2);
  }

  @Test
  void theSchedulerRunsTimersWithoutAnExplicitTick() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      Fixture f = new Fixture(b -> b.scheduler(scheduler, Duration.ofMillis(5))
          .queue(QueueConfig.builder(SALES).offerTimeout(Duration.ofSeconds(10)).build()));
      AgentId a = f.available("a", SALES, Map.of());
      f.queued(SALES, Priority.NORMAL);
      assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.RESERVED);
      f.clock.advance(Duration.ofSeconds(10));
      await("the scheduler to time the offer out").atMost(Duration.ofSeconds(5))
          .until(() -> f.acd.routingState(a) != RoutingState.RESERVED);
      assertThat(f.acd.routingState(a)).isEqualTo(RoutingState.AVAILABLE);
      f.acd.close();
    } finally {
      scheduler.shutdownNow();
    }
  }
}
