package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleEngineTest {
  private static String one(String when) {
    return "{\"rules\": [{\"id\": \"r\", \"when\": " + when + ", \"then\": [{\"action\": \"tag\", \"tag\": \"hit\"}]}]}";
  }

  private static boolean fires(String when, Facts facts) {
    return RuleEngine.of(RuleSet.parse(one(when))).evaluate(facts).fired("r");
  }

  private static final Facts CALL = Facts.builder()
      .department(Department.SALES).language(Language.ARABIC).customerTier("Gold").customerId("C-1001")
      .verified(true).waitTime(Duration.ofSeconds(150)).queueLength(4).sentiment(-0.4).confidence(0.8)
      .matchedKeywords(List.of("سعر", "Price")).ivrStage("classification").intent("pricing")
      .callDuration(Duration.ofMinutes(3)).repeatCalls(1).openTickets(0).retries(0)
      .time(Instant.parse("2026-11-22T07:30:00Z")) // Sunday 10:30 in Riyadh
      .build();

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      department          | eq                  | "sales"                      | true
      department          | eq                  | "SALES"                      | true
      department          | ne                  | "sales"                      | false
      customerTier        | eq                  | "gold"                       | true
      customerTier        | in                  | ["vip", "gold"]              | true
      customerTier        | not_in              | ["vip", "gold"]              | false
      customerTier        | starts_with         | "go"                         | true
      customerTier        | contains            | "ol"                         | true
      customerId          | matches             | "C-[0-9]{4}"                 | true
      customerId          | matches             | "c-[0-9]{4}"                 | false
      language            | eq                  | "ar"                         | true
      ivrStage            | eq                  | "classification"             | true
      intent              | in                  | ["pricing"]                  | true
      waitSeconds         | gt                  | 120                          | true
      waitSeconds         | gte                 | 150                          | true
      waitSeconds         | lt                  | 150                          | false
      waitSeconds         | lte                 | 150                          | true
      waitSeconds         | between             | [100, 200]                   | true
      waitSeconds         | between             | [151, 200]                   | false
      queueLength         | eq                  | 4                            | true
      queueLength         | in                  | [1, 2, 3]                    | false
      queueLength         | not_in              | [1, 2, 3]                    | true
      sentiment           | lt                  | -0.3                         | true
      confidence          | gte                 | 0.8                          | true
      callDurationSeconds | eq                  | 180                          | true
      verified            | eq                  | true                         | true
      verified            | ne                  | true                         | false
      matchedKeywords     | contains            | "price"                      | true
      matchedKeywords     | contains            | "سِعْر"                       | true
      matchedKeywords     | in                  | ["refund", "سعر"]            | true
      matchedKeywords     | not_in              | ["refund"]                   | true
      matchedKeywords     | exists              | true                         | true
      openTickets         | exists              | true                         | true
      time                | time_of_day_between | ["10:00", "11:00"]           | true
      time                | time_of_day_between | ["07:00", "08:00"]           | false
      time                | time_of_day_between | ["22:00", "11:00"]           | true
      time                | day_of_week_in      | ["sunday", "monday"]         | true
      time                | day_of_week_in      | ["friday"]                   | false
      time                | exists              | true                         | true
      """)
  void everyOperatorOnEveryFactType(String fact, String op, String value, boolean expected) {
    String when = "{\"fact\": \"" + fact + "\", \"op\": \"" + op + "\", \"value\": " + value + "}";
    String json = "{\"timeZone\": \"Asia/Riyadh\", \"rules\": [{\"id\": \"r\", \"when\": " + when
        + ", \"then\": [{\"action\": \"tag\", \"tag\": \"hit\"}]}]}";
    assertThat(RuleEngine.of(RuleSet.parse(json)).evaluate(CALL).fired("r")).isEqualTo(expected);
  }

  @Test
  void absentFactsFailEveryOperatorButExistsFalse() {
    Facts none = Facts.empty();
    assertThat(fires("{\"fact\": \"customerTier\", \"op\": \"ne\", \"value\": \"vip\"}", none)).isFalse();
    assertThat(fires("{\"fact\": \"waitSeconds\", \"op\": \"lt\", \"value\": 10}", none)).isFalse();
    assertThat(fires("{\"fact\": \"customerTier\", \"op\": \"exists\", \"value\": false}", none)).isTrue();
    assertThat(fires("{\"not\": {\"fact\": \"verified\", \"op\": \"eq\", \"value\": true}}", none)).isTrue();
  }

  @Test
  void combinesAllAnyAndNot() {
    String when = """
        {"all": [{"fact": "customerTier", "op": "eq", "value": "gold"},
                 {"any": [{"fact": "queueLength", "op": "gt", "value": 10},
                          {"not": {"fact": "verified", "op": "eq", "value": false}}]}]}""";
    assertThat(fires(when, CALL)).isTrue();
    assertThat(fires(when, Facts.builder().customerTier("gold").verified(false).queueLength(3).build())).isFalse();
    assertThat(fires("{\"all\": []}", Facts.empty())).isTrue();
  }

  private static final String PRIORITY_RULES = """
      {"activation": "%s", "rules": [
        {"id": "b-low", "salience": 10, "when": {"all": []}, "then": [{"action": "set_priority", "priority": "low"},
          {"action": "tag", "tag": "low"}]},
        {"id": "a-high", "salience": 10, "when": {"all": []}, "then": [{"action": "set_priority", "priority": "high"},
          {"action": "route", "department": "sales"}, {"action": "tag", "tag": "high"}]},
        {"id": "top", "salience": 50, "when": {"fact": "customerTier", "op": "eq", "value": "vip"},
          "then": [{"action": "require_verification"}, {"action": "skip_stage", "stage": "intent"},
                   {"action": "create_ticket", "category": "vip_call", "priority": "urgent"},
                   {"action": "set_queue_priority", "value": 7}]},
        {"id": "stopper", "salience": 5, "when": {"all": []}, "then": [{"action": "stop"}]},
        {"id": "never", "salience": 1, "when": {"all": []}, "then": [{"action": "tag", "tag": "never"}]}
      ]}""";

  @Test
  void allMatchesActInSalienceOrderWithTiesById() {
    RuleEngine engine = RuleEngine.load(PRIORITY_RULES.formatted("all_matches"));
    Decision d = engine.evaluate(Facts.builder().customerTier("vip").build());
    assertThat(d.firedRules()).containsExactly("top", "a-high", "b-low", "stopper");
    assertThat(d.priority()).contains(Priority.HIGH);
    assertThat(d.route()).contains(Department.SALES);
    assertThat(d.tags()).containsExactly("high", "low");
    assertThat(d.requireVerification()).isTrue();
    assertThat(d.skipStages()).containsExactly("intent");
    assertThat(d.ticket()).contains(new TicketRequest("vip_call", Priority.URGENT));
    assertThat(d.queuePriority()).hasValue(7);
    assertThat(d.fired("never")).isFalse();
  }

  @Test
  void firstMatchActsOnlyOnTheFirstRule() {
    RuleEngine engine = RuleEngine.load(PRIORITY_RULES.formatted("first_match"));
    Decision d = engine.evaluate(Facts.empty());
    assertThat(d.firedRules()).containsExactly("a-high");
    assertThat(d.tags()).containsExactly("high");
    assertThat(d.requireVerification()).isFalse();
    assertThat(d.ticket()).isEmpty();
    assertThat(d.queuePriority()).isEmpty();
  }

  @Test
  void tiesAreIndependentOfDocumentOrder() {
    String a = "{\"rules\": [{\"id\": \"x\", \"when\": {\"all\": []}, \"then\": [{\"action\": \"route\", \"department\": \"sales\"}]},"
        + "{\"id\": \"y\", \"when\": {\"all\": []}, \"then\": [{\"action\": \"route\", \"department\": \"complaints\"}]}]}";
    String b = "{\"rules\": [{\"id\": \"y\", \"when\": {\"all\": []}, \"then\": [{\"action\": \"route\", \"department\": \"complaints\"}]},"
        + "{\"id\": \"x\", \"when\": {\"all\": []}, \"then\": [{\"action\": \"route\", \"department\": \"sales\"}]}]}";
    assertThat(RuleEngine.load(a).evaluate(Facts.empty()).route()).contains(Department.SALES);
    assertThat(RuleEngine.load(b).evaluate(Facts.empty()).route()).contains(Department.SALES);
  }

  @Test
  void explainsFiredRulesAndTheFirstFailedConditionWithWhatItSaw() {
    RuleEngine engine = RuleEngine.load("""
        {"rules": [
          {"id": "long-wait", "salience": 2, "when": {"all": [
              {"fact": "customerTier", "op": "in", "value": ["gold", "vip"]},
              {"fact": "waitSeconds", "op": "gt", "value": 300}]},
           "then": [{"action": "set_priority", "priority": "high"}]},
          {"id": "gold", "salience": 1, "when": {"fact": "customerTier", "op": "eq", "value": "gold"},
           "then": [{"action": "tag", "tag": "gold"}]},
          {"id": "off", "enabled": false, "when": {"all": []}, "then": [{"action": "tag", "tag": "off"}]},
          {"id": "qa", "group": "qa", "when": {"all": []}, "then": [{"action": "tag", "tag": "qa"}]}
        ], "flags": {"qa": false}}""");
    Explanation e = engine.explain(CALL);
    assertThat(e.decision()).isEqualTo(engine.evaluate(CALL));
    assertThat(e.decision().firedRules()).containsExactly("gold");
    Explanation.Trace longWait = e.trace("long-wait");
    assertThat(longWait.outcome()).isEqualTo(Explanation.Outcome.NOT_MATCHED);
    assertThat(longWait.failedPath()).isEqualTo("when.all[1]");
    assertThat(longWait.failedCondition()).isEqualTo("waitSeconds gt 300");
    assertThat(longWait.seen()).isEqualTo(Map.of("waitSeconds", 150.0));
    assertThat(e.trace("gold").outcome()).isEqualTo(Explanation.Outcome.FIRED);
    assertThat(e.trace("off").outcome()).isEqualTo(Explanation.Outcome.DISABLED);
    assertThat(e.trace("qa").outcome()).isEqualTo(Explanation.Outcome.SWITCHED_OFF);
    assertThat(e.fired()).extracting(Explanation.Trace::ruleId).containsExactly("gold");
    assertThat(e.describe()).contains("long-wait: NOT_MATCHED at when.all[1] (waitSeconds gt 300, saw {waitSeconds=150.0})");
  }

  @Test
  void explainsAbsentFactsAndStoppedRules() {
    RuleEngine engine = RuleEngine.load(PRIORITY_RULES.formatted("all_matches"));
    Explanation e = engine.explain(Facts.empty());
    assertThat(e.trace("top").seen()).containsEntry("customerTier", null);
    assertThat(e.trace("never").outcome()).isEqualTo(Explanation.Outcome.NOT_REACHED);
  }

  @Test
  void timeComesFromTheFactsOrTheInjectedClockInTheRuleSetsZone() {
    String json = """
        {"timeZone": "Asia/Riyadh", "rules": [{"id": "night", "when":
          {"fact": "time", "op": "time_of_day_between", "value": ["22:00", "06:00"]},
          "then": [{"action": "tag", "tag": "night"}]}]}""";
    Clock night = Clock.fixed(Instant.parse("2026-11-22T20:30:00Z"), ZoneOffset.UTC); // 23:30 in Riyadh
    Clock day = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC); // 12:00
    assertThat(RuleEngine.of(RuleSet.parse(json), night).evaluate(Facts.empty()).fired("night")).isTrue();
    assertThat(RuleEngine.of(RuleSet.parse(json), day).evaluate(Facts.empty()).fired("night")).isFalse();
    assertThat(RuleEngine.of(RuleSet.parse(json), day)
        .evaluate(Facts.builder().time(Instant.parse("2026-11-22T02:00:00Z")).build()).fired("night")).isTrue();
    assertThat(RuleEngine.of(RuleSet.parse(json.replace("Asia/Riyadh", "UTC")), night).evaluate(Facts.empty())
        .fired("night")).isFalse();
  }

  @Test
  void regionZonesWithDaylightSavingUseTheOffsetOfTheInstant() {
    String json = """
        {"timeZone": "Europe/London", "rules": [{"id": "nine", "when":
          {"fact": "time", "op": "time_of_day_between", "value": ["09:00", "10:00"]},
          "then": [{"action": "tag", "tag": "nine"}]}]}""";
    RuleEngine engine = RuleEngine.load(json);
    assertThat(engine.evaluate(Facts.builder().time(Instant.parse("2026-07-01T08:30:00Z")).build()).fired("nine"))
        .isTrue();
    assertThat(engine.evaluate(Facts.builder().time(Instant.parse("2026-01-01T09:30:00Z")).build()).fired("nine"))
        .isTrue();
    assertThat(engine.evaluate(Facts.builder().time(Instant.parse("2026-01-01T08:30:00Z")).build()).fired("nine"))
        .isFalse();
  }

  @Test
  void overridesReplaceRulesByIdAndAddNewOnes() {
    RuleEngine engine = RuleEngine.load(PRIORITY_RULES.formatted("all_matches"));
    engine.override("""
        {"rules": [{"id": "a-high", "salience": 10, "when": {"all": []},
                    "then": [{"action": "route", "department": "complaints"}]},
                   {"id": "tenant", "salience": 100, "when": {"all": []},
                    "then": [{"action": "tag", "tag": "tenant"}]}]}""");
    Decision d = engine.evaluate(Facts.empty());
    assertThat(d.route()).contains(Department.COMPLAINTS);
    assertThat(d.priority()).contains(Priority.LOW);
    assertThat(d.firedRules()).containsExactly("tenant", "a-high", "b-low", "stopper");
    assertThat(engine.ruleSet().size()).isEqualTo(6);
  }

  @Test
  void featureFlagsTurnRuleGroupsOnAndOff() {
    RuleEngine engine = RuleEngine.load("""
        {"flags": {"qa": false}, "rules": [{"id": "qa-tag", "group": "qa", "when": {"all": []},
          "then": [{"action": "tag", "tag": "qa"}]}]}""");
    assertThat(engine.evaluate(Facts.empty()).isEmpty()).isTrue();
    engine.setFlag("qa", true);
    assertThat(engine.evaluate(Facts.empty()).tags()).containsExactly("qa");
    engine.override("{\"flags\": {\"qa\": false}}");
    assertThat(engine.evaluate(Facts.empty()).isEmpty()).isTrue();
    assertThatThrownBy(() -> engine.setFlag("Not A Slug", true)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aRejectedReloadOrOverrideKeepsTheRuleSetInForce() {
    RuleEngine engine = RuleEngine.load(PRIORITY_RULES.formatted("all_matches"));
    RuleSet before = engine.ruleSet();
    assertThatThrownBy(() -> engine.reload("{\"rules\": [{\"id\": \"x\"}]}"))
        .isInstanceOf(RuleValidationException.class);
    assertThatThrownBy(() -> engine.override("{\"rules\": [{\"id\": \"a-high\", \"when\": {\"fact\": \"nope\", "
        + "\"op\": \"eq\", \"value\": 1}, \"then\": [{\"action\": \"stop\"}]}]}"))
        .isInstanceOf(RuleValidationException.class);
    assertThat(engine.ruleSet()).isSameAs(before);
    assertThat(engine.evaluate(Facts.empty()).route()).contains(Department.SALES);
  }

  @Test
  void ruleSetsRoundTripThroughJson() {
    RuleSet set = RuleSet.defaults().withFlag("holiday", true);
    RuleSet again = RuleSet.parse(set.toJson());
    assertThat(again.toJson()).isEqualTo(set.toJson());
    assertThat(again.ruleIds()).isEqualTo(set.ruleIds());
    assertThat(again.flags()).containsEntry("holiday", true);
    assertThat(again.timeZone()).isEqualTo(set.timeZone());
    Facts facts = Facts.builder().customerTier("vip").sentiment(-0.9).time(Instant.parse("2026-11-22T07:00:00Z"))
        .build();
    assertThat(RuleEngine.of(again).evaluate(facts)).isEqualTo(RuleEngine.of(set).evaluate(facts));
  }

  @Test
  void evaluationsNeverSeeHalfARuleSet() throws Exception {
    String a = "{\"rules\": [{\"id\": \"p\", \"when\": {\"all\": []}, \"then\": [{\"action\": \"tag\", \"tag\": \"a\"}]},"
        + "{\"id\": \"q\", \"when\": {\"all\": []}, \"then\": [{\"action\": \"tag\", \"tag\": \"a2\"}]}]}";
    String b = a.replace("\"a\"", "\"b\"").replace("\"a2\"", "\"b2\"");
    RuleEngine engine = RuleEngine.load(a);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> reloads = pool.submit(() -> {
        for (int i = 0; i < 300; i++) {
          engine.reload(i % 2 == 0 ? b : a);
        }
      });
      Future<Boolean> reads = pool.submit(() -> {
        for (int i = 0; i < 20_000; i++) {
          var tags = engine.evaluate(Facts.empty()).tags();
          if (!tags.equals(java.util.Set.of("a", "a2")) && !tags.equals(java.util.Set.of("b", "b2"))) {
            return false;
          }
        }
        return true;
      });
      reloads.get(30, TimeUnit.SECONDS);
      assertThat(reads.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void factsBuilderFailsFastNamingTheFact() {
    assertThatThrownBy(() -> Facts.builder().sentiment(2)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sentiment");
    assertThatThrownBy(() -> Facts.builder().customerTier("a").customerTier("b"))
        .hasMessageContaining("customerTier").hasMessageContaining("already set");
    assertThatThrownBy(() -> Facts.builder().ivrStage("lobby")).hasMessageContaining("ivrStage");
    assertThatThrownBy(() -> Facts.builder().queueLength(-1)).hasMessageContaining("queueLength");
    assertThatThrownBy(() -> Facts.builder().language(null)).hasMessageContaining("language");
  }

  @Test
  void factsTakeARouterClassification() {
    Classification c = KeywordRouter.defaults().classify("I want a refund, the product is broken");
    Facts facts = Facts.builder().classification(c).build();
    assertThat(facts.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(facts.matchedKeywords()).contains("refund", "broken");
    Decision d = RuleEngine.defaults().evaluate(facts);
    assertThat(d.route()).contains(Department.COMPLAINTS);
    assertThat(d.ticket()).contains(new TicketRequest("refund", Priority.HIGH));
  }
}
