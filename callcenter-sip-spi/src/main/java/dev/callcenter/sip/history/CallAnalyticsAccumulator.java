package dev.callcenter.sip.history;

import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Folds call records one at a time into {@link CallAnalytics}; memory grows with extensions and days only. */
final class CallAnalyticsAccumulator implements Consumer<CallRecord> {
  private final ZoneId zone;
  private long total;
  private long answered;
  private long missed;
  private long busy;
  private long failed;
  private long talkMillisSum;
  private long totalMillis;
  private final Map<CallDirection, Long> byDirection = new EnumMap<>(CallDirection.class);
  private final Map<String, long[]> perExtension = new TreeMap<>();
  private final long[] byHour = new long[24];
  private final Map<LocalDate, Long> byDay = new TreeMap<>();

  CallAnalyticsAccumulator(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public void accept(CallRecord r) {
    total++;
    boolean isAnswered = r.outcome() == CallOutcome.ANSWERED;
    switch (r.outcome()) {
      case ANSWERED -> answered++;
      case MISSED -> missed++;
      case BUSY -> busy++;
      case FAILED -> failed++;
    }
    talkMillisSum += r.talkDuration().toMillis();
    totalMillis += r.totalDuration().toMillis();
    byDirection.merge(r.direction(), 1L, Long::sum);
    if (r.extension() != null) {
      long[] u = perExtension.computeIfAbsent(r.extension(), k -> new long[4]);
      u[0]++;
      if (isAnswered) {
        u[1]++;
      }
      if (r.outcome() == CallOutcome.MISSED) {
        u[2]++;
      }
      u[3] += r.talkDuration().toMillis();
    }
    ZonedDateTime local = r.startedAt().atZone(zone);
    byHour[local.getHour()]++;
    byDay.merge(local.toLocalDate(), 1L, Long::sum);
  }

  CallAnalytics result() {
    Map<String, ExtensionUsage> usage = new TreeMap<>();
    perExtension.forEach((ext, u) -> usage.put(ext, new ExtensionUsage(ext, u[0], u[1], u[2],
        Duration.ofMillis(u[3]))));
    Map<Integer, Long> hours = new TreeMap<>();
    for (int h = 0; h < 24; h++) {
      hours.put(h, byHour[h]);
    }
    return new CallAnalytics(zone, total, answered, missed, busy, failed, rate(answered), rate(missed),
        Duration.ofMillis(talkMillisSum), answered == 0 ? Duration.ZERO : Duration.ofMillis(talkMillisSum / answered),
        total == 0 ? Duration.ZERO : Duration.ofMillis(totalMillis / total), byDirection,
        new TreeMap<>(usage), new TreeMap<>(hours), new TreeMap<>(byDay));
  }

  private double rate(long count) {
    return total == 0 ? 0 : (double) count / total;
  }
}
