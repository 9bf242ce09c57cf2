package dev.callcenter.core.store;

import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which call-history entries to list; every criterion left null (or empty) matches all.
 *
 * @param extensions the local extensions to include
 * @param from inclusive lower bound of {@link CallRecord#startedAt()}
 * @param to exclusive upper bound of {@link CallRecord#startedAt()}
 */
public record CallRecordQuery(
    Set<String> extensions,
    @Nullable String userId,
    @Nullable CallDirection direction,
    @Nullable CallOutcome outcome,
    @Nullable Instant from,
    @Nullable Instant to) {
  public static final CallRecordQuery ALL = new CallRecordQuery(Set.of(), null, null, null, null, null);

  public CallRecordQuery {
    extensions = Set.copyOf(extensions);
  }

  public CallRecordQuery forExtensions(Set<String> values) {
    return new CallRecordQuery(values, userId, direction, outcome, from, to);
  }

  public CallRecordQuery forUser(@Nullable String value) {
    return new CallRecordQuery(extensions, value, direction, outcome, from, to);
  }

  public CallRecordQuery withDirection(@Nullable CallDirection value) {
    return new CallRecordQuery(extensions, userId, value, outcome, from, to);
  }

  public CallRecordQuery withOutcome(@Nullable CallOutcome value) {
    return new CallRecordQuery(extensions, userId, direction, value, from, to);
  }

  public CallRecordQuery between(@Nullable Instant fromInclusive, @Nullable Instant toExclusive) {
    return new CallRecordQuery(extensions, userId, direction, outcome, fromInclusive, toExclusive);
  }

  public boolean matches(CallRecord r) {
    return (extensions.isEmpty() || (r.extension() != null && extensions.contains(r.extension())))
        && (userId == null || userId.equals(r.userId()))
        && (direction == null || direction == r.direction())
        && (outcome == null || outcome == r.outcome())
        && (from == null || !r.startedAt().isBefore(from))
        && (to == null || r.startedAt().isBefore(to));
  }
}
