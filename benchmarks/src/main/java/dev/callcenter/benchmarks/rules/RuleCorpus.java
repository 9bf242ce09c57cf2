package dev.callcenter.benchmarks.rules;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Generated rule sets, written both as our JSON and as Easy Rules conditions, so both engines run the same
 * rules against the same call.
 */
final class RuleCorpus {
  private RuleCorpus() {}

  /** One leaf condition: its JSON and the same test as a predicate over Easy Rules facts. */
  record Leaf(String json, Predicate<org.jeasy.rules.api.Facts> test) {}

  /** One rule: id, salience, leaves combined by all or any, and one action. */
  record Spec(String id, int salience, boolean any, List<Leaf> leaves, String actionJson, String tag,
      Department route, String priority) {}

  static final String[] TIERS = {"standard", "gold", "vip", "blocked"};
  static final String[] DEPARTMENTS = {"sales", "complaints", "reception"};
  static final String[] KEYWORDS = {"refund", "price", "broken", "complaint"};

  static List<Spec> rules(int count) {
    Random r = new Random(7);
    List<Spec> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = 1 + r.nextInt(3);
      List<Leaf> leaves = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        leaves.add(leaf(r));
      }
      String tag = "t" + i;
      String action;
      Department route = null;
      String priority = null;
      switch (r.nextInt(3)) {
        case 0 -> action = "{\"action\": \"tag\", \"tag\": \"" + tag + "\"}";
        case 1 -> {
          route = Department.of(DEPARTMENTS[r.nextInt(3)]);
          action = "{\"action\": \"route\", \"department\": \"" + route.id() + "\"}";
        }
        default -> {
          priority = r.nextBoolean() ? "high" : "low";
          action = "{\"action\": \"set_priority\", \"priority\": \"" + priority + "\"}";
        }
      }
      out.add(new Spec("rule-" + i, r.nextInt(100), r.nextInt(5) == 0, leaves, action, route == null
          && priority == null ? tag : null, route, priority));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Leaf leaf(Random r) {
    switch (r.nextInt(9)) {
      case 0: {
        String t = TIERS[r.nextInt(TIERS.length)];
        return new Leaf(leaf("customerTier", "eq", "\"" + t + "\""), f -> t.equals(f.get("customerTier")));
      }
      case 1: {
        String d = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
        return new Leaf(leaf("department", "eq", "\"" + d + "\""), f -> d.equals(f.get("department")));
      }
      case 2: {
        int s = 60 + r.nextInt(840);
        return new Leaf(leaf("waitSeconds", "gt", String.valueOf(s)), f -> f.<Double>get("waitSeconds") > s);
      }
      case 3: {
        int q = 1 + r.nextInt(30);
        return new Leaf(leaf("queueLength", "gte", String.valueOf(q)), f -> f.<Double>get("queueLength") >= q);
      }
      case 4: {
        double s = -Math.round(r.nextDouble() * 90) / 100.0;
        return new Leaf(leaf("sentiment", "lt", String.valueOf(s)), f -> f.<Double>get("sentiment") < s);
      }
      case 5: {
        String k = KEYWORDS[r.nextInt(KEYWORDS.length)];
        return new Leaf(leaf("matchedKeywords", "contains", "\"" + k + "\""),
            f -> ((Set<String>) f.get("matchedKeywords")).contains(k));
      }
      case 6: {
        String l = r.nextBoolean() ? "ar" : "en";
        return new Leaf(leaf("language", "eq", "\"" + l + "\""), f -> l.equals(f.get("language")));
      }
      case 7: {
        int c = 1 + r.nextInt(5);
        return new Leaf(leaf("repeatCalls", "gte", String.valueOf(c)), f -> f.<Double>get("repeatCalls") >= c);
      }
      default: {
        boolean v = r.nextBoolean();
        return new Leaf(leaf("verified", "eq", String.valueOf(v)), f -> f.<Boolean>get("verified") == v);
      }
    }
  }

  private static String leaf(String fact, String op, String value) {
    return "{\"fact\": \"" + fact + "\", \"op\": \"" + op + "\", \"value\": " + value + "}";
  }

  static String json(List<Spec> specs) {
    StringBuilder b = new StringBuilder("{\"activation\": \"all_matches\", \"rules\": [");
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"id\": \"").append(s.id()).append("\", \"salience\": ").append(s.salience())
          .append(", \"when\": {\"").append(s.any() ? "any" : "all").append("\": [");
      for (int k = 0; k < s.leaves().size(); k++) {
        b.append(k > 0 ? "," : "").append(s.leaves().get(k).json());
      }
      b.append("]}, \"then\": [").append(s.actionJson()).append("]}");
    }
    return b.append("]}").toString();
  }

  /** The call both engines evaluate. */
  static dev.callcenter.rules.Facts facts() {
    return dev.callcenter.rules.Facts.builder().customerTier("gold").department(Department.COMPLAINTS)
        .waitTime(Duration.ofSeconds(240)).queueLength(6).sentiment(-0.45)
        .matchedKeywords(List.of("refund", "broken")).language(Language.ARABIC).repeatCalls(2).verified(false)
        .build();
  }

  static org.jeasy.rules.api.Facts easyFacts() {
    org.jeasy.rules.api.Facts f = new org.jeasy.rules.api.Facts();
    f.put("customerTier", "gold");
    f.put("department", "complaints");
    f.put("waitSeconds", 240.0);
    f.put("queueLength", 6.0);
    f.put("sentiment", -0.45);
    f.put("matchedKeywords", Set.of("refund", "broken"));
    f.put("language", "ar");
    f.put("repeatCalls", 2.0);
    f.put("verified", false);
    return f;
  }
}
