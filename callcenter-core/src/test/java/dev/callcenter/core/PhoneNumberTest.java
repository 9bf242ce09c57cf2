package dev.callcenter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "+966501234567",
      "+966 50 123 4567",
      "+966-50-123-4567",
      "00966501234567",
      "00966 50 123 4567",
      "+966 (50) 123.4567",
      " +966 50 123 4567 ",
      "+٩٦٦٥٠١٢٣٤٥٦٧",            // Arabic-Indic digits
      "+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧",
      "٠٠٩٦٦٥٠١٢٣٤٥٦٧",           // Arabic-Indic with the 00 prefix
      "+۹۶۶۵۰۱۲۳۴۵۶۷",            // Persian digits
      "+966 ٥٠ 123 ۴۵۶۷",         // mixed scripts
      "\u200F+966 50 123 4567",    // right-to-left mark, as Arabic text carries it
      "\u202A+966 50 123 4567\u202C", // left-to-right embedding
      "+966\u00A050\u00A0123\u00A04567", // no-break spaces
      "\uFF0B966501234567",        // full-width plus
  })
  void internationalFormsNormaliseToE164(String text) {
    assertThat(PhoneNumber.parse(text).e164()).isEqualTo("+966501234567");
  }

  @ParameterizedTest
  @CsvSource({
      "0501234567, SA",
      "050-123-4567, sa",
      "٠٥٠١٢٣٤٥٦٧, SA",
      "۰۵۰ ۱۲۳ ۴۵۶۷, SA",
      "+966501234567, US",
  })
  void nationalFormsUseTheDefaultRegion(String text, String region) {
    assertThat(PhoneNumber.parse(text, region).e164()).isEqualTo("+966501234567");
  }

  @Test
  void otherCountriesWork() {
    PhoneNumber london = PhoneNumber.parse("+44 20 7946 0958");
    assertThat(london.e164()).isEqualTo("+442079460958");
    assertThat(london.region()).isEqualTo("GB");
    assertThat(PhoneNumber.parse("+966501234567").region()).isEqualTo("SA");
    assertThat(PhoneNumber.parse("+966501234567").lastDigits(4)).isEqualTo("4567");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0501234567",           // national form without a region
      "+966 12",              // too short
      "+966 50 123 4567 8901 2", // too long
      "+999 501234567",       // no such country code
      "call me maybe",
      "+966 5O1234567x",
  })
  void badNumbersAreRejectedNamingThePhoneField(String text) {
    assertThatThrownBy(() -> PhoneNumber.parse(text))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(InvalidInputException.Violation::field).containsExactly("phone");
          assertThat(e.getMessage()).startsWith("invalid input: phone: ");
        });
  }

  @Test
  void nationalNumberWithoutRegionSaysWhatIsMissing() {
    assertThatThrownBy(() -> PhoneNumber.parse("0501234567"))
        .hasMessageContaining("country code");
  }

  @Test
  void blankAndNullAreRejected() {
    assertThatThrownBy(() -> PhoneNumber.parse(" ")).hasMessageContaining("phone: must not be blank");
    assertThatThrownBy(() -> PhoneNumber.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void longInputIsAbbreviatedInTheMessage() {
    String junk = "x".repeat(10_000);
    assertThatThrownBy(() -> PhoneNumber.parse(junk))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }

  @Test
  void constructorAcceptsOnlyCanonicalE164() {
    assertThat(new PhoneNumber("+966501234567")).isEqualTo(PhoneNumber.parse("00966 50 123 4567"));
    assertThatThrownBy(() -> new PhoneNumber("+966 50 123 4567")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("E.164");
  }
}
