package dev.callcenter.core.acd;

import java.time.Instant;
import java.util.Comparator;

/** A due action of the ACD. Stale timers (whose target moved on: another epoch) are skipped when due. */
record Timer(Instant due, long seq, Kind kind, Object target, long epoch, int step) {
  enum Kind { OFFER_TIMEOUT, ROUTABLE, WRAP_UP_END, STEP, MAX_WAIT }

  static final Comparator<Timer> ORDER = Comparator.comparing(Timer::due).thenComparingLong(Timer::seq);
}
