package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NormalizationPropertiesTest {
  private static final KeywordRouter ROUTER = KeywordRouter.defaults();
  private static final List<String> WORDS = List.of("أريد", "تقديم", "شكوى", "بخصوص", "الفاتورة", "سعر", "الباقة",
      "إلغاء", "آسف", "مستشفى", "ساعات", "العمل", "ليست", "لا", "يعمل", "شراء", "اشتراك", "جديد", "I", "want", "a",
      "refund", "not", "complaint", "buy", "price", "opening", "hours", "broken", "١٢٣", "۴۵", "Refunds", "NEW",
      "subscription", "،", "؟", ".", "مشكلة", "عطل");
  private static final List<Character> MARKS = List.of('\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650',
      '\u0651', '\u0652', '\u0640', '\u0670', '\u200C', '\u200D', '\u200F', '\u200E', '\u061C');

  @Provide
  Arbitrary<String> utterances() {
    return Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(20).map(ws -> String.join(" ", ws));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().withCharRange('\u0600', '\u06FF').withChars(" .,!?'-\u200F\u200B").ofMaxLength(60),
        utterances());
  }

  @Property(tries = 500)
  void normalisationIsIdempotent(@ForAll("anyText") String text) {
    String once = TextNormalizer.normalize(text);
    assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
  }

  /** Inserts diacritics, tatweel and invisible marks after random Arabic letters. */
  @Provide
  Arbitrary<String[]> decorated() {
    return utterances().flatMap(text -> {
      Arbitrary<List<Character>> marks = Arbitraries.of(MARKS).list().ofSize(text.length());
      Arbitrary<List<Boolean>> where = Arbitraries.of(true, false).list().ofSize(text.length());
      return Combinators.combine(marks, where).as((m, w) -> {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          b.append(c);
          if (w.get(i) && c >= '\u0621' && c <= '\u064A') {
            b.append(m.get(i));
          }
        }
        return new String[] {text, b.toString()};
      });
    });
  }

  @Property(tries = 500)
  void routingIsUnchangedByDiacriticsTatweelAndInvisibleMarks(@ForAll("decorated") String[] pair) {
    Classification plain = ROUTER.classify(pair[0]);
    Classification decorated = ROUTER.classify(pair[1]);
    assertThat(decorated.department()).isEqualTo(plain.department());
    assertThat(decorated.confidence()).isEqualTo(plain.confidence());
    assertThat(decorated.scores()).isEqualTo(plain.scores());
    assertThat(decorated.matches()).extracting(KeywordMatch::term).isEqualTo(
        plain.matches().stream().map(KeywordMatch::term).toList());
    assertThat(TextNormalizer.normalize(pair[1])).isEqualTo(TextNormalizer.normalize(pair[0]));
  }

  @Property(tries = 300)
  void classifyNeverFailsAndConfidenceStaysInRange(@ForAll("anyText") String text) {
    Classification c = ROUTER.classify(text);
    assertThat(c.confidence()).isBetween(0.0, 1.0);
    assertThat(c.matches()).allSatisfy(m -> {
      assertThat(m.start()).isBetween(0, text.length());
      assertThat(m.end()).isBetween(m.start() + 1, text.length());
    });
  }

  @Test
  void foldsTheArabicFormsTheIssueNames() {
    assertThat(TextNormalizer.normalize("آمنة أحمد إسلام ٱلله مستشفى")).isEqualTo("امنه احمد اسلام الله مستشفي");
    assertThat(TextNormalizer.normalize("شَكْـــوَى\u200F")).isEqualTo("شكوي");
    assertThat(TextNormalizer.normalize("رقم ١٢٣ و ۴۵۶")).isEqualTo("رقم 123 و 456");
    assertThat(TextNormalizer.normalize("نعم،لا؛ربما؟ حسنا")).isEqualTo("نعم, لا, ربما, حسنا");
    assertThat(TextNormalizer.normalize("  Don't  SHOUT!! ok ")).isEqualTo("dont shout, ok");
    assertThat(TextNormalizer.normalize("هذا\u0670")).isEqualTo("هذا");
  }
}
