package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped rule has a case that makes it fire and one that does not. */
class DefaultRulesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode resource(String name) throws Exception {
    try (InputStream in = DefaultRulesTest.class.getResourceAsStream(name)) {
      return MAPPER.readTree(in);
    }
  }

  static Stream<Arguments> cases() throws Exception {
    JsonNode rules = resource("default-rules.json");
    JsonNode cases = resource("default-rule-cases.json");
    List<Arguments> out = new ArrayList<>();
    for (JsonNode rule : rules.get("rules")) {
      String id = rule.get("id").textValue();
      JsonNode c = cases.get(id);
      out.add(Arguments.of(id, c == null ? null : c.get("fires"), c == null ? null : c.get("doesNotFire")));
    }
    return out.stream();
  }

  /** The default file with only one rule, flags all on, so each rule is tested on its own. */
  private static RuleEngine isolated(String id) throws Exception {
    ObjectNode doc = (ObjectNode) resource("default-rules.json");
    ArrayNode only = MAPPER.createArrayNode();
    doc.get("rules").forEach(r -> {
      if (r.get("id").textValue().equals(id)) {
        only.add(r);
      }
    });
    doc.set("rules", only);
    doc.remove("flags");
    return RuleEngine.load(doc.toString());
  }

  static Facts facts(JsonNode json) {
    Facts.Builder b = Facts.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "department" -> b.department(Department.of(v.textValue()));
        case "language" -> b.language(Language.of(v.textValue()));
        case "customerTier" -> b.customerTier(v.textValue());
        case "customerId" -> b.customerId(v.textValue());
        case "ivrStage" -> b.ivrStage(v.textValue());
        case "intent" -> b.intent(v.textValue());
        case "verified" -> b.verified(v.booleanValue());
        case "waitSeconds" -> b.waitTime(Duration.ofSeconds(v.longValue()));
        case "callDurationSeconds" -> b.callDuration(Duration.ofSeconds(v.longValue()));
        case "queueLength" -> b.queueLength(v.intValue());
        case "sentiment" -> b.sentiment(v.doubleValue());
        case "confidence" -> b.confidence(v.doubleValue());
        case "repeatCalls" -> b.repeatCalls(v.intValue());
        case "openTickets" -> b.openTickets(v.intValue());
        case "retries" -> b.retries(v.intValue());
        case "time" -> b.time(Instant.parse(v.textValue()));
        case "matchedKeywords" -> {
          List<String> words = new ArrayList<>();
          v.forEach(w -> words.add(w.textValue()));
          b.matchedKeywords(words);
        }
        default -> throw new IllegalArgumentException("unknown fact in test case: " + e.getKey());
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} fires")
  @MethodSource("cases")
  void fires(String id, JsonNode fires, JsonNode doesNotFire) throws Exception {
    assertThat(fires).as("a firing case for %s", id).isNotNull();
    Explanation e = isolated(id).explain(facts(fires));
    assertThat(e.decision().firedRules()).as(e.describe()).containsExactly(id);
  }

  @ParameterizedTest(name = "{0} does not fire")
  @MethodSource("cases")
  void doesNotFire(String id, JsonNode fires, JsonNode doesNotFire) throws Exception {
    assertThat(doesNotFire).as("a non-firing case for %s", id).isNotNull();
    Explanation e = isolated(id).explain(facts(doesNotFire));
    assertThat(e.decision().firedRules()).as(e.describe()).isEmpty();
    assertThat(e.trace(id).outcome()).isEqualTo(Explanation.Outcome.NOT_MATCHED);
  }

  @Test
  void shipsAtLeastFiftyRulesCoveringEveryArea() {
    RuleSet set = RuleSet.defaults();
    assertThat(set.size()).isGreaterThanOrEqualTo(50);
    assertThat(set.groups()).contains("ivr", "routing", "priority", "tickets", "quality_assurance", "validation",
        "overrides");
    assertThat(set.timeZone().getId()).isEqualTo("Asia/Riyadh");
  }

  @Test
  void holidayModeIsOffUntilItsFlagIsSwitchedOn() {
    Facts facts = Facts.builder().customerTier("vip").ivrStage("greeting").build();
    RuleEngine engine = RuleEngine.defaults();
    assertThat(engine.evaluate(facts).fired("override-holiday-mode")).isFalse();
    assertThat(engine.evaluate(facts).tags()).contains("vip");
    engine.setFlag("holiday", true);
    Decision d = engine.evaluate(facts);
    assertThat(d.firedRules()).containsExactly("override-holiday-mode");
    assertThat(d.route()).contains(Department.RECEPTION);
  }

  @Test
  void aTypicalAngryVipComplaintInArabic() {
    Classification c = KeywordRouter.defaults().classify("عندي شكوى، الجهاز تالف وأريد استرداد المبلغ");
    Facts facts = Facts.builder().classification(c).customerTier("vip").customerId("C-1001").language(Language.ARABIC)
        .sentiment(Sentiment.defaults().score("الخدمة سيئة جدا وأنا زعلان")).ivrStage("classification")
        .time(Instant.parse("2026-11-22T07:00:00Z")).build();
    Decision d = RuleEngine.defaults().evaluate(facts);
    assertThat(d.route()).contains(Department.COMPLAINTS);
    assertThat(d.priority()).isPresent();
    assertThat(d.tags()).contains("vip", "arabic_vip_desk");
    assertThat(d.skipStages()).contains("identification");
    assertThat(d.ticket()).isPresent();
  }

  @Test
  void defaultRulesAndTheirRoundTripMatchTheShippedJsonSchema() throws Exception {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    JsonSchema schema;
    try (InputStream in = RuleSet.class.getResourceAsStream("rules.schema.json")) {
      schema = factory.getSchema(in);
    }
    Set<ValidationMessage> shipped = schema.validate(resource("default-rules.json"));
    assertThat(shipped).isEmpty();
    assertThat(schema.validate(MAPPER.readTree(RuleSet.defaults().toJson()))).isEmpty();
    Set<ValidationMessage> bad = schema.validate(MAPPER.readTree("""
        {"rules": [{"id": "x", "when": {"fact": "mood", "op": "eq", "value": 1},
          "then": [{"action": "teleport"}]}]}"""));
    assertThat(bad).isNotEmpty();
  }
}
