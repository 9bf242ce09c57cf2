package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidationTest {
  private static List<RuleValidationException.Problem> problems(String json) {
    RuleValidationException e = catchThrowableOfType(RuleValidationException.class, () -> RuleSet.parse(json));
    assertThat(e).as("expected the rule set to be rejected").isNotNull();
    assertThat(e.document()).isEqualTo("rule set");
    return e.problems();
  }

  private static String paths(String json) {
    return problems(json).stream().map(RuleValidationException.Problem::path).toList().toString();
  }

  @Test
  void reportsEveryProblemWithItsJsonPath() {
    String json = """
        {"activation": "sometimes", "timeZone": "Mars/Olympus", "rules": [
          {"id": "a", "when": {"fact": "waitSeconds", "op": "equals", "value": 1},
           "then": [{"action": "tag", "tag": "x"}]},
          {"id": "b", "when": {"fact": "waitSeconds", "op": "gt", "value": "long"},
           "then": [{"action": "tag", "tag": "x"}]},
          {"id": "c", "when": {"all": [{"fact": "mood", "op": "eq", "value": "sad"}]},
           "then": [{"action": "tag", "tag": "x"}]},
          {"id": "a", "when": {"fact": "customerId", "op": "matches", "value": "([a-z"},
           "then": [{"action": "teleport"}]},
          {"id": "e", "when": {"fact": "customerTier", "op": "gt", "value": 3},
           "then": [{"action": "route", "department": "Not A Department!"}]}
        ]}""";
    List<RuleValidationException.Problem> problems = problems(json);
    assertThat(problems).extracting(RuleValidationException.Problem::path).containsExactly(
        "$.activation",
        "$.timeZone",
        "$.rules[0].when.op",
        "$.rules[1].when.value",
        "$.rules[2].when.all[0].fact",
        "$.rules[3].id",
        "$.rules[3].when.value",
        "$.rules[3].then[0].action",
        "$.rules[4].when.op",
        "$.rules[4].then[0].department");
    assertThat(problems.get(2).message()).contains("unknown operator 'equals'");
    assertThat(problems.get(3).message()).contains("must be a number").contains("waitSeconds");
    assertThat(problems.get(4).message()).contains("unknown fact 'mood'");
    assertThat(problems.get(5).message()).contains("duplicate rule id 'a'").contains("$.rules[0]");
    assertThat(problems.get(6).message()).contains("regular expression does not compile");
    assertThat(problems.get(7).message()).contains("unknown action 'teleport'");
    assertThat(problems.get(8).message()).contains("does not apply to the string fact 'customerTier'");
  }

  @Test
  void rejectsMissingAndUnknownFields() {
    assertThat(paths("{}")).isEqualTo("[$.rules]");
    assertThat(paths("{\"rules\": [{\"when\": {\"all\": []}, \"then\": [{\"action\": \"stop\"}], \"colour\": 1}]}"))
        .isEqualTo("[$.rules[0].colour, $.rules[0].id]");
    assertThat(paths("{\"rules\": [{\"id\": \"x\"}]}")).isEqualTo("[$.rules[0].when, $.rules[0].then]");
    assertThat(paths("{\"rules\": [{\"id\": \"x\", \"when\": {}, \"then\": []}]}"))
        .isEqualTo("[$.rules[0].when, $.rules[0].then]");
  }

  @Test
  void rejectsValuesOfTheWrongTypeForTheFact() {
    String rule = "{\"rules\": [{\"id\": \"x\", \"when\": %s, \"then\": [{\"action\": \"stop\"}]}]}";
    assertThat(paths(rule.formatted("{\"fact\": \"verified\", \"op\": \"eq\", \"value\": \"yes\"}")))
        .isEqualTo("[$.rules[0].when.value]");
    assertThat(paths(rule.formatted("{\"fact\": \"ivrStage\", \"op\": \"eq\", \"value\": \"lobby\"}")))
        .isEqualTo("[$.rules[0].when.value]");
    assertThat(paths(rule.formatted("{\"fact\": \"waitSeconds\", \"op\": \"between\", \"value\": [9, 1]}")))
        .isEqualTo("[$.rules[0].when.value]");
    assertThat(paths(rule.formatted("{\"fact\": \"customerTier\", \"op\": \"in\", \"value\": [\"a\", 2]}")))
        .isEqualTo("[$.rules[0].when.value[1]]");
    assertThat(paths(rule.formatted("{\"fact\": \"time\", \"op\": \"time_of_day_between\", \"value\": [\"8\", \"17:00\"]}")))
        .isEqualTo("[$.rules[0].when.value[0]]");
    assertThat(paths(rule.formatted("{\"fact\": \"time\", \"op\": \"day_of_week_in\", \"value\": [\"funday\"]}")))
        .isEqualTo("[$.rules[0].when.value[0]]");
    assertThat(paths(rule.formatted("{\"fact\": \"language\", \"op\": \"eq\", \"value\": \"english!\"}")))
        .isEqualTo("[$.rules[0].when.value]");
    assertThat(paths(rule.formatted("{\"fact\": \"time\", \"op\": \"gt\", \"value\": 3}")))
        .isEqualTo("[$.rules[0].when.op]");
  }

  @Test
  void rejectsBadActions() {
    String rule = "{\"rules\": [{\"id\": \"x\", \"when\": {\"all\": []}, \"then\": [%s]}]}";
    assertThat(paths(rule.formatted("{\"action\": \"set_priority\", \"priority\": \"asap\"}")))
        .isEqualTo("[$.rules[0].then[0].priority]");
    assertThat(paths(rule.formatted("{\"action\": \"set_queue_priority\", \"value\": 5000}")))
        .isEqualTo("[$.rules[0].then[0].value]");
    assertThat(paths(rule.formatted("{\"action\": \"skip_stage\", \"stage\": \"lobby\"}")))
        .isEqualTo("[$.rules[0].then[0].stage]");
    assertThat(paths(rule.formatted("{\"action\": \"create_ticket\"}")))
        .isEqualTo("[$.rules[0].then[0].category]");
    assertThat(paths(rule.formatted("{\"action\": \"stop\", \"department\": \"sales\"}")))
        .isEqualTo("[$.rules[0].then[0].department]");
  }

  @Test
  void rejectsSyntaxErrorsAndNonObjects() {
    assertThat(problems("{\"rules\": [").get(0).message()).startsWith("not valid JSON at line 1");
    assertThat(paths("[]")).isEqualTo("[$]");
    assertThat(paths("{\"rules\": []} {}")).isEqualTo("[$]");
    assertThat(paths("{\"rules\": [], \"rules\": []}")).isEqualTo("[$]");
    assertThat(paths("")).isEqualTo("[$]");
  }

  @Test
  void rejectsConditionsNestedTooDeep() {
    String when = "{\"not\": ".repeat(40) + "{\"all\": []}" + "}".repeat(40);
    assertThat(problems("{\"rules\": [{\"id\": \"x\", \"when\": " + when + ", \"then\": [{\"action\": \"stop\"}]}]}")
        .get(0).message()).contains("nest at most");
  }

  @Test
  void keywordDictionaryProblemsCarryPaths() {
    RuleValidationException e = catchThrowableOfType(RuleValidationException.class, () -> KeywordDictionary.parse("""
        {"negationScope": 99, "negations": {"en": ["not at all"]},
         "departments": {"Sales Team": {"en": {"buy": 1}}, "complaints": {"xx-!": {"a": 1},
           "en": {"refund": 0, "": 1, "refunds": 2, "refund request": 2}}}}"""));
    assertThat(e.document()).isEqualTo("keyword dictionary");
    assertThat(e.problems()).extracting(RuleValidationException.Problem::path).containsExactly(
        "$.negationScope", "$.negations.en[0]", "$.departments['Sales Team']", "$.departments.complaints['xx-!']",
        "$.departments.complaints.en.refund", "$.departments.complaints.en['']");
  }

  @Test
  void duplicatesAfterNormalisationAreRejected() {
    RuleValidationException e = catchThrowableOfType(RuleValidationException.class, () -> KeywordDictionary.parse("""
        {"departments": {"complaints": {"ar": {"شكوى": 1, "شَكْوَى": 2}, "en": {"refund": 1, "Refunds": 1}}}}"""));
    assertThat(e.problems()).extracting(RuleValidationException.Problem::path).containsExactly(
        "$.departments.complaints.ar['شَكْوَى']", "$.departments.complaints.en.Refunds");
  }

  @Test
  void dictionariesRoundTripThroughJson() {
    KeywordDictionary d = KeywordDictionary.defaults();
    assertThat(KeywordDictionary.parse(d.toJson())).isEqualTo(d);
    assertThat(d.size()).isGreaterThan(150);
    assertThat(d.keywords()).containsKeys(dev.callcenter.core.Department.RECEPTION,
        dev.callcenter.core.Department.SALES, dev.callcenter.core.Department.COMPLAINTS);
  }

  @Test
  void sentimentLexiconProblemsCarryPaths() {
    RuleValidationException e = catchThrowableOfType(RuleValidationException.class, () -> Sentiment.load("""
        {"words": {"en": {"good": 9, "two words": 1}}, "intensifiers": {"en": {"very": -1}}}"""));
    assertThat(e.document()).isEqualTo("sentiment lexicon");
    assertThat(e.problems()).extracting(RuleValidationException.Problem::path).containsExactlyInAnyOrder(
        "$.words.en.good", "$.words.en['two words']", "$.intensifiers.en.very");
  }
}
