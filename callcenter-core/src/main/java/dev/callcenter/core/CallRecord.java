package dev.callcenter.core;

import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Versioned;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the call history: one finished call as telephony saw it.
 *
 * @param callId the {@link Call} this record comes from, when the call went through the call center
 * @param remoteNumber the other party's number as dialled or presented (not always a valid E.164 number:
 *     extensions and withheld numbers appear here too)
 * @param extension the local extension that placed or took the call
 * @param userId the user the extension belonged to at the time
 * @param ringDuration from the first ring to the answer (or to giving up)
 * @param talkDuration from the answer to the hang-up; zero for calls not answered
 */
public record CallRecord(
    CallRecordId id,
    @Nullable CallId callId,
    CallDirection direction,
    String remoteNumber,
    @Nullable String extension,
    @Nullable String userId,
    CallOutcome outcome,
    Instant startedAt,
    Duration ringDuration,
    Duration talkDuration,
    long version)
    implements Versioned<CallRecord> {

  public CallRecord {
    Checks.notNull(id, "id");
    Checks.notNull(direction, "direction");
    Checks.notBlank(remoteNumber, "number");
    if (remoteNumber.length() > 64) {
      throw InvalidInputException.of("number", "must be at most 64 characters, was %d", remoteNumber.length());
    }
    Checks.notNull(outcome, "status");
    Checks.notNull(startedAt, "startedAt");
    nonNegative(Checks.notNull(ringDuration, "ringDuration"), "ringDuration");
    nonNegative(Checks.notNull(talkDuration, "duration"), "duration");
    if (outcome != CallOutcome.ANSWERED && !talkDuration.isZero()) {
      throw InvalidInputException.of("duration", "must be 0 for a call that was not answered (status %s)",
          outcome.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static void nonNegative(Duration d, String field) {
    if (d.isNegative()) {
      throw InvalidInputException.of(field, "must not be negative, was %s", d);
    }
  }

  /** Total length: ringing plus talking. */
  public Duration totalDuration() {
    return ringDuration.plus(talkDuration);
  }

  @Override
  public CallRecord withVersion(long newVersion) {
    return new CallRecord(id, callId, direction, remoteNumber, extension, userId, outcome, startedAt,
        ringDuration, talkDuration, newVersion);
  }

  @Override
  public String key() {
    return id.value();
  }
}
