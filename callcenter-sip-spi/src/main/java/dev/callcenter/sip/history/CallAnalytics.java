package dev.callcenter.sip.history;

import dev.callcenter.core.CallDirection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Figures over a set of call records.
 *
 * @param missed calls with outcome MISSED (busy and failed calls are counted apart)
 * @param answeredRate answered / total, 0 when there are no calls
 * @param missedRate missed / total, 0 when there are no calls
 * @param averageTalkDuration mean talk time of the answered calls
 * @param averageDuration mean of ringing plus talking over all calls
 * @param perExtension usage per local extension, by extension code (calls without an extension left out)
 * @param byHour calls per hour of day 0-23 in {@link #zone()}, every hour present
 * @param byDay calls per calendar day in {@link #zone()}, days without calls left out
 */
public record CallAnalytics(
    ZoneId zone,
    long total,
    long answered,
    long missed,
    long busy,
    long failed,
    double answeredRate,
    double missedRate,
    Duration totalTalkTime,
    Duration averageTalkDuration,
    Duration averageDuration,
    Map<CallDirection, Long> byDirection,
    SortedMap<String, ExtensionUsage> perExtension,
    SortedMap<Integer, Long> byHour,
    SortedMap<LocalDate, Long> byDay) {

  public CallAnalytics {
    byDirection = Map.copyOf(byDirection);
    perExtension = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(perExtension));
    byHour = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byHour));
    byDay = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
  }
}
