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
  /** Active rules by what they do, one bit per rule (see {@link #mask}). */
  private final long[] routes;
  private final long[] priorities;
  private final long[] queuePriorities;
  private final long[] tickets;
  private final long[] verifications;
  /** Rules after which evaluation stops when they fire: a stop action, or every rule under first-match. */
  private final long[] stops;
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
    this.routes = mask(r -> r.route != null);
    this.priorities = mask(r -> r.priority != null);
    this.queuePriorities = mask(r -> r.queuePriority >= 0);
    this.tickets = mask(r -> r.ticket != null);
    this.verifications = mask(r -> r.requireVerification);
    this.stops = mask(r -> activation == Activation.FIRST_MATCH || r.stop);
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
    RuleProgram p = program;
    long[] bits = p.oneWord() ? null : p.testLeaves(f, local);
    long word0 = bits == null ? p.testWord(f, local) : bits[0];
    int words = (active.length + 63) >>> 6;
    long low = 0;
    long[] high = null;
    // 64 rules at a time: which hold, cut after the first that fired and stops
    for (int w = 0; w < words; w++) {
      long fired = p.holding(w, word0, bits, f, local);
      long stopped = fired & stops[w];
      if (stopped != 0) {
        fired &= stopped ^ (stopped - 1); // up to and including the lowest bit of stopped
      }
      if (w == 0) {
        low = fired;
      } else if (fired != 0) {
        if (high == null) {
          high = new long[words - 1];
        }
        high[w - 1] = fired;
      }
      if (stopped != 0) {
        break;
      }
    }
    // a value comes from the first fired rule that sets it
    int route = first(low, high, routes);
    int priority = first(low, high, priorities);
    int queuePriority = first(low, high, queuePriorities);
    int ticket = first(low, high, tickets);
    return new Decision(this, route < 0 ? null : active[route].route,
        priority < 0 ? null : active[priority].priority,
        queuePriority < 0 ? -1 : active[queuePriority].queuePriority, first(low, high, verifications) >= 0,
        ticket < 0 ? null : active[ticket].ticket, low, high);
  }

  /** The lowest rule index both fired and in {@code mask}, or -1. */
  private static int first(long low, long @Nullable [] high, long[] mask) {
    long m = low & mask[0];
    if (m != 0) {
      return Long.numberOfTrailingZeros(m);
    }
    if (high != null) {
      for (int w = 1; w <= high.length; w++) {
        m = high[w - 1] & mask[w];
        if (m != 0) {
          return (w << 6) + Long.numberOfTrailingZeros(m);
        }
      }
    }
    return -1;
  }

  /** One bit per active rule, set for those that {@code has}. */
  private long[] mask(java.util.function.Predicate<CompiledRule> has) {
    long[] out = new long[Math.max(1, (active.length + 63) >>> 6)];
    for (int i = 0; i < active.length; i++) {
      if (has.test(active[i])) {
        out[i >>> 6] |= 1L << i;
      }
    }
    return out;
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
