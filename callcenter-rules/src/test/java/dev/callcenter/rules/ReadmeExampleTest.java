package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Department;
import dev.callcenter.core.Priority;
import org.junit.jupiter.api.Test;

/** The snippet of callcenter-rules/README.md, compiled and checked. */
class ReadmeExampleTest {
  @Test
  void readmeSnippetRoutesAnAngryArabicComplaint() {
    Classification c = KeywordRouter.defaults().classify("أريد تقديم شَكْوَى، المنتج وصل تالف");
    Facts facts = Facts.builder().classification(c).customerTier("vip")
        .sentiment(Sentiment.defaults().score("الخدمة سيئة جدا")).build();
    Decision d = RuleEngine.defaults().evaluate(facts);
    String explanation = RuleEngine.defaults().explain(facts).describe();

    assertThat(c.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(d.route()).contains(Department.COMPLAINTS);
    assertThat(d.priority()).contains(Priority.HIGH);
    assertThat(d.ticket()).isPresent();
    assertThat(d.tags()).contains("vip");
    assertThat(explanation).contains("priority-vip: FIRED");
  }
}
