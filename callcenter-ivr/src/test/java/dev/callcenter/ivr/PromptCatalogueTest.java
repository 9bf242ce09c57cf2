package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.flow.FlowAction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptCatalogueTest {
  private static final String LRI = "\u2066";
  private static final String FSI = "\u2068";
  private static final String PDI = "\u2069";
  private final PromptCatalogue prompts = PromptCatalogue.defaults();

  @Test
  void theBuiltInCatalogueHasTheSetsInBothLanguages() {
    assertThat(prompts.idsInSet("reception")).hasSizeGreaterThanOrEqualTo(30);
    assertThat(prompts.idsInSet("sales")).contains("sales.ask_product", "sales.ask_contact_phone");
    assertThat(prompts.idsInSet("complaints")).contains("complaints.ask_order", "complaints.ask_urgent");
    assertThat(prompts.problems()).isEmpty();
    for (String id : prompts.ids()) {
      Map<String, Object> args = new java.util.HashMap<>(Map.of("minutes", 5, "position", 5, "ahead", 5, "yes", 1,
          "no", 2, "key", 1, "open", "08:00", "close", "20:00", "ticket", 2041, "order", "12345678"));
      args.put("count", 4);
      args.put("department", "المبيعات");
      FlowAction.PlayPrompt ar = prompts.render(id, Language.ARABIC, args);
      args.put("department", "sales");
      FlowAction.PlayPrompt en = prompts.render(id, Language.ENGLISH, args);
      assertThat(ar.language()).as(id).isEqualTo(Language.ARABIC);
      assertThat(ar.text()).as(id).containsPattern("\\p{IsArabic}").doesNotContainPattern("[A-Za-z]");
      assertThat(en.text()).as(id).containsPattern("[A-Za-z]").doesNotContainPattern("\\p{IsArabic}");
    }
  }

  @ParameterizedTest(name = "{0} minutes")
  @CsvSource(delimiter = '|', textBlock = """
      0   | مدة الانتظار المتوقعة أقل من دقيقة.
      1   | مدة الانتظار المتوقعة دقيقة واحدة تقريبًا.
      2   | مدة الانتظار المتوقعة دقيقتان تقريبًا.
      3   | مدة الانتظار المتوقعة ⁦3⁩ دقائق تقريبًا.
      11  | مدة الانتظار المتوقعة ⁦11⁩ دقيقةً تقريبًا.
      100 | مدة الانتظار المتوقعة ⁦100⁩ دقيقة تقريبًا.
      103 | مدة الانتظار المتوقعة ⁦103⁩ دقائق تقريبًا.
      """)
  void arabicMinutesTakeTheRightPluralForm(int minutes, String expected) {
    assertThat(prompts.render("queue.wait", Language.ARABIC, Map.of("minutes", minutes)).text()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} callers")
  @CsvSource(delimiter = '|', textBlock = """
      0   | لا يوجد متصلون قبلك.
      1   | أمامك متصل واحد.
      2   | أمامك متصلان.
      3   | أمامك ⁦3⁩ متصلين.
      11  | أمامك ⁦11⁩ متصلًا.
      100 | أمامك ⁦100⁩ متصل.
      """)
  void arabicCallerCountsTakeTheRightPluralForm(int ahead, String expected) {
    assertThat(prompts.render("queue.ahead", Language.ARABIC, Map.of("ahead", ahead)).text()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "caller number {0}")
  @CsvSource(delimiter = '|', textBlock = """
      1   | أنت المتصل الأول في قائمة الانتظار.
      2   | أنت المتصل الثاني في قائمة الانتظار.
      3   | أنت المتصل رقم ⁦3⁩ في قائمة الانتظار.
      11  | أنت المتصل رقم ⁦11⁩ في قائمة الانتظار.
      100 | أنت المتصل رقم ⁦100⁩ في قائمة الانتظار.
      """)
  void arabicCallerNumber(int position, String expected) {
    assertThat(prompts.render("queue.position", Language.ARABIC, Map.of("position", position)).text())
        .isEqualTo(expected);
  }

  @Test
  void englishPluralsAndAnExplicitZero() {
    assertThat(prompts.render("queue.wait", Language.ENGLISH, Map.of("minutes", 1)).text())
        .isEqualTo("The expected wait is about 1 minute.");
    assertThat(prompts.render("queue.wait", Language.ENGLISH, Map.of("minutes", 11)).text())
        .isEqualTo("The expected wait is about 11 minutes.");
    assertThat(prompts.render("queue.wait", Language.ENGLISH, Map.of("minutes", 0)).text())
        .isEqualTo("The expected wait is less than a minute.");
    assertThat(prompts.render("queue.position", Language.ENGLISH, Map.of("position", 3)).text())
        .isEqualTo("You are caller number 3 in the queue.");
  }

  @Test
  void arabicIndicDigitsByConfiguration() {
    PromptCatalogue indic = prompts.withArabicDigits(DigitStyle.ARABIC_INDIC);
    assertThat(indic.render("queue.wait", Language.ARABIC, Map.of("minutes", 25)).text())
        .isEqualTo("مدة الانتظار المتوقعة " + LRI + "٢٥" + PDI + " دقيقةً تقريبًا.");
    assertThat(indic.render("queue.wait", Language.ENGLISH, Map.of("minutes", 25)).text())
        .isEqualTo("The expected wait is about 25 minutes."); // English keeps Western digits
  }

  @Test
  void latinNamesAndNumbersInsideArabicAreIsolated() {
    String text = prompts.render("classify.routing", Language.ARABIC, Map.of("department", "VIP Care")).text();
    assertThat(text).isEqualTo("سنحوّلك إلى قسم " + FSI + "VIP Care" + PDI + ".");
    String ticket = prompts.render("handoff.ticket", Language.ARABIC, Map.of("ticket", "T-2041")).text();
    assertThat(ticket).contains(FSI + "T-2041" + PDI);
    String english = prompts.render("classify.routing", Language.ENGLISH, Map.of("department", "المبيعات")).text();
    assertThat(english).isEqualTo("We will put you through to " + FSI + "المبيعات" + PDI + ".");
  }

  @Test
  void aPromptMissingInOneLanguageFallsBackAndIsReported() {
    PromptCatalogue team = PromptCatalogue.fromJson("""
        {"prompts": {
          "sales.spring_offer": {"set": "sales", "en": "Ask about our spring offer.",
                                  "audio": {"en": "audio/en/spring.wav"}},
          "greeting.welcome": {"ar": "مرحبًا بكم في متجرنا.", "en": "Welcome to our shop."}
        }}""");
    assertThat(team.problems()).containsExactly("prompt 'sales.spring_offer' has no ar text; en is played instead");
    FlowAction.PlayPrompt played = team.render("sales.spring_offer", Language.ARABIC);
    assertThat(played.language()).isEqualTo(Language.ENGLISH);
    assertThat(played.text()).isEqualTo("Ask about our spring offer.");
    assertThat(played.audio()).isEqualTo("audio/en/spring.wav");

    PromptCatalogue extended = prompts.extendedWith(team);
    assertThat(extended.render("greeting.welcome", Language.ENGLISH).text()).isEqualTo("Welcome to our shop.");
    assertThat(extended.render("greeting.welcome", Language.ENGLISH).audio()).isNull();
    assertThat(extended.render("queue.hold", Language.ENGLISH).text()).startsWith("Please stay");
    assertThat(extended.problems()).hasSize(1);
  }

  @Test
  void audioFilesArePerPromptAndLanguage() {
    assertThat(prompts.render("greeting.welcome", Language.ARABIC).audio()).isEqualTo("audio/ar/greeting.welcome.wav");
    assertThat(prompts.render("goodbye", Language.ARABIC).audio()).isNull();
  }

  @Test
  void aBrokenCatalogueIsRejectedWithEveryPath() {
    assertThatThrownBy(() -> PromptCatalogue.fromJson("""
        {"prompts": {
          "Bad Id": {"en": "x"},
          "queue.wait": {"ar": {"count": "minutes", "one": "x", "several": "y"}},
          "empty": {},
          "audio.bad": {"en": "x", "audio": {"en": ""}}
        }}"""))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(InvalidInputException.Violation::field)
            .containsExactlyInAnyOrder("$.prompts.Bad Id", "$.prompts.queue.wait.ar.several",
                "$.prompts.queue.wait.ar.other", "$.prompts.empty", "$.prompts.audio.bad.audio.en"));
  }
}
