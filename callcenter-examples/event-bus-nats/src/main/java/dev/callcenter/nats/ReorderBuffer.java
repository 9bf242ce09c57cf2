package dev.callcenter.nats;

import dev.callcenter.core.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Puts events that arrive in any order, possibly twice, back into sequence order without gaps. Events after a
 * gap wait until the gap is filled; a gap older than the gap timeout is reported as overdue, so that the missing
 * events can be read from the event log. A gap at the end (events the log holds that never arrived, with nothing
 * after them) is known once {@link #expect} is told the log's last sequence. Not thread-safe: the owner guards it
 * with one lock.
 */
final class ReorderBuffer {
  private final Duration gapTimeout;
  private final TreeMap<Long, Event> waiting = new TreeMap<>();
  /** The sequence of the last event handed out by {@link #takeReady}. */
  private long delivered;
  /** The log's last sequence when last asked; events up to it exist even if none of them has arrived. */
  private long expected;
  /** When the gap in front of {@link #waiting} was first seen; null when there is no gap. */
  private @Nullable Instant gapSince;

  ReorderBuffer(long startAfter, Duration gapTimeout) {
    this.delivered = startAfter;
    this.gapTimeout = gapTimeout;
  }

  /**
   * Accepts an event; false when it was handed out or is waiting already (a duplicate), or lies before the start.
   */
  boolean offer(Event event, Instant now) {
    long sequence = event.sequence();
    if (sequence <= delivered || waiting.containsKey(sequence)) {
      return false;
    }
    waiting.put(sequence, event);
    if (hasGap() && gapSince == null) {
      gapSince = now;
    }
    return true;
  }

  /** Tells the buffer the log holds events up to {@code sequence}; a gap starts when they are not here. */
  void expect(long sequence, Instant now) {
    expected = Math.max(expected, sequence);
    if (hasGap() && gapSince == null) {
      gapSince = now;
    }
  }

  /** Whether {@link #takeReady} would return events. */
  boolean hasReady() {
    return !waiting.isEmpty() && waiting.firstKey() == delivered + 1;
  }

  /** Removes and returns the events that follow the last one handed out without a gap, in order. */
  List<Event> takeReady(Instant now) {
    List<Event> ready = new ArrayList<>();
    while (hasReady()) {
      ready.add(waiting.pollFirstEntry().getValue());
      delivered++;
    }
    if (!hasGap()) {
      gapSince = null;
    } else if (!ready.isEmpty()) {
      gapSince = now; // the gap in front is a new one
    }
    return ready;
  }

  /** Whether events wait behind missing ones, and have waited at least the gap timeout. */
  boolean gapOverdue(Instant now) {
    Instant since = gapSince;
    return hasGap() && since != null && !now.isBefore(since.plus(gapTimeout));
  }

  /** Starts the gap timeout again, after a look in the event log that did not fill the gap. */
  void restartGapTimer(Instant now) {
    gapSince = hasGap() ? now : null;
  }

  /**
   * Gives up on the missing events in front, as far as {@code sequence}: they exist nowhere. The events waiting
   * after them become ready; events that arrived meanwhile are kept.
   */
  void skipGap(long sequence, Instant now) {
    if (hasGap()) {
      delivered = Math.max(delivered, Math.min(sequence, gapEnd()));
      restartGapTimer(now);
    }
  }

  /** The sequence of the last event handed out. */
  long delivered() {
    return delivered;
  }

  /**
   * The last sequence of the gap in front: the first waiting sequence minus one, or the expected last sequence
   * when nothing waits; {@link #delivered} if there is no gap.
   */
  long gapEnd() {
    if (!hasGap()) {
      return delivered;
    }
    return waiting.isEmpty() ? expected : waiting.firstKey() - 1;
  }

  /** The highest sequence known to exist: the last waiting one, or the expected last sequence of the log. */
  long knownEnd() {
    return Math.max(delivered, Math.max(expected, waiting.isEmpty() ? 0 : waiting.lastKey()));
  }

  /** Whether sequences are missing in front of the waiting events, or events the log holds have not arrived. */
  boolean hasGap() {
    return waiting.isEmpty() ? expected > delivered : waiting.firstKey() > delivered + 1;
  }

  /** How many events wait behind a gap. */
  int waiting() {
    return waiting.size();
  }
}
