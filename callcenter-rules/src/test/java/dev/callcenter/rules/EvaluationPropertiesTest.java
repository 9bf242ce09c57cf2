package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.Priority;
import dev.callcenter.rules.internal.CompiledRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The optimised evaluation (distinct leaves tested once, rules as bit-mask tests) decides exactly as the
 * straightforward one: every active rule's condition tree tested in salience order, acting on the fired ones,
 * until a stop or the first match. Rule sets are random trees of all/any/not over every operator on every fact
 * type, with constants drawn from a few values so that conditions share leaves, hold and fail alike; sizes run
 * past 64 rules and 64 distinct leaves so that the multi-word paths are taken, and first-match sets and stop
 * actions cut evaluation short.
 */
class EvaluationPropertiesTest {
  private static final Instant NOON_SUNDAY = Instant.parse("2026-11-22T12:00:00Z");

  @Property(tries = 300)
  void optimisedEvaluationMatchesTheReference(@ForAll long seed) {
    Random r = new Random(seed);
    RuleSet set = RuleSet.parse(ruleSet(r, 1 + r.nextInt(r.nextBoolean() ? 20 : 160)));
    RuleEngine engine = RuleEngine.of(set, Clock.fixed(NOON_SUNDAY, ZoneOffset.UTC));
    for (int k = 0; k < 20; k++) {
      Facts facts = facts(r);
      Decision actual = engine.evaluate(facts);
      long local = set.usesTime ? set.localSeconds(facts.time() != null ? facts.time() : NOON_SUNDAY)
          : dev.callcenter.rules.internal.Condition.NO_TIME;
      Reference expected = reference(set, facts, local);
      assertThat(actual.firedRules()).as("fired, seed %d", seed).isEqualTo(expected.fired);
      assertThat(actual.route().orElse(null)).isEqualTo(expected.route);
      assertThat(actual.priority().orElse(null)).isEqualTo(expected.priority);
      assertThat(actual.queuePriority().orElse(-1)).isEqualTo(expected.queuePriority);
      assertThat(actual.requireVerification()).isEqualTo(expected.verify);
      assertThat(actual.ticket().orElse(null)).isEqualTo(expected.ticket);
      assertThat(actual.tags()).containsExactlyElementsOf(expected.tags);
      assertThat(actual.skipStages()).containsExactlyElementsOf(expected.skipStages);
      assertThat(engine.explain(facts).fired()).extracting(Explanation.Trace::ruleId)
          .isEqualTo(expected.fired);
    }
  }

  @Example
  void conditionsThatReadAlikeButTestDifferentValuesStayApart() {
    // both describe themselves as "customerId in ['a', 'b']"; only the second holds for 'a'
    RuleSet set = RuleSet.parse("{\"rules\": ["
        + "{\"id\": \"one\", \"when\": {\"fact\": \"customerId\", \"op\": \"in\", \"value\": [\"a', 'b\"]},"
        + " \"then\": [{\"action\": \"tag\", \"tag\": \"one\"}]},"
        + "{\"id\": \"two\", \"when\": {\"fact\": \"customerId\", \"op\": \"in\", \"value\": [\"a\", \"b\"]},"
        + " \"then\": [{\"action\": \"tag\", \"tag\": \"two\"}]}]}");
    assertThat(RuleEngine.of(set).evaluate(Facts.builder().customerId("a").build()).firedRules())
        .containsExactly("two");
    assertThat(RuleEngine.of(set).evaluate(Facts.builder().customerId("a', 'b").build()).firedRules())
        .containsExactly("one");
  }

  /** What the decision should be, worked out rule by rule on the condition trees. */
  private static final class Reference {
    final List<String> fired = new ArrayList<>();
    Department route;
    Priority priority;
    int queuePriority = -1;
    boolean verify;
    TicketRequest ticket;
    final Set<String> tags = new LinkedHashSet<>();
    final Set<String> skipStages = new LinkedHashSet<>();
  }

