package dev.callcenter.rules;

import dev.callcenter.core.Department;
import dev.callcenter.core.Priority;
import dev.callcenter.rules.internal.CompiledRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the rules decided for a call. Evaluation has no side effects: the caller acts on the decision. When
 * several fired rules set the same value, the first in salience order wins; tags and skipped stages are the
 * union of all fired rules; verification is required when any fired rule requires it. Immutable.
 */
public final class Decision {
  private final RuleSet ruleSet;
  private final @Nullable Department route;
  private final @Nullable Priority priority;
  private final int queuePriority;
  private final boolean requireVerification;
  private final @Nullable TicketRequest ticket;
  private final long firedLow;
  /** Rules 64 and up, from word 1 of the fired-rule bits on; null when none of them fired. */
  private final long @Nullable [] firedHigh;

  Decision(RuleSet ruleSet, @Nullable Department route, @Nullable Priority priority, int queuePriority,
      boolean requireVerification, @Nullable TicketRequest ticket, long firedLow, long @Nullable [] firedHigh) {
    this.ruleSet = ruleSet;
    this.route = route;
    this.priority = priority;
    this.queuePriority = queuePriority;
    this.requireVerification = requireVerification;
    this.ticket = ticket;
    this.firedLow = firedLow;
    this.firedHigh = firedHigh;
  }

  /** The department to route to, when a rule decided one. */
  public Optional<Department> route() {
    return Optional.ofNullable(route);
  }

  /** The route, or {@code fallback} when no rule decided one. */
  public Department routeOr(Department fallback) {
    return route == null ? fallback : route;
  }

  /** The call's priority, when a rule set one. */
  public Optional<Priority> priority() {
    return Optional.ofNullable(priority);
  }

  /** The priority within the queue (0 to 1000, higher first), when a rule set one. */
  public OptionalInt queuePriority() {
    return queuePriority < 0 ? OptionalInt.empty() : OptionalInt.of(queuePriority);
  }

  /** Whether the caller must be verified (PIN or last digits) before going on. */
  public boolean requireVerification() {
    return requireVerification;
  }

  /** The ticket to create, when a rule asked for one. */
  public Optional<TicketRequest> ticket() {
    return Optional.ofNullable(ticket);
  }

  /** Tags for the call, in salience order. */
  public Set<String> tags() {
    Set<String> tags = new LinkedHashSet<>();
    for (CompiledRule r : firedCompiled()) {
      tags.addAll(r.tags);
    }
    return Collections.unmodifiableSet(tags);
  }

  /** IVR stages to skip, lower case (for example {@code verification}). */
  public Set<String> skipStages() {
    Set<String> stages = new LinkedHashSet<>();
    for (CompiledRule r : firedCompiled()) {
      stages.addAll(r.skipStages);
    }
    return Collections.unmodifiableSet(stages);
  }

  /** Ids of the rules that fired, in the order they fired. */
  public List<String> firedRules() {
    List<String> ids = new ArrayList<>();
    for (CompiledRule r : firedCompiled()) {
      ids.add(r.id);
    }
    return Collections.unmodifiableList(ids);
  }

  /** Whether the rule with this id fired. */
  public boolean fired(String ruleId) {
    for (CompiledRule r : firedCompiled()) {
      if (r.id.equals(ruleId)) {
        return true;
      }
    }
    return false;
  }

  /** Whether no rule fired. */
  public boolean isEmpty() {
    return firedLow == 0 && firedHigh == null;
  }

  private List<CompiledRule> firedCompiled() {
    List<CompiledRule> out = new ArrayList<>();
    CompiledRule[] active = ruleSet.active;
    for (int i = 0; i < active.length; i++) {
      boolean fired = i < 64 ? (firedLow & (1L << i)) != 0
          : firedHigh != null && (firedHigh[(i >>> 6) - 1] & (1L << i)) != 0;
      if (fired) {
        out.add(active[i]);
      }
    }
    return out;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Decision d && Objects.equals(d.route, route) && d.priority == priority
        && d.queuePriority == queuePriority && d.requireVerification == requireVerification
        && Objects.equals(d.ticket, ticket) && d.firedRules().equals(firedRules()) && d.tags().equals(tags())
        && d.skipStages().equals(skipStages());
  }

  @Override
  public int hashCode() {
    return Objects.hash(route, priority, queuePriority, requireVerification, ticket, firedRules());
  }

  @Override
  public String toString() {
    return "Decision[route=" + route + ", priority=" + priority + ", queuePriority="
        + (queuePriority < 0 ? "-" : queuePriority) + ", requireVerification=" + requireVerification + ", ticket="
        + ticket + ", tags=" + tags() + ", skipStages=" + skipStages() + ", fired=" + firedRules() + "]";
  }
}
