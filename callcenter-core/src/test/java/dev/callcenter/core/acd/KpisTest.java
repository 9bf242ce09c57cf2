package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallId;
import dev.callcenter.core.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted day (times in seconds from the start), with T = 20 s and short abandons under 5 s:
 *
 * <pre>
 *   0  a and b log in
 * 100  c1 queued, offered to a      105  a answers (wait 5)
 * 110  c2 queued, offered to b      140  b answers (wait 30)
 * 200  c1 ends (talk 95), a wraps up to 210
 * 205  c3 queued, nobody free       208  c3 abandons (wait 3: short)
 * 250  c2 ends (talk 110), b wraps up to 260
 * 300  b logs out
 * 400  c4 queued, offered to a      410  a answers (wait 10)
 * 420  c5 queued                    470  c5 abandons (wait 50)
 * 500  c4 ends (talk 90), a wraps up to 510
 * 540  c6 queued needing skill "vip" nobody has; still waiting at 600
 * </pre>
 */
class KpisTest {
  private static final KpiSettings SETTINGS = new KpiSettings(Duration.ofSeconds(20), Duration.ofSeconds(5));
  private Fixture f;
  private AgentId a;
  private AgentId b;

  private void at(long second) {
    Instant target = Fixture.START.plusSeconds(second);
    f.advance(Duration.between(f.clock.instant(), target));
  }

  @BeforeEach
  void scriptTheDay() {
    f = new Fixture(builder -> builder.queue(QueueConfig.builder(SALES).wrapUp(Duration.ofSeconds(10))
        .offerTimeout(Duration.ofSeconds(60)).steps(RoutingStep.skill(Duration.ZERO, 5)).build()));
    a = f.available("a", SALES, Map.of());
    b = f.available("b", SALES, Map.of());
    at(100);
    CallId c1 = f.queued(SALES, Priority.NORMAL);
    at(105);
    f.acd.accept(a);
    at(110);
    CallId c2 = f.queued(SALES, Priority.NORMAL);
    at(140);
    f.acd.accept(b);
    at(200);
    f.acd.complete(c1);
    at(205);
    CallId c3 = f.queued(SALES, Priority.NORMAL);
    at(208);
    f.acd.abandon(c3);
    at(250);
    f.acd.complete(c2);
    at(300);
    f.acd.setAgentStatus(b, AgentStatus.OFFLINE);
    at(400);
    CallId c4 = f.queued(SALES, Priority.NORMAL);
    at(410);
    f.acd.accept(a);
    at(420);
    CallId c5 = f.queued(SALES, Priority.NORMAL);
    at(470);
    f.acd.abandon(c5);
    at(500);
    f.acd.complete(c4);
    at(540);
    f.queued(SALES, Priority.NORMAL, "vip");
    at(700); // after the window: must not count
    f.acd.setAgentStatus(a, AgentStatus.OFFLINE);
  }

  @Test
  void queueKpisOverTheWholeDayMatchTheHandCount() {
    QueueKpis sales = Kpis.compute(f.center, Fixture.START, Fixture.START.plusSeconds(600), SETTINGS).queue(SALES);
    assertThat(sales.answered()).isEqualTo(3); // c1, c2, c4
    assertThat(sales.answeredWithinThreshold()).isEqualTo(2); // waits 5 and 10
    assertThat(sales.abandoned()).isEqualTo(2); // c3, c5
    assertThat(sales.abandonedWithinThreshold()).isEqualTo(1); // c3
    assertThat(sales.shortAbandons()).isEqualTo(1); // c3
    assertThat(sales.serviceLevel().getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(sales.serviceLevelCountingAbandons().getAsDouble()).isCloseTo(3.0 / 5, within(1e-9));
    assertThat(sales.averageSpeedOfAnswer()).contains(Duration.ofSeconds(15)); // (5 + 30 + 10) / 3
    // (talk 95 + 110 + 90 + wrap-up 10 + 10 + 10) / 3 handled
    assertThat(sales.averageHandleTime()).contains(Duration.ofSeconds(325).dividedBy(3));
    assertThat(sales.abandonmentRate().getAsDouble()).isCloseTo(1.0 / 4, within(1e-9)); // (2 - 1) / (3 + 2 - 1)
    assertThat(sales.longestWait()).isEqualTo(Duration.ofSeconds(60)); // c6, still waiting at 600
    // a staffed 0-600, handling 95+10+90+10; b staffed 0-300, handling 110+10
    assertThat(sales.staffedTime()).isEqualTo(Duration.ofSeconds(900));
    assertThat(sales.handlingTime()).isEqualTo(Duration.ofSeconds(325));
    assertThat(sales.occupancy().getAsDouble()).isCloseTo(325.0 / 900, within(1e-9));
    assertThat(sales.agentsAvailable()).isEqualTo(1); // a
  }

  @Test
  void agentKpisMatchTheHandCount() {
    KpiReport report = Kpis.compute(f.center, Fixture.START, Fixture.START.plusSeconds(600), SETTINGS);
    AgentKpis kpisA = report.agent(a);
    assertThat(kpisA.answered()).isEqualTo(2);
    assertThat(kpisA.handled()).isEqualTo(2);
    assertThat(kpisA.averageHandleTime()).contains(Duration.ofMillis(102_500)); // (95 + 90 + 10 + 10) / 2
    assertThat(kpisA.occupancy().getAsDouble()).isCloseTo(205.0 / 600, within(1e-9));
    assertThat(kpisA.availableAtEnd()).isTrue();
    AgentKpis kpisB = report.agent(b);
    assertThat(kpisB.answered()).isEqualTo(1);
    assertThat(kpisB.averageHandleTime()).contains(Duration.ofSeconds(120)); // (110 + 10) / 1
    assertThat(kpisB.occupancy().getAsDouble()).isCloseTo(120.0 / 300, within(1e-9));
    assertThat(kpisB.availableAtEnd()).isFalse();
  }

  @Test
  void aLaterWindowCountsOnlyWhatHappenedInIt() {
    QueueKpis sales = Kpis.compute(f.center, Fixture.START.plusSeconds(300), Fixture.START.plusSeconds(600),
        SETTINGS).queue(SALES);
    assertThat(sales.answered()).isEqualTo(1); // c4
    assertThat(sales.abandoned()).isEqualTo(1); // c5, not short
    assertThat(sales.serviceLevel().getAsDouble()).isEqualTo(1.0);
    assertThat(sales.serviceLevelCountingAbandons().getAsDouble()).isEqualTo(0.5);
    assertThat(sales.abandonmentRate().getAsDouble()).isEqualTo(0.5);
    assertThat(sales.averageHandleTime()).contains(Duration.ofSeconds(100)); // talk 90 + wrap-up 10
    // a: available 300-400, reserved 400-410, busy 410-500, wrap-up 500-510, available 510-600
    assertThat(sales.staffedTime()).isEqualTo(Duration.ofSeconds(300));
    assertThat(sales.occupancy().getAsDouble()).isCloseTo(100.0 / 300, within(1e-9));
  }

  @Test
  void anEmptyWindowHasNoRatiosRatherThanMadeUpOnes() {
    QueueKpis sales = Kpis.compute(f.center, Fixture.START.plusSeconds(10), Fixture.START.plusSeconds(20),
        SETTINGS).queue(SALES);
    assertThat(sales.answered()).isZero();
    assertThat(sales.serviceLevel()).isEmpty();
    assertThat(sales.averageSpeedOfAnswer()).isEmpty();
    assertThat(sales.abandonmentRate()).isEmpty();
    assertThat(sales.occupancy().getAsDouble()).isZero(); // both agents idle all along
  }
}
