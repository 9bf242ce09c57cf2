package dev.callcenter.rules.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.core.Department;
import dev.callcenter.core.Priority;
import dev.callcenter.rules.TicketRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One rule, compiled: its condition and the merged effect of its actions. */
public final class CompiledRule {
  public final String id;
  public final String description;
  public final int salience;
  public final boolean enabled;
  public final @Nullable String group;
  public final Condition condition;
  public final @Nullable Department route;
  public final @Nullable Priority priority;
  /** Queue priority set by the rule, or -1. */
  public final int queuePriority;
  public final List<String> tags;
  public final List<String> skipStages;
  public final boolean requireVerification;
  public final @Nullable TicketRequest ticket;
  public final boolean stop;
  public final boolean usesTime;
  /** The rule as written, for writing the rule set back to JSON. */
  public final ObjectNode source;

  CompiledRule(String id, String description, int salience, boolean enabled, @Nullable String group,
      Condition condition, @Nullable Department route, @Nullable Priority priority, int queuePriority,
      List<String> tags, List<String> skipStages, boolean requireVerification, @Nullable TicketRequest ticket,
      boolean stop, boolean usesTime, ObjectNode source) {
    this.id = id;
    this.description = description;
    this.salience = salience;
    this.enabled = enabled;
    this.group = group;
    this.condition = condition;
    this.route = route;
    this.priority = priority;
    this.queuePriority = queuePriority;
    this.tags = List.copyOf(tags);
    this.skipStages = List.copyOf(skipStages);
    this.requireVerification = requireVerification;
    this.ticket = ticket;
    this.stop = stop;
    this.usesTime = usesTime;
    this.source = source;
  }
}
