package dev.callcenter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NewCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void standsStillUntilAdvanced() {
    MutableClock clock = MutableClock.create();
    assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);

    assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(MutableClock.DEFAULT_START.plusSeconds(90));
    assertThat(clock.millis()).isEqualTo(MutableClock.DEFAULT_START.plusSeconds(90).toEpochMilli());
  }

  @Test
  void goesBackOnlyWhenSetOnPurpose() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T00:00:00Z"));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("amount");
    clock.set(Instant.parse("2025-12-31T23:59:59Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
  }

  @Test
  void zonedViewsShareTheTime() {
    MutableClock clock = MutableClock.create();
    Clock riyadh = clock.withZone(ZoneId.of("Asia/Riyadh"));
    clock.advance(Duration.ofHours(1));
    assertThat(riyadh.instant()).isEqualTo(clock.instant());
    assertThat(riyadh.getZone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
    assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
  }

  @Test
  void drivesTheCallCenterTimestamps() {
    MutableClock clock = MutableClock.create();
    CallCenter center = CallCenter.builder().clock(clock).build();
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    clock.advance(Duration.ofMinutes(4));
    Call queued = center.startFlow(call.id()).call();

    assertThat(queued.createdAt()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(queued.queuedAt()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofMinutes(4)));
    assertThat(queued.duration(clock)).isEqualTo(Duration.ofMinutes(4));
  }
}
