package dev.callcenter.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Priority;
import dev.callcenter.core.Department;
import dev.callcenter.rules.internal.CompiledRule;
import dev.callcenter.rules.internal.Condition;
import dev.callcenter.rules.internal.FactValues;
import dev.callcenter.rules.internal.JsonDocument;
import dev.callcenter.rules.internal.RuleCompiler;
import dev.callcenter.rules.internal.RuleProgram;
import dev.callcenter.rules.internal.RuleCompiler.RuleDocument;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A compiled, immutable set of rules read from JSON:
 *
 * <pre>{@code
 * {
 *   "activation": "all_matches",            // or "first_match" (default all_matches)
 *   "timeZone": "Asia/Riyadh",              // for time_of_day_between and day_of_week_in (default UTC)
 *   "flags": { "quality_assurance": true }, // rule groups switched on or off (default on)
 *   "rules": [
 *     { "id": "vip-priority", "description": "VIPs go first", "salience": 100, "enabled": true,
 *       "group": "priority",
 *       "when": { "all": [ { "fact": "customerTier", "op": "eq", "value": "vip" },
 *                          { "not": { "fact": "department", "op": "eq", "value": "complaints" } } ] },
 *       "then": [ { "action": "set_priority", "priority": "high" }, { "action": "tag", "tag": "vip" } ] }
 *   ]
 * }
 * }</pre>
 *
 * Conditions combine {@code all}, {@code any} and {@code not} over leaves {@code {"fact", "op", "value"}} with
 * the operators eq, ne, in, not_in, gt, gte, lt, lte, between, contains, starts_with, matches (whole value,
 * Java regex), exists, time_of_day_between ({@code ["22:00", "06:00"]} wraps midnight; start inclusive, end
 * exclusive) and day_of_week_in. Actions: route, set_priority, set_queue_priority, tag, skip_stage,
 * require_verification, create_ticket, stop. Rules are evaluated by salience, highest first, ties by id. The
 * JSON Schema is the resource {@code dev/callcenter/rules/rules.schema.json}.
 */
public final class RuleSet {
  private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  private static final Comparator<CompiledRule> ORDER = Comparator.comparingInt((CompiledRule r) -> -r.salience)
      .thenComparing(r -> r.id);

  private final List<CompiledRule> documentOrder;
  private final @Nullable String description;
  final CompiledRule[] ordered;
  final CompiledRule[] active;
  private final RuleProgram program;
  private final Activation activation;
  private final ZoneId zone;
  private final ZoneRules zoneRules;
  private final int fixedOffset;
  private final boolean fixed;
  private final Map<String, Boolean> flags;
  final boolean usesTime;

  private RuleSet(List<CompiledRule> documentOrder, @Nullable String description, Activation activation,
      ZoneId zone, Map<String, Boolean> flags) {
    this.documentOrder = List.copyOf(documentOrder);
    this.description = description;
    this.activation = activation;
    this.zone = zone;
    this.zoneRules = zone.getRules();
    this.fixed = zoneRules.isFixedOffset();
    this.fixedOffset = fixed ? zoneRules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    this.flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    this.ordered = documentOrder.stream().sorted(ORDER).toArray(CompiledRule[]::new);
    this.active = Arrays.stream(ordered).filter(this::isOn).toArray(CompiledRule[]::new);
    this.usesTime = Arrays.stream(active).anyMatch(r -> r.usesTime);
    this.program = RuleProgram.compile(active);
  }

  private boolean isOn(CompiledRule r) {
    return r.enabled && (r.group == null || flags.getOrDefault(r.group, true));
  }

  /** The rules shipped with the SDK: IVR routing, department assignment, priority, QA, validation. */
  public static RuleSet defaults() {
    return Defaults.RULES;
  }

  private static final class Defaults {
    static final RuleSet RULES = parse(JsonDocument.resource(RuleSet.class, "default-rules.json"));
  }

  /**
   * Reads and compiles a rule set.
   *
   * @throws RuleValidationException listing every problem with its JSON path; nothing is compiled
   */
  public static RuleSet parse(String json) {
    RuleDocument d = RuleCompiler.compile(json, false);
    return new RuleSet(d.rules(), d.description(),
        d.activation() == null ? Activation.ALL_MATCHES : d.activation(),
        d.timeZone() == null ? ZoneOffset.UTC : d.timeZone(), d.flags());
  }

  /**
   * Layers an override file (a department's or tenant's) on this set: a rule with an id already here replaces
   * it, a new id is added; {@code activation}, {@code timeZone} and {@code flags} given in the override win.
   *
   * @throws RuleValidationException when the override has any problem; this set is unchanged
   */
  public RuleSet withOverrides(String json) {
    return withOverrides(RuleCompiler.compile(json, true));
  }