  private static Reference reference(RuleSet set, Facts facts, long local) {
    Reference out = new Reference();
    for (CompiledRule rule : set.active) {
      if (!rule.condition.test(facts.values, local)) {
        continue;
      }
      out.fired.add(rule.id);
      out.route = out.route == null ? rule.route : out.route;
      out.priority = out.priority == null ? rule.priority : out.priority;
      out.queuePriority = out.queuePriority < 0 ? rule.queuePriority : out.queuePriority;
      out.ticket = out.ticket == null ? rule.ticket : out.ticket;
      out.verify |= rule.requireVerification;
      out.tags.addAll(rule.tags);
      out.skipStages.addAll(rule.skipStages);
      if (set.activation() == Activation.FIRST_MATCH || rule.stop) {
        break;
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- rule sets

  private static final String[] STRING_FACTS = {"department", "language", "customerTier", "customerId",
      "ivrStage", "intent"};
  private static final String[][] STRING_VALUES = {{"sales", "complaints", "reception"}, {"ar", "en"},
      {"gold", "vip", "standard"}, {"C-1", "c-1", "C-22"}, {"greeting", "queue", "classification"},
      {"billing", "pricing"}};
  private static final String[] NUMBER_FACTS = {"waitSeconds", "queueLength", "sentiment", "confidence",
      "callDurationSeconds", "repeatCalls", "openTickets", "retries"};
  private static final String[] KEYWORDS = {"refund", "price", "broken"};
  private static final String[] DAYS = {"monday", "friday", "saturday", "sunday"};
  private static final String[] TIMES = {"00:00", "06:00", "11:30", "12:00", "22:00", "24:00"};

  private static String ruleSet(Random r, int rules) {
    StringBuilder b = new StringBuilder("{\"activation\": \"")
        .append(r.nextInt(4) == 0 ? "first_match" : "all_matches").append("\", \"rules\": [");
    for (int i = 0; i < rules; i++) {
      b.append(i > 0 ? "," : "").append("{\"id\": \"r").append(i).append("\", \"salience\": ")
          .append(r.nextInt(10)).append(r.nextInt(20) == 0 ? ", \"enabled\": false" : "")
          .append(", \"when\": ").append(condition(r, 0)).append(", \"then\": [").append(actions(r, i))
          .append("]}");
    }
    return b.append("]}").toString();
  }

  private static String condition(Random r, int depth) {
    int pick = r.nextInt(depth == 0 ? 6 : depth > 2 ? 1 : 10);
    if (pick >= 3 && pick <= 4) {
      String kind = pick == 3 ? "all" : "any";
      int n = (kind.equals("all") ? 0 : 1) + r.nextInt(4);
      StringBuilder b = new StringBuilder("{\"" + kind + "\": [");
      for (int k = 0; k < n; k++) {
        b.append(k > 0 ? "," : "").append(condition(r, depth + 1));
      }
      return b.append("]}").toString();
    }
    if (pick == 5) {
      return "{\"not\": " + condition(r, depth + 1) + "}";
    }
    return leaf(r);
  }

  private static String leaf(Random r) {
    switch (r.nextInt(7)) {
      case 0: {
        int f = r.nextInt(STRING_FACTS.length);
        String[] values = STRING_VALUES[f];
        String op = pick(r, "eq", "ne", "in", "not_in", "contains", "starts_with", "matches", "exists");
        String value = switch (op) {
          case "eq", "ne" -> quote(pick(r, values));
          case "in", "not_in" -> "[" + quote(pick(r, values)) + (r.nextBoolean() ? "," + quote(pick(r, values)) : "")
              + "]";
          case "contains", "starts_with" -> quote(pick(r, values).substring(0, 1 + r.nextInt(2)));
          case "matches" -> quote(pick(r, values).substring(0, 1) + ".*");
          default -> String.valueOf(r.nextBoolean());
        };
        return leaf(STRING_FACTS[f], op, value);
      }
      case 1:
      case 2: {
        String fact = pick(r, NUMBER_FACTS);
        String op = pick(r, "eq", "ne", "gt", "gte", "lt", "lte", "between", "in", "not_in", "exists");
        int a = r.nextInt(4);
        String value = switch (op) {
          case "between" -> "[" + a + ", " + (a + r.nextInt(3)) + "]";
          case "in", "not_in" -> "[" + a + (r.nextBoolean() ? ", " + r.nextInt(4) : "") + "]";
          case "exists" -> String.valueOf(r.nextBoolean());
          // -0.0 equals 0 for the operators, and must for the tables that answer them
          default -> fact.equals("sentiment") && a == 0 ? pick(r, "0", "-0.0")
              : String.valueOf(fact.equals("sentiment") || fact.equals("confidence") ? a / 4.0 : a);
        };
        return leaf(fact, op, value);
      }
      case 3:
        return leaf("verified", pick(r, "eq", "ne", "exists"), String.valueOf(r.nextBoolean()));
      case 4: {
        String op = pick(r, "contains", "in", "not_in", "exists");
        String value = switch (op) {
          case "contains" -> quote(pick(r, KEYWORDS));
          case "exists" -> String.valueOf(r.nextBoolean());
          default -> "[" + quote(pick(r, KEYWORDS)) + (r.nextBoolean() ? "," + quote(pick(r, KEYWORDS)) : "") + "]";
        };
        return leaf("matchedKeywords", op, value);
      }
      default: {
        String op = pick(r, "time_of_day_between", "day_of_week_in", "exists");
        String value = switch (op) {
          case "time_of_day_between" -> "[" + quote(pick(r, TIMES)) + ", " + quote(pick(r, TIMES)) + "]";
          case "day_of_week_in" -> "[" + quote(pick(r, DAYS)) + (r.nextBoolean() ? "," + quote(pick(r, DAYS)) : "")
              + "]";
          default -> String.valueOf(r.nextBoolean());
        };
        return leaf("time", op, value);
      }
    }
  }

  private static String actions(Random r, int i) {
    List<String> out = new ArrayList<>();
    out.add("{\"action\": \"tag\", \"tag\": \"t" + r.nextInt(30) + "\"}");
    if (r.nextInt(3) == 0) {
      out.add("{\"action\": \"route\", \"department\": \"" + pick(r, STRING_VALUES[0]) + "\"}");
    }
    if (r.nextInt(3) == 0) {
      out.add("{\"action\": \"set_priority\", \"priority\": \"" + pick(r, "high", "low", "normal") + "\"}");
    }
    if (r.nextInt(4) == 0) {
      out.add("{\"action\": \"set_queue_priority\", \"value\": " + r.nextInt(1000) + "}");
    }
    if (r.nextInt(5) == 0) {
      out.add("{\"action\": \"skip_stage\", \"stage\": \"" + pick(r, STRING_VALUES[4]) + "\"}");
    }
    if (r.nextInt(6) == 0) {
      out.add("{\"action\": \"require_verification\"}");
    }
    if (r.nextInt(6) == 0) {
      out.add("{\"action\": \"create_ticket\", \"category\": \"c" + i + "\"}");
    }
    if (r.nextInt(25) == 0) {
      out.add("{\"action\": \"stop\"}");
    }
    return String.join(",", out);
  }

  private static String leaf(String fact, String op, String value) {
    return "{\"fact\": \"" + fact + "\", \"op\": \"" + op + "\", \"value\": " + value + "}";
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  // ------------------------------------------------------------------------------------------- facts

  private static Facts facts(Random r) {
    Facts.Builder b = Facts.builder();
    if (r.nextBoolean()) {
      b.department(Department.of(pick(r, STRING_VALUES[0])));
    }
    if (r.nextBoolean()) {
      b.language(Language.of(pick(r, STRING_VALUES[1])));
    }
    if (r.nextBoolean()) {
      b.customerTier(pick(r, "GOLD", "vip", "standard", "blocked"));
    }
    if (r.nextBoolean()) {
      b.customerId(pick(r, STRING_VALUES[3]));
    }
    if (r.nextBoolean()) {
      b.ivrStage(pick(r, STRING_VALUES[4]));
    }
    if (r.nextBoolean()) {
      b.intent(pick(r, "billing", "pricing", "other"));
    }
    if (r.nextBoolean()) {
      b.verified(r.nextBoolean());
    }
    if (r.nextBoolean()) {
      b.waitTime(Duration.ofMillis(r.nextInt(5) * 1000L + (r.nextBoolean() ? 0 : 500)));
    }
    if (r.nextBoolean()) {
      b.callDuration(Duration.ofSeconds(r.nextInt(5)));
    }
    if (r.nextBoolean()) {
      b.queueLength(r.nextInt(5));
    }
    if (r.nextBoolean()) {
      b.sentiment(r.nextInt(10) == 0 ? -0.0 : r.nextInt(9) / 4.0 - 1);
    }
    if (r.nextBoolean()) {
      b.confidence(r.nextInt(5) / 4.0);
    }
    if (r.nextBoolean()) {
      b.repeatCalls(r.nextInt(5));
    }
    if (r.nextBoolean()) {
      b.openTickets(r.nextInt(5));
    }
    if (r.nextBoolean()) {
      b.retries(r.nextInt(5));
    }
    if (r.nextBoolean()) {
      List<String> k = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        k.add(pick(r, "Refund", "price", "broken", "other"));
      }
      b.matchedKeywords(k);
    }
    if (r.nextBoolean()) {
      b.time(NOON_SUNDAY.plusSeconds(r.nextInt(7 * 86_400)));
    }
    return b.build();
  }
}
