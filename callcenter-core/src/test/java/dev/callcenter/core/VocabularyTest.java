package dev.callcenter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyTest {

  private static String onlyField(Throwable e) {
    assertThat(e).isInstanceOf(InvalidInputException.class);
    return ((InvalidInputException) e).violations().get(0).field();
  }

  @Test
  void languagesParseInAnyCaseAndKnowTheirDirection() {
    assertThat(Language.of("AR")).isEqualTo(Language.ARABIC);
    assertThat(Language.of("en")).isEqualTo(Language.ENGLISH);
    assertThat(Language.of("en_US").tag()).isEqualTo("en-us");
    assertThat(Language.of("ar-EG").primary()).isEqualTo("ar");
    assertThat(Language.ARABIC.isRightToLeft()).isTrue();
    assertThat(Language.of("ar-eg").isRightToLeft()).isTrue();
    assertThat(Language.ENGLISH.isRightToLeft()).isFalse();
    assertThat(Language.of("fr")).isEqualTo(new Language("fr"));
    assertThat(Language.of(" ar ")).isEqualTo(Language.ARABIC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "e", "english!", "12", "en--us"})
  void badLanguageTagsNameTheLanguageField(String tag) {
    assertThatThrownBy(() -> Language.of(tag)).satisfies(e -> assertThat(onlyField(e)).isEqualTo("language"));
  }

  @Test
  void departmentsAreAnOpenSet() {
    assertThat(Department.of("SALES")).isEqualTo(Department.SALES);
    assertThat(Department.of(" Complaints ")).isEqualTo(Department.COMPLAINTS);
    assertThat(Department.of("tech_support").id()).isEqualTo("tech_support");
    assertThat(Department.RECEPTION.toString()).isEqualTo("reception");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "1sales", "sales dept", "ventas!"})
  void badDepartmentsNameTheDepartmentField(String id) {
    assertThatThrownBy(() -> Department.of(id)).satisfies(e -> assertThat(onlyField(e)).isEqualTo("department"));
  }

  @Test
  void prioritiesParseInAnyCaseAndAreOrderedByLevel() {
    assertThat(Priority.parse("high")).isEqualTo(Priority.HIGH);
    assertThat(Priority.parse(" Urgent ")).isEqualTo(Priority.URGENT);
    assertThat(Priority.LOW.level()).isLessThan(Priority.NORMAL.level());
    assertThat(Priority.NORMAL.level()).isLessThan(Priority.HIGH.level());
    assertThat(Priority.HIGH.level()).isLessThan(Priority.URGENT.level());
  }

  @Test
  void unknownPriorityListsTheAcceptedValues() {
    assertThatThrownBy(() -> Priority.parse("asap"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid input: priority: must be one of low, normal, high, urgent, was 'asap'");
  }

  @Test
  void statusesParseInAnyCaseWithDashesOrSpaces() {
    assertThat(CallStatus.parse("in-queue")).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(CallStatus.parse("ivr processing")).isEqualTo(CallStatus.IVR_PROCESSING);
    assertThatThrownBy(() -> CallStatus.parse("ringing")).hasMessageContaining("status: must be one of");
  }

  @Test
  void idsAreValidated() {
    assertThat(CallId.of("call-1").value()).isEqualTo("call-1");
    assertThat(CallId.random()).isNotEqualTo(CallId.random());
    assertThatThrownBy(() -> CallId.of("has space")).satisfies(e -> assertThat(onlyField(e)).isEqualTo("callId"));
    assertThatThrownBy(() -> CallId.of("x".repeat(65))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void agentSkillsAreOneToFive() {
    assertThat(Skill.of("Arabic", 5).name()).isEqualTo("arabic");
    assertThatThrownBy(() -> Skill.of("arabic", 6))
        .satisfies(e -> assertThat(onlyField(e)).isEqualTo("skill.proficiency"));
    assertThatThrownBy(() -> Agent.create(AgentId.of("a1"), "Huda", Department.SALES, Map.of("billing", 0),
        TickingClock.START)).isInstanceOf(InvalidInputException.class);
  }
}
