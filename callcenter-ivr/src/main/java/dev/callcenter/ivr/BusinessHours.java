package dev.callcenter.ivr;

import dev.callcenter.core.internal.Checks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** When the centre is open: on {@code days}, from {@code open} (inclusive) to {@code close} (exclusive). */
public record BusinessHours(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> days) {
  public BusinessHours {
    Checks.notNull(zone, "zone");
    Checks.notNull(open, "open");
    Checks.notNull(close, "close");
    Checks.notNull(days, "days");
    if (!open.isBefore(close)) {
      throw dev.callcenter.core.InvalidInputException.of("close", "must be after open (%s), was %s", open, close);
    }
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
  }

  public boolean isOpen(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(open) && time.isBefore(close);
  }
}
