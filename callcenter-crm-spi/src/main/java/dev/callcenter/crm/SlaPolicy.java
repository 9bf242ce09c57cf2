package dev.callcenter.crm;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a ticket of each priority may take to be resolved. Immutable.
 *
 * <pre>{@code
 * SlaPolicy sla = SlaPolicy.defaults().with(TicketPriority.URGENT, Duration.ofHours(1));
 * }</pre>
 */
public final class SlaPolicy {
  public static final Duration DEFAULT_URGENT = Duration.ofHours(4);
  public static final Duration DEFAULT_HIGH = Duration.ofHours(24);
  public static final Duration DEFAULT_MEDIUM = Duration.ofDays(3);
  public static final Duration DEFAULT_LOW = Duration.ofDays(7);

  private final Map<TicketPriority, Duration> targets;

  private SlaPolicy(Map<TicketPriority, Duration> targets) {
    this.targets = targets;
  }

  /** Urgent 4 hours, high 24 hours, medium 3 days, low 7 days. */
  public static SlaPolicy defaults() {
    return of(Map.of(TicketPriority.URGENT, DEFAULT_URGENT, TicketPriority.HIGH, DEFAULT_HIGH,
        TicketPriority.MEDIUM, DEFAULT_MEDIUM, TicketPriority.LOW, DEFAULT_LOW));
  }

  /**
   * A policy with a target for every priority.
   *
   * @throws InvalidInputException when a priority is missing or a target is not positive
   */
  public static SlaPolicy of(Map<TicketPriority, Duration> targets) {
    Checks.notNull(targets, "sla");
    EnumMap<TicketPriority, Duration> copy = new EnumMap<>(TicketPriority.class);
    for (TicketPriority p : TicketPriority.values()) {
      Duration d = targets.get(p);
      String field = "sla." + p.name().toLowerCase(java.util.Locale.ROOT);
      if (d == null) {
        throw InvalidInputException.of(field, "must be given");
      }
      if (d.isNegative() || d.isZero()) {
        throw InvalidInputException.of(field, "must be positive, was %s", d);
      }
      copy.put(p, d);
    }
    return new SlaPolicy(copy);
  }

  /** This policy with another target for {@code priority}. */
  public SlaPolicy with(TicketPriority priority, Duration target) {
    EnumMap<TicketPriority, Duration> copy = new EnumMap<>(targets);
    copy.put(Checks.notNull(priority, "priority"), target);
    return of(copy);
  }

  public Duration target(TicketPriority priority) {
    return targets.get(Checks.notNull(priority, "priority"));
  }

  /** When a ticket of {@code priority} created at {@code createdAt} is due. */
  public Instant dueAt(TicketPriority priority, Instant createdAt) {
    return createdAt.plus(target(priority));
  }

  @Override
  public String toString() {
    return "SlaPolicy" + targets;
  }
}