  RuleSet withOverrides(RuleDocument d) {
    Map<String, CompiledRule> byId = new LinkedHashMap<>();
    for (CompiledRule r : documentOrder) {
      byId.put(r.id, r);
    }
    for (CompiledRule r : d.rules()) {
      byId.put(r.id, r);
    }
    Map<String, Boolean> merged = new LinkedHashMap<>(flags);
    merged.putAll(d.flags());
    return new RuleSet(new ArrayList<>(byId.values()), description,
        d.activation() == null ? activation : d.activation(), d.timeZone() == null ? zone : d.timeZone(), merged);
  }

  /** This set with the rule group {@code group} switched on or off. */
  public RuleSet withFlag(String group, boolean on) {
    if (group == null || !GROUP.matcher(group).matches()) {
      throw InvalidInputException.of("group", "must be a lower-case slug such as 'quality_assurance', was '%s'",
          group);
    }
    Map<String, Boolean> merged = new LinkedHashMap<>(flags);
    merged.put(group, on);
    return new RuleSet(documentOrder, description, activation, zone, merged);
  }

  public Activation activation() {
    return activation;
  }

  public ZoneId timeZone() {
    return zone;
  }

  /** Feature flags by rule group; a group without a flag is on. */
  public Map<String, Boolean> flags() {
    return flags;
  }

  /** The rule groups used by the rules. */
  public Set<String> groups() {
    Set<String> groups = new LinkedHashSet<>();
    for (CompiledRule r : documentOrder) {
      if (r.group != null) {
        groups.add(r.group);
      }
    }
    return Collections.unmodifiableSet(groups);
  }

  /** Rule ids in evaluation order (salience, then id), enabled or not. */
  public List<String> ruleIds() {
    return Arrays.stream(ordered).map(r -> r.id).toList();
  }

  /** Rules that take part in evaluation (enabled, group switched on). */
  public int activeCount() {
    return active.length;
  }

  public int size() {
    return ordered.length;
  }

  /** The rule set as JSON, in the form {@link #parse} reads, rules in document order. */
  public String toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    if (description != null) {
      root.put("description", description);
    }
    root.put("activation", activation.jsonName());
    root.put("timeZone", zone.getId());
    ObjectNode fl = root.putObject("flags");
    flags.forEach(fl::put);
    ArrayNode rules = root.putArray("rules");
    for (CompiledRule r : documentOrder) {
      rules.add(r.source.deepCopy());
    }
    return root.toString();
  }

  long localSeconds(Instant time) {
    long epoch = time.getEpochSecond();
    return epoch + (fixed ? fixedOffset : zoneRules.getOffset(time).getTotalSeconds());
  }

  Decision evaluate(FactValues f, long local) {
    Department route = null;
    Priority priority = null;
    int queuePriority = -1;
    boolean verify = false;
    TicketRequest ticket = null;
    long low = 0;
    long[] high = null;
    boolean first = activation == Activation.FIRST_MATCH;
    CompiledRule[] rules = active;
    RuleProgram p = program;
    long[] bits = p.testLeaves(f, local);
    for (int i = 0; i < rules.length; i++) {
      if (!p.holds(i, bits, f, local)) {
        continue;
      }
      CompiledRule r = rules[i];
      if (i < 64) {
        low |= 1L << i;
      } else {
        if (high == null) {
          high = new long[(rules.length + 63) >>> 6];
        }
        high[i >>> 6] |= 1L << i;
      }
      if (route == null) {
        route = r.route;
      }
      if (priority == null) {
        priority = r.priority;
      }
      if (queuePriority < 0) {
        queuePriority = r.queuePriority;
      }
      if (ticket == null) {
        ticket = r.ticket;
      }
      verify |= r.requireVerification;
      if (first || r.stop) {
        break;
      }
    }
    return new Decision(this, route, priority, queuePriority, verify, ticket, low, high);
  }

  List<Explanation.Trace> trace(FactValues f, long local) {
    List<Explanation.Trace> traces = new ArrayList<>(ordered.length);
    boolean stopped = false;
    boolean first = activation == Activation.FIRST_MATCH;
    for (CompiledRule r : ordered) {
      Explanation.Outcome outcome;
      Condition.Failure failure = null;
      if (!r.enabled) {
        outcome = Explanation.Outcome.DISABLED;
      } else if (!isOn(r)) {
        outcome = Explanation.Outcome.SWITCHED_OFF;
      } else if (stopped) {
        outcome = Explanation.Outcome.NOT_REACHED;
      } else {
        failure = r.condition.failure(f, local);
        if (failure == null) {
          outcome = Explanation.Outcome.FIRED;
          stopped = first || r.stop;
        } else {
          outcome = Explanation.Outcome.NOT_MATCHED;
        }
      }
      traces.add(new Explanation.Trace(r.id, outcome, failure == null ? null : failure.path(),
          failure == null ? null : failure.condition(), failure == null ? Map.of() : failure.seen()));
    }
    return traces;
  }

  @Override
  public String toString() {
    return "RuleSet[" + ordered.length + " rules, " + active.length + " active, " + activation.jsonName() + ", "
        + zone + "]";
  }
}
