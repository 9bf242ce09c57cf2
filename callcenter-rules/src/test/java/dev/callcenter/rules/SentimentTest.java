package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentTest {
  private final Sentiment sentiment = Sentiment.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      the service was excellent, thank you         | positive
      this is terrible and I am very angry         | negative
      not bad at all                               | positive
      not good                                     | negative
      الخدمة ممتازة شكرا لكم                        | positive
      الخدمة سيئة جدا                               | negative
      الموظف مش كويس                                | negative
      أنا لست سعيدا                                 | negative
      هذا غير مقبول                                 | negative
      I would like to know the opening hours       | neutral
      أريد معرفة ساعات العمل                        | neutral
      """)
  void scoresArabicAndEnglish(String text, String expected) {
    double s = sentiment.score(text);
    switch (expected) {
      case "positive" -> assertThat(s).isPositive();
      case "negative" -> assertThat(s).isNegative();
      default -> assertThat(s).isZero();
    }
  }

  @Test
  void intensifiersStrengthenBeforeTheWordInEnglishAndAfterItInArabic() {
    assertThat(sentiment.score("very bad")).isLessThan(sentiment.score("bad"));
    assertThat(sentiment.score("extremely good")).isGreaterThan(sentiment.score("good"));
    assertThat(sentiment.score("سيء جدا")).isLessThan(sentiment.score("سيء"));
    assertThat(sentiment.score("slightly bad")).isGreaterThan(sentiment.score("bad"));
  }

  @Test
  void ignoresDiacriticsAndPrefixes() {
    assertThat(sentiment.score("سَيِّء")).isEqualTo(sentiment.score("سيء"));
    assertThat(sentiment.score("وممتاز")).isEqualTo(sentiment.score("ممتاز"));
  }

  @Test
  void negationScopeEndsAtAClause() {
    assertThat(sentiment.score("not now. it is terrible")).isNegative();
  }

  @Property(tries = 300)
  void staysWithinMinusOneAndOne(@ForAll String text) {
    assertThat(sentiment.score(text)).isBetween(-1.0, 1.0);
  }

  @Test
  void moreNegativeWordsScoreLower() {
    assertThat(sentiment.score("bad terrible awful horrible")).isLessThan(sentiment.score("bad"))
        .isGreaterThanOrEqualTo(-1.0);
  }
}
