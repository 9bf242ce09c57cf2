package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordRouterTest {
  private final KeywordRouter router = KeywordRouter.defaults();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      I want to make a complaint about my bill                     | complaints
      my order arrived broken and I want a refund                  | complaints
      the app is not working since yesterday                       | complaints
      how much is the new subscription                             | sales
      I'm interested in buying your premium package                | sales
      what are your opening hours                                  | reception
      can you give me the address of the nearest branch            | reception
      COMPLAINT!!! Refunds please                                  | complaints
      أريد تقديم شكوى بخصوص الفاتورة                               | complaints
      الجهاز معطل ولا أحد يرد                                      | complaints
      كم سعر الباقة الجديدة                                        | sales
      أرغب في شراء اشتراك جديد                                     | sales
      ما هي ساعات العمل                                            | reception
      أين تقع الفروع؟ أريد العنوان                                 | reception
      أُرِيدُ تَقْدِيمَ شَكْوَى                                        | complaints
      أريـــد تقديـــم شكـــوى                                       | complaints
      عندي شكوى about the refund                                   | complaints
      I want to buy، كم السعر؟                                     | sales
      hello good morning                                           | reception
      """)
  void routesGoldenUtterances(String utterance, String department) {
    assertThat(router.classify(utterance).department()).isEqualTo(Department.of(department));
  }

  @Test
  void negationCancelsTheNegatedTermInEnglish() {
    Classification c = router.classify("this is not a complaint, I want to buy a new plan");
    assertThat(c.department()).isEqualTo(Department.SALES);
    assertThat(c.matches()).anySatisfy(m -> {
      assertThat(m.term()).isEqualTo("complaint");
      assertThat(m.negated()).isTrue();
    });
    assertThat(c.scores().get(Department.COMPLAINTS)).isZero();
  }

  @Test
  void negationCancelsTheNegatedTermInArabic() {
    Classification c = router.classify("هذه ليست شكوى، أريد معرفة سعر الباقة");
    assertThat(c.department()).isEqualTo(Department.SALES);
    assertThat(c.scores().get(Department.COMPLAINTS)).isZero();
    assertThat(router.classify("ليست شكوى").department()).isEqualTo(Department.RECEPTION);
    assertThat(router.classify("ليست شكوى").confidence()).isZero();
  }

  @Test
  void negationEndsAtAClauseBreak() {
    Classification c = router.classify("no thanks. I have a complaint");
    assertThat(c.department()).isEqualTo(Department.COMPLAINTS);
  }

  @Test
  void phraseContainingANegationWordStillMatches() {
    Classification c = router.classify("my phone is not working");
    assertThat(c.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(c.matchedTerms()).contains("not working");
  }

  @Test
  void reportsMatchedTermsWithPositionsInTheOriginalText() {
    String text = "Hi, I need a REFUND for a broken phone";
    Classification c = router.classify(text);
    KeywordMatch refund = c.matches().stream().filter(m -> m.term().equals("refund")).findFirst().orElseThrow();
    assertThat(text.substring(refund.start(), refund.end())).isEqualTo("REFUND");
    assertThat(refund.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(refund.language()).isEqualTo(Language.ENGLISH);
    assertThat(c.matchedTerms()).containsExactly("refund", "broken");
  }

  @Test
  void positionsSpanDiacriticsAndTatweelInArabic() {
    String text = "عندي شَكْـــوَى";
    KeywordMatch m = router.classify(text).matches().get(0);
    assertThat(text.substring(m.start(), m.end())).isEqualTo("شَكْـــوَى");
    assertThat(m.term()).isEqualTo("شكوى");
  }

  @Test
  void multiWordPhrasesMatchOnlyAsWholeWordsInSequence() {
    KeywordRouter r = KeywordRouter.load("""
        {"departments": {"sales": {"en": {"new subscription": 3}}, "complaints": {"en": {"cancel": 1}}}}""");
    assertThat(r.classify("a new subscription please").department()).isEqualTo(Department.SALES);
    assertThat(r.classify("new and a subscription").matched()).isFalse();
    assertThat(r.classify("renew subscriptions").matched()).isFalse();
    assertThat(r.classify("brand new subscriptions").department()).isEqualTo(Department.SALES);
    assertThat(r.classify("cancellation").matched()).isFalse();
    assertThat(r.classify("cancelled").department()).isEqualTo(Department.COMPLAINTS);
  }

  @Test
  void foldsEnglishSuffixesAndArabicPrefixes() {
    KeywordRouter r = KeywordRouter.load("""
        {"departments": {"complaints": {"en": {"charge": 2, "bill": 1}, "ar": {"الفاتورة": 2}}}}""");
    for (String text : List.of("charges", "charged", "charging", "billing", "bills", "فاتورة", "والفاتورة",
        "بالفاتوره", "للفاتورة")) {
      assertThat(r.classify(text).matched()).as(text).isTrue();
    }
    assertThat(r.classify("chart").matched()).isFalse();
  }

  @Test
  void arabicIndicAndPersianDigitsMatchAsciiKeywords() {
    KeywordRouter r = KeywordRouter.load("""
        {"departments": {"sales": {"en": {"plan 500": 3}}, "complaints": {"ar": {"طلب 1234": 3}}}}""");
    assertThat(r.classify("أريد الاستفسار عن طلب ١٢٣٤").department()).isEqualTo(Department.COMPLAINTS);
    assertThat(r.classify("plan ۵۰۰ please").department()).isEqualTo(Department.SALES);
  }

  @Test
  void ignoresZeroWidthAndDirectionMarks() {
    assertThat(router.classify("\u200Fشك\u200Cوى\u200E").department()).isEqualTo(Department.COMPLAINTS);
    assertThat(router.classify("com\u200Bplaint").department()).isEqualTo(Department.COMPLAINTS);
  }

  @Test
  void noMatchGoesToTheDefaultDepartmentWithZeroConfidence() {
    Classification c = router.classify("");
    assertThat(c.department()).isEqualTo(Department.RECEPTION);
    assertThat(c.confidence()).isZero();
    assertThat(c.matches()).isEmpty();
    KeywordRouter r = KeywordRouter.load("""
        {"defaultDepartment": "sales", "departments": {"complaints": {"en": {"complaint": 1}}}}""");
    assertThat(r.classify("hello").department()).isEqualTo(Department.SALES);
  }

  @Test
  void tiesGoToTheConfiguredDepartment() {
    KeywordRouter r = KeywordRouter.load("""
        {"onTie": "reception", "departments": {"sales": {"en": {"price": 2}},
          "complaints": {"en": {"refund": 2}}}}""");
    Classification c = r.classify("price refund");
    assertThat(c.department()).isEqualTo(Department.RECEPTION);
    assertThat(c.confidence()).isLessThanOrEqualTo(0.5);
    assertThat(c.scores()).containsEntry(Department.SALES, 2.0).containsEntry(Department.COMPLAINTS, 2.0);
  }

  @Test
  void confidenceGrowsWithEvidenceAndShare() {
    double one = router.classify("complaint").confidence();
    double two = router.classify("complaint refund broken").confidence();
    double mixed = router.classify("complaint about the price").confidence();
    assertThat(one).isBetween(0.0, 1.0);
    assertThat(two).isGreaterThan(one).isLessThanOrEqualTo(1.0);
    assertThat(mixed).isLessThan(one);
  }

  @Test
  void languageHintCountsOnlyThatLanguage() {
    String text = "I want to buy، عندي شكوى";
    assertThat(router.classify(text, Language.ENGLISH).department()).isEqualTo(Department.SALES);
    assertThat(router.classify(text, Language.ARABIC).department()).isEqualTo(Department.COMPLAINTS);
    assertThat(router.classify(text, Language.of("ar-EG")).department()).isEqualTo(Department.COMPLAINTS);
    assertThat(router.classify(text, Language.of("fr")).matched()).isFalse();
  }

  @Test
  void reloadSwapsAndARejectedDictionaryKeepsTheOneInForce() {
    KeywordRouter r = KeywordRouter.load("""
        {"departments": {"sales": {"en": {"widget": 1}}}}""");
    assertThat(r.classify("widget").department()).isEqualTo(Department.SALES);
    assertThatThrownBy(() -> r.reload("""
        {"departments": {"sales": {"en": {"widget": -1}}}}"""))
        .isInstanceOf(RuleValidationException.class)
        .satisfies(e -> assertThat(((RuleValidationException) e).problems())
            .extracting(RuleValidationException.Problem::path).containsExactly("$.departments.sales.en.widget"));
    assertThat(r.classify("widget").department()).isEqualTo(Department.SALES);
    r.reload("""
        {"departments": {"complaints": {"en": {"widget": 1}}}}""");
    assertThat(r.classify("widget").department()).isEqualTo(Department.COMPLAINTS);
  }

  @Test
  void classificationsStayConsistentWhileReloading() throws Exception {
    String a = "{\"departments\": {\"sales\": {\"en\": {\"alpha\": 1, \"beta\": 1}}}}";
    String b = "{\"departments\": {\"complaints\": {\"en\": {\"alpha\": 1, \"beta\": 1}}}}";
    KeywordRouter r = KeywordRouter.load(a);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> reloads = pool.submit(() -> IntStream.range(0, 300).forEach(i -> r.reload(i % 2 == 0 ? b : a)));
      Future<Boolean> reads = pool.submit(() -> {
        for (int i = 0; i < 20_000; i++) {
          Classification c = r.classify("alpha beta");
          // both words always vote for the same department: never half of one dictionary and half of the other
          if (c.scores().size() != 2 || c.scores().values().stream().mapToDouble(Double::doubleValue).max()
              .orElse(0) != 2.0) {
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
  void rejectsNullText() {
    assertThatThrownBy(() -> router.classify(null)).isInstanceOf(dev.callcenter.core.InvalidInputException.class)
        .hasMessageContaining("text");
  }
}
