package dev.callcenter.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.Priority;
import dev.callcenter.rules.Activation;
import dev.callcenter.rules.TicketRequest;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** Validates a rule document, reporting every problem with its JSON path, and compiles its rules. */
public final class RuleCompiler {
  public static final String DOCUMENT = "rule set";
  public static final int MAX_RULES = 10_000;
  public static final int MAX_DEPTH = 32;
  public static final int MAX_VALUES = 1_000;
  public static final int MAX_REGEX = 500;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");
  private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])|24:00");
  private static final Set<String> ROOT_FIELDS = Set.of("$schema", "description", "activation", "timeZone",
      "flags", "rules");
  private static final Set<String> RULE_FIELDS = Set.of("id", "description", "salience", "enabled", "group",
      "when", "then");
  private static final Set<String> LEAF_FIELDS = Set.of("fact", "op", "value");
  private static final List<String> OPERATORS = List.of("eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte",
      "between", "contains", "starts_with", "matches", "exists", "time_of_day_between", "day_of_week_in");
  private static final Map<String, Set<String>> ACTION_FIELDS = Map.of(
      "route", Set.of("department"),
      "set_priority", Set.of("priority"),
      "set_queue_priority", Set.of("value"),
      "tag", Set.of("tag"),
      "skip_stage", Set.of("stage"),
      "require_verification", Set.of(),
      "create_ticket", Set.of("category", "priority"),
      "stop", Set.of());

  /** A validated document. Settings are null when the document leaves them out. */
  public record RuleDocument(@Nullable Activation activation, @Nullable ZoneId timeZone,
      Map<String, Boolean> flags, List<CompiledRule> rules, @Nullable String description) {}

  private final JsonDocument doc = new JsonDocument(DOCUMENT);
  private boolean usesTime;

  private RuleCompiler() {}

  /** Reads a rule document; {@code rules} may be empty only when {@code override} is true. */
  public static RuleDocument compile(@Nullable String json, boolean override) {
    RuleCompiler c = new RuleCompiler();
    return c.document(c.doc.parse(json), override);
  }

  private RuleDocument document(ObjectNode root, boolean override) {
    doc.onlyFields(root, "$", ROOT_FIELDS);
    String description = doc.string(root, "description", "$", false);
    doc.string(root, "$schema", "$", false);
    Activation activation = null;
    String a = doc.string(root, "activation", "$", false);
    if (a != null) {
      if (a.equals("first_match")) {
        activation = Activation.FIRST_MATCH;
      } else if (a.equals("all_matches")) {
        activation = Activation.ALL_MATCHES;
      } else {
        doc.problem("$.activation", "must be 'first_match' or 'all_matches', was '%s'", JsonDocument.abbreviate(a));
      }
    }
    ZoneId zone = null;
    String z = doc.string(root, "timeZone", "$", false);
    if (z != null) {
      try {
        zone = ZoneId.of(z);
      } catch (DateTimeException e) {
        doc.problem("$.timeZone", "not a time zone id such as 'Asia/Riyadh' or 'UTC': '%s'",
            JsonDocument.abbreviate(z));
      }
    }
    Map<String, Boolean> flags = new LinkedHashMap<>();
    JsonNode f = root.get("flags");
    if (f != null) {
      if (!f.isObject()) {
        doc.problem("$.flags", "must be an object of rule group to true/false, was %s", JsonDocument.kind(f));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String path = JsonDocument.child("$.flags", e.getKey());
          if (!GROUP.matcher(e.getKey()).matches()) {
            doc.problem(path, "a rule group is a lower-case slug such as 'quality_assurance'");
          } else if (!e.getValue().isBoolean()) {
            doc.problem(path, "must be true or false, was %s", JsonDocument.kind(e.getValue()));
          } else {
            flags.put(e.getKey(), e.getValue().booleanValue());
          }
        }
      }
    }
    List<CompiledRule> rules = new ArrayList<>();
    JsonNode r = root.get("rules");
    if (r == null) {
      if (!override) {
        doc.problem("$.rules", "is required");
      }
    } else if (!r.isArray()) {
      doc.problem("$.rules", "must be an array of rules, was %s", JsonDocument.kind(r));
    } else if (r.size() > MAX_RULES) {
      doc.problem("$.rules", "at most %d rules, was %d", MAX_RULES, r.size());
    } else {
      Map<String, String> ids = new HashMap<>();
      for (int i = 0; i < r.size(); i++) {
        CompiledRule rule = rule(r.get(i), JsonDocument.index("$.rules", i), ids);
        if (rule != null) {
          rules.add(rule);
        }
      }
    }
    doc.throwIfProblems();
    return new RuleDocument(activation, zone, flags, rules, description);
  }

  private @Nullable CompiledRule rule(JsonNode node, String path, Map<String, String> ids) {
    if (!node.isObject()) {
      doc.problem(path, "a rule must be an object, was %s", JsonDocument.kind(node));
      return null;
    }
    int before = doc.problemCount();
    doc.onlyFields(node, path, RULE_FIELDS);
    String id = doc.string(node, "id", path, true);
    if (id != null) {
      if (!ID.matcher(id).matches()) {
        doc.problem(path + ".id", "must be 1-100 letters, digits, '_', '.', ':' or '-', was '%s'",
            JsonDocument.abbreviate(id));
      } else if (ids.containsKey(id)) {
        doc.problem(path + ".id", "duplicate rule id '%s' (first at %s)", id, ids.get(id));
      } else {
        ids.put(id, path);
      }
    }
    String description = doc.string(node, "description", path, false);
    int salience = 0;
    JsonNode s = node.get("salience");
    if (s != null) {
      if (!s.isInt() || Math.abs(s.intValue()) > 1_000_000) {
        doc.problem(path + ".salience", "must be a whole number from -1000000 to 1000000, was %s",
            JsonDocument.abbreviate(s.toString()));
      } else {
        salience = s.intValue();
      }
    }
    boolean enabled = true;
    JsonNode e = node.get("enabled");
    if (e != null) {
      if (!e.isBoolean()) {
        doc.problem(path + ".enabled", "must be true or false, was %s", JsonDocument.kind(e));
      } else {
        enabled = e.booleanValue();
      }
    }
    String group = doc.string(node, "group", path, false);
    if (group != null && !GROUP.matcher(group).matches()) {
      doc.problem(path + ".group", "a rule group is a lower-case slug such as 'quality_assurance'");
    }
    usesTime = false;
    Condition condition = null;
    JsonNode when = node.get("when");
    if (when == null) {
      doc.problem(path + ".when", "is required");
    } else {
      condition = condition(when, path + ".when", "when", 0);
    }
    boolean ruleUsesTime = usesTime;
    Actions actions = actions(node.get("then"), path + ".then");
    if (doc.problemCount() != before || id == null || condition == null) {
      return null;
    }
    return new CompiledRule(id, description == null ? "" : description, salience, enabled, group, condition,
        actions.route, actions.priority, actions.queuePriority, actions.tags, actions.skipStages,
        actions.requireVerification, actions.ticket, actions.stop, ruleUsesTime, ((ObjectNode) node).deepCopy());
  }

  private @Nullable Condition condition(JsonNode node, String path, String local, int depth) {
    if (depth > MAX_DEPTH) {
      doc.problem(path, "conditions nest at most %d deep", MAX_DEPTH);
      return null;
    }
    if (!node.isObject()) {
      doc.problem(path, "a condition must be an object with 'all', 'any', 'not' or 'fact', was %s",
          JsonDocument.kind(node));
      return null;
    }
    if (node.has("all") || node.has("any")) {
      String kind = node.has("all") ? "all" : "any";
      doc.onlyFields(node, path, Set.of(kind));
      JsonNode parts = node.get(kind);
      String p = path + "." + kind;
      if (!parts.isArray()) {
        doc.problem(p, "must be an array of conditions, was %s", JsonDocument.kind(parts));
        return null;
      }
      if (kind.equals("any") && parts.isEmpty()) {
        doc.problem(p, "must hold at least one condition");
        return null;
      }
      List<Condition> compiled = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < parts.size(); i++) {
        Condition c = condition(parts.get(i), JsonDocument.index(p, i), JsonDocument.index(local + "." + kind, i),
            depth + 1);
        ok &= c != null;
        if (c != null) {
          compiled.add(c);
        }
      }
      if (!ok) {
        return null;
      }
      if (compiled.size() == 1) {
        return compiled.get(0); // all/any of one condition is that condition (its trace path stays exact)
      }
      return kind.equals("all") ? new Condition.All(local, compiled) : new Condition.Any(local, compiled);
    }
    if (node.has("not")) {
      doc.onlyFields(node, path, Set.of("not"));
      Condition inner = condition(node.get("not"), path + ".not", local + ".not", depth + 1);
      return inner == null ? null : new Condition.Not(local, inner);
    }
    if (!node.has("fact")) {
      doc.problem(path, "a condition must have one of 'all', 'any', 'not' or 'fact'");
      return null;
    }
    return leaf((ObjectNode) node, path, local);
  }

  private @Nullable Condition leaf(ObjectNode node, String path, String local) {
    doc.onlyFields(node, path, LEAF_FIELDS);
    String factName = doc.string(node, "fact", path, true);
    String op = doc.string(node, "op", path, true);
    FactKind fact = null;
    if (factName != null) {
      fact = FactKind.byName(factName);
      if (fact == null) {
        doc.problem(path + ".fact", "unknown fact '%s' (known facts: %s)", JsonDocument.abbreviate(factName),
            FactKind.names());
      }
    }
    if (op != null && !OPERATORS.contains(op)) {
      doc.problem(path + ".op", "unknown operator '%s' (operators: %s)", JsonDocument.abbreviate(op),
          String.join(", ", OPERATORS));
      return null;
    }
    if (fact == null || op == null) {
      return null;
    }
    JsonNode value = node.get("value");
    String vp = path + ".value";
    if (value == null) {
      doc.problem(vp, "is required");
      return null;
    }
    if (op.equals("exists")) {
      if (!value.isBoolean()) {
        doc.problem(vp, "must be true or false for 'exists', was %s", JsonDocument.kind(value));
        return null;
      }
      if (fact.type() == FactKind.Type.TIME) {
        usesTime = true;
      }
      return new Condition.Exists(local, fact, value.booleanValue());
    }
    switch (fact.type()) {
      case STRING:
        return stringLeaf(fact, op, value, path, vp, local);
      case NUMBER:
      case BOOLEAN:
        return numberLeaf(fact, op, value, path, vp, local);
      case SET:
        return setLeaf(op, value, path, vp, local);
      case TIME:
        usesTime = true;
        return timeLeaf(op, value, path, vp, local);
      default:
        throw new AssertionError(fact);
    }
  }

  private void wrongOperator(String path, FactKind fact, String op, String allowed) {
    doc.problem(path + ".op", "operator '%s' does not apply to the %s fact '%s' (use %s)", op,
        fact.type().name().toLowerCase(Locale.ROOT), fact.jsonName(), allowed);
  }

  private @Nullable Condition stringLeaf(FactKind fact, String op, JsonNode value, String path, String vp,
      String local) {
    switch (op) {
      case "eq":
      case "ne": {
        String v = stringValue(fact, value, vp);
        return v == null ? null : new Condition.StringIn(local, fact, op, List.of(v), op.equals("ne"));
      }
      case "in":
      case "not_in": {
        List<String> vs = stringValues(fact, value, vp);
        return vs == null ? null : new Condition.StringIn(local, fact, op, vs, op.equals("not_in"));
      }
      case "contains":
      case "starts_with": {
        if (!value.isTextual()) {
          doc.problem(vp, "must be a string for '%s', was %s", op, JsonDocument.kind(value));
          return null;
        }
        String v = fact.caseInsensitive() ? FactKind.lower(value.textValue()) : value.textValue();
        return new Condition.StringContains(local, fact, op, v, op.equals("starts_with"));
      }
      case "matches": {
        if (!value.isTextual()) {
          doc.problem(vp, "must be a regular expression string, was %s", JsonDocument.kind(value));
          return null;
        }
        if (value.textValue().length() > MAX_REGEX) {
          doc.problem(vp, "a regular expression has at most %d characters", MAX_REGEX);
          return null;
        }
        try {
          return new Condition.StringMatches(local, fact, Pattern.compile(value.textValue()));
        } catch (PatternSyntaxException | StackOverflowError e) {
          doc.problem(vp, "regular expression does not compile: %s",
              JsonDocument.abbreviate(String.valueOf(e instanceof PatternSyntaxException p ? p.getDescription()
                  : "too deeply nested")));
          return null;
        }
      }
      default:
        wrongOperator(path, fact, op, "eq, ne, in, not_in, contains, starts_with, matches or exists");
        return null;
    }
  }

  private @Nullable List<String> stringValues(FactKind fact, JsonNode value, String vp) {
    if (!value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
      doc.problem(vp, "must be an array of 1 to %d strings, was %s", MAX_VALUES,
          value.isArray() ? value.size() + " items" : JsonDocument.kind(value));
      return null;
    }
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < value.size(); i++) {
      String v = stringValue(fact, value.get(i), JsonDocument.index(vp, i));
      ok &= v != null;
      if (v != null) {
        out.add(v);
      }
    }
    return ok ? out : null;
  }

  /** A constant for a string fact, checked against the fact's domain and put in the fact's stored form. */
  private @Nullable String stringValue(FactKind fact, JsonNode value, String vp) {
    if (!value.isTextual()) {
      doc.problem(vp, "must be a string for the fact '%s', was %s", fact.jsonName(), JsonDocument.kind(value));
      return null;
    }
    String v = value.textValue();
    try {
      switch (fact) {
        case DEPARTMENT:
          return Department.of(v).id();
        case LANGUAGE:
          return Language.of(v).tag();
        case IVR_STAGE: {
          String stage = FactKind.lower(v.trim());
          if (!FactKind.STAGES.contains(stage)) {
            doc.problem(vp, "unknown IVR stage '%s' (stages: %s)", JsonDocument.abbreviate(v),
                String.join(", ", FactKind.STAGES));
            return null;
          }
          return stage;
        }
        default:
          return fact.caseInsensitive() ? FactKind.lower(v) : v;
      }
    } catch (CallCenterException e) {
      doc.problem(vp, "not a valid %s: %s", fact.jsonName(), e.getMessage());
      return null;
    }
  }

  private @Nullable Condition numberLeaf(FactKind fact, String op, JsonNode value, String path, String vp,
      String local) {
    boolean bool = fact.type() == FactKind.Type.BOOLEAN;
    int kind;
    switch (op) {
      case "eq": kind = Condition.NumberCompare.EQ; break;
      case "ne": kind = Condition.NumberCompare.NE; break;
      case "gt": kind = Condition.NumberCompare.GT; break;
      case "gte": kind = Condition.NumberCompare.GTE; break;
      case "lt": kind = Condition.NumberCompare.LT; break;
      case "lte": kind = Condition.NumberCompare.LTE; break;
      case "between": kind = Condition.NumberCompare.BETWEEN; break;
      case "in": kind = Condition.NumberCompare.IN; break;
      case "not_in": kind = Condition.NumberCompare.NOT_IN; break;
      default: kind = -1; break;
    }
    if (kind < 0 || (bool && kind != Condition.NumberCompare.EQ && kind != Condition.NumberCompare.NE)) {
      wrongOperator(path, fact, op, bool ? "eq, ne or exists"
          : "eq, ne, in, not_in, gt, gte, lt, lte, between or exists");
      return null;
    }
    if (bool) {
      if (!value.isBoolean()) {
        doc.problem(vp, "must be true or false for the fact '%s', was %s", fact.jsonName(), JsonDocument.kind(value));
        return null;
      }
      return Condition.NumberCompare.of(local, fact, op, kind, value.booleanValue() ? 1 : 0, 0, new double[0],
          value.toString());
    }
    if (kind == Condition.NumberCompare.BETWEEN || kind == Condition.NumberCompare.IN
        || kind == Condition.NumberCompare.NOT_IN) {
      boolean between = kind == Condition.NumberCompare.BETWEEN;
      if (!value.isArray() || (between && value.size() != 2) || value.isEmpty() || value.size() > MAX_VALUES) {
        doc.problem(vp, between ? "must be an array of two numbers [low, high]"
            : "must be an array of 1 to " + MAX_VALUES + " numbers");
        return null;
      }
      double[] set = new double[value.size()];
      for (int i = 0; i < value.size(); i++) {
        if (!isFinite(value.get(i))) {
          doc.problem(JsonDocument.index(vp, i), "must be a number, was %s", JsonDocument.kind(value.get(i)));
          return null;
        }
        set[i] = value.get(i).doubleValue();
      }
      if (between && set[0] > set[1]) {
        doc.problem(vp, "low %s is above high %s", set[0], set[1]);
        return null;
      }
      return Condition.NumberCompare.of(local, fact, op, kind, between ? set[0] : 0, between ? set[1] : 0,
          between ? new double[0] : set, value.toString());
    }
    if (!isFinite(value)) {
      doc.problem(vp, "must be a number for the fact '%s', was %s", fact.jsonName(), JsonDocument.kind(value));
      return null;
    }
    return Condition.NumberCompare.of(local, fact, op, kind, value.doubleValue(), 0, new double[0],
        value.toString());
  }

  private static boolean isFinite(JsonNode v) {
    return v.isNumber() && Double.isFinite(v.doubleValue());
  }

  private @Nullable Condition setLeaf(String op, JsonNode value, String path, String vp, String local) {
    switch (op) {
      case "contains": {
        if (!value.isTextual() || TextFolding.normalize(value.textValue()).isEmpty()) {
          doc.problem(vp, "must be a keyword string, was %s", JsonDocument.kind(value));
          return null;
        }
        return new Condition.SetContains(local, op, List.of(TextFolding.normalize(value.textValue())), false);
      }
      case "in":
      case "not_in": {
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
          doc.problem(vp, "must be an array of 1 to %d keywords", MAX_VALUES);
          return null;
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          JsonNode t = value.get(i);
          if (!t.isTextual() || TextFolding.normalize(t.textValue()).isEmpty()) {
            doc.problem(JsonDocument.index(vp, i), "must be a keyword string, was %s", JsonDocument.kind(t));
            return null;
          }
          terms.add(TextFolding.normalize(t.textValue()));
        }
        return new Condition.SetContains(local, op, terms, op.equals("not_in"));
      }
      default:
        wrongOperator(path, FactKind.MATCHED_KEYWORDS, op, "contains, in, not_in or exists");
        return null;
    }
  }

  private @Nullable Condition timeLeaf(String op, JsonNode value, String path, String vp, String local) {
    switch (op) {
      case "time_of_day_between": {
        if (!value.isArray() || value.size() != 2) {
          doc.problem(vp, "must be an array of two times [\"HH:mm\", \"HH:mm\"]");
          return null;
        }
        int[] minutes = new int[2];
        for (int i = 0; i < 2; i++) {
          JsonNode t = value.get(i);
          if (!t.isTextual() || !TIME.matcher(t.textValue()).matches()) {
            doc.problem(JsonDocument.index(vp, i), "must be a time \"HH:mm\" from 00:00 to 24:00, was %s",
                JsonDocument.abbreviate(t.toString()));
            return null;
          }
          String[] hm = t.textValue().split(":");
          minutes[i] = Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]);
        }
        return new Condition.TimeOfDay(local, minutes[0], minutes[1], value.toString());
      }
      case "day_of_week_in": {
        if (!value.isArray() || value.isEmpty() || value.size() > 7) {
          doc.problem(vp, "must be an array of 1 to 7 day names such as \"friday\"");
          return null;
        }
        int mask = 0;
        for (int i = 0; i < value.size(); i++) {
          JsonNode d = value.get(i);
          DayOfWeek day = null;
          if (d.isTextual()) {
            for (DayOfWeek candidate : DayOfWeek.values()) {
              if (candidate.name().equalsIgnoreCase(d.textValue().trim())) {
                day = candidate;
              }
            }
          }
          if (day == null) {
            doc.problem(JsonDocument.index(vp, i), "must be a day name such as \"friday\", was %s",
                JsonDocument.abbreviate(d.toString()));
            return null;
          }
          mask |= 1 << (day.getValue() - 1);
        }
        return new Condition.DayOfWeekIn(local, mask, value.toString());
      }
      default:
        wrongOperator(path, FactKind.TIME, op, "time_of_day_between, day_of_week_in or exists");
        return null;
    }
  }

  private static final class Actions {
    @Nullable Department route;
    @Nullable Priority priority;
    int queuePriority = -1;
    final List<String> tags = new ArrayList<>();
    final List<String> skipStages = new ArrayList<>();
    boolean requireVerification;
    @Nullable TicketRequest ticket;
    boolean stop;
  }

  private Actions actions(@Nullable JsonNode node, String path) {
    Actions out = new Actions();
    if (node == null) {
      doc.problem(path, "is required");
      return out;
    }
    if (!node.isArray() || node.isEmpty()) {
      doc.problem(path, "must be a non-empty array of actions, was %s",
          node.isArray() ? "empty" : JsonDocument.kind(node));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode a = node.get(i);
      String p = JsonDocument.index(path, i);
      if (!a.isObject()) {
        doc.problem(p, "an action must be an object, was %s", JsonDocument.kind(a));
        continue;
      }
      String name = doc.string(a, "action", p, true);
      if (name == null) {
        continue;
      }
      Set<String> fields = ACTION_FIELDS.get(name);
      if (fields == null) {
        doc.problem(p + ".action", "unknown action '%s' (actions: %s)", JsonDocument.abbreviate(name),
            "route, set_priority, set_queue_priority, tag, skip_stage, require_verification, create_ticket, stop");
        continue;
      }
      Set<String> allowed = new java.util.HashSet<>(fields);
      allowed.add("action");
      doc.onlyFields(a, p, allowed);
      switch (name) {
        case "route": {
          String d = doc.string(a, "department", p, true);
          if (d != null) {
            Department dep = parse(p + ".department", () -> Department.of(d));
            out.route = out.route == null ? dep : out.route;
          }
          break;
        }
        case "set_priority": {
          String v = doc.string(a, "priority", p, true);
          if (v != null) {
            Priority pr = parse(p + ".priority", () -> Priority.parse(v));
            out.priority = out.priority == null ? pr : out.priority;
          }
          break;
        }
        case "set_queue_priority": {
          JsonNode v = a.get("value");
          if (v == null || !v.isInt() || v.intValue() < 0 || v.intValue() > 1000) {
            doc.problem(p + ".value", "must be a whole number from 0 to 1000");
          } else if (out.queuePriority < 0) {
            out.queuePriority = v.intValue();
          }
          break;
        }
        case "tag": {
          String t = doc.string(a, "tag", p, true);
          if (t != null) {
            if (!GROUP.matcher(t).matches()) {
              doc.problem(p + ".tag", "a tag is a lower-case slug such as 'vip_caller', was '%s'",
                  JsonDocument.abbreviate(t));
            } else if (!out.tags.contains(t)) {
              out.tags.add(t);
            }
          }
          break;
        }
        case "skip_stage": {
          String st = doc.string(a, "stage", p, true);
          if (st != null) {
            String stage = FactKind.lower(st.trim());
            if (!FactKind.STAGES.contains(stage)) {
              doc.problem(p + ".stage", "unknown IVR stage '%s' (stages: %s)", JsonDocument.abbreviate(st),
                  String.join(", ", FactKind.STAGES));
            } else if (!out.skipStages.contains(stage)) {
              out.skipStages.add(stage);
            }
          }
          break;
        }
        case "require_verification":
          out.requireVerification = true;
          break;
        case "create_ticket": {
          String category = doc.string(a, "category", p, true);
          String pv = doc.string(a, "priority", p, false);
          Priority pr = pv == null ? Priority.NORMAL : parse(p + ".priority", () -> Priority.parse(pv));
          if (category != null && !GROUP.matcher(category).matches()) {
            doc.problem(p + ".category", "a ticket category is a lower-case slug such as 'billing', was '%s'",
                JsonDocument.abbreviate(category));
          } else if (category != null && pr != null && out.ticket == null) {
            out.ticket = new TicketRequest(category, pr);
          }
          break;
        }
        default:
          out.stop = true;
          break;
      }
    }
    return out;
  }

  private <T> @Nullable T parse(String path, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (CallCenterException e) {
      doc.problem(path, "%s", e.getMessage());
      return null;
    }
  }
}
