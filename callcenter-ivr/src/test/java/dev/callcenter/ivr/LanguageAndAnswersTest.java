package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageAndAnswersTest {
  @Test
  void detectsTheScript() {
    DetectedLanguage arabic = DetectedLanguage.of("أريد التحدث مع خدمة العملاء");
    assertThat(arabic.language()).isEqualTo(Language.ARABIC);
    assertThat(arabic.script()).isEqualTo(DetectedLanguage.Script.ARABIC);
    assertThat(arabic.confidence()).isEqualTo(1.0);

    DetectedLanguage english = DetectedLanguage.of("I would like to talk to someone");
    assertThat(english.language()).isEqualTo(Language.ENGLISH);
    assertThat(english.script()).isEqualTo(DetectedLanguage.Script.LATIN);

    DetectedLanguage mixed = DetectedLanguage.of("عندي مشكلة في الـ router والـ wifi");
    assertThat(mixed.script()).isEqualTo(DetectedLanguage.Script.MIXED);
    assertThat(mixed.language()).isEqualTo(Language.ARABIC);
    assertThat(mixed.confidence()).isBetween(0.5, 0.8);

    DetectedLanguage none = DetectedLanguage.of("12345 !!");
    assertThat(none.language()).isNull();
    assertThat(none.confidence()).isZero();
    assertThat(DetectedLanguage.of("ok").confidence()).isLessThan(DetectedLanguage.of("okay then").confidence());
  }

  @ParameterizedTest
  @CsvSource({"English please, en", "in english, en", "عربي, ar", "بالعربي لو سمحت, ar", "الإنجليزية, en",
      "Arabic, ar"})
  void recognisesLanguageRequests(String text, String tag) {
    assertThat(DetectedLanguage.requested(text)).isEqualTo(Language.of(tag));
  }

  @Test
  void aLongSentenceMentioningALanguageIsNoRequest() {
    assertThat(DetectedLanguage.requested("my english teacher ordered a book that never arrived")).isNull();
    assertThat(DetectedLanguage.requested("نعم")).isNull();
  }

  @ParameterizedTest
  @CsvSource({"نعم, yes", "لا, no", "yes, yes", "No, no", "1, yes", "2, no", "١, yes", "٢, no", "أيوه, yes",
      "'yes, please', yes", "كلا, no"})
  void yesAndNoInBothLanguages(String answer, String expected) {
    assertThat(FormField.of("ok", "p", FieldType.YES_NO).normalise(answer, null)).isEqualTo(expected);
  }

  @Test
  void neitherYesNorNoIsInvalid() {
    FormField yesNo = FormField.of("ok", "p", FieldType.YES_NO);
    assertThat(yesNo.normalise("maybe", null)).isNull();
    assertThat(yesNo.normalise("3", null)).isNull();
    assertThat(yesNo.normalise("yes no", null)).isNull();
  }

  @Test
  void phoneNumbersThroughCorePhoneNumber() {
    FormField phone = FormField.of("phone", "p", FieldType.PHONE);
    assertThat(phone.normalise("0501234567#", "SA")).isEqualTo("+966501234567");
    assertThat(phone.normalise("٠٥٠١٢٣٤٥٦٧", "SA")).isEqualTo("+966501234567");
    assertThat(phone.normalise("+44 20 7946 0958", "SA")).isEqualTo("+442079460958");
    assertThat(phone.normalise("12", "SA")).isNull();
    assertThat(phone.normalise("call me", "SA")).isNull();
  }

  @Test
  void orderNumbersByPattern() {
    FormField order = FormField.pattern("order_number", "p", FlowDefinition.DEFAULT_ORDER_PATTERN, 10);
    assertThat(order.normalise("12345678#", null)).isEqualTo("12345678");
    assertThat(order.normalise("ord-123456", null)).isEqualTo("ORD-123456");
    assertThat(order.normalise("my order number is ORD123456 thanks", null)).isEqualTo("ORD123456");
    assertThat(order.normalise("رقم الطلب ١٢٣٤٥٦٧", null)).isEqualTo("1234567");
    assertThat(order.normalise("12345", null)).isNull();
    assertThat(order.normalise("123456789012", null)).isNull();
  }

  @Test
  void digitFieldsFoldArabicIndicDigits() {
    FormField digits = FormField.of("account", "p", FieldType.DIGITS);
    assertThat(digits.normalise("٤٥٦٧#", null)).isEqualTo("4567");
    assertThat(digits.normalise("45a7", null)).isNull();
  }

  @Test
  void theKeywordClassifierNormalisesArabicAndEnglish() {
    IntentClassifier classifier = IntentClassifier.defaultKeywords();
    Classification c = classifier.classify("أُرِيدُ تقديمَ شكوى، المنتـــج وصل تالفاً", Language.ARABIC);
    assertThat(c.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(c.matchedTerms()).contains("شكوى", "تالف");
    assertThat(c.confidence()).isGreaterThan(0.6); // "المنتج" counts for sales too
    Classification prefixed = classifier.classify("بالأسعار والعروض", Language.ARABIC);
    assertThat(prefixed.department()).isEqualTo(Department.SALES);
    Classification phrase = classifier.classify("The screen is NOT WORKING", Language.ENGLISH);
    assertThat(phrase.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(phrase.confidence()).isEqualTo(0.7);
    assertThat(classifier.classify("hello there", Language.ENGLISH)).isEqualTo(Classification.NONE);

    IntentClassifier custom = IntentClassifier.keywords(Map.of(Department.of("billing"), List.of("invoice", "فاتورة")));
    assertThat(custom.classify("سؤال عن الفاتورة", Language.ARABIC).department()).isEqualTo(Department.of("billing"));
  }
}
