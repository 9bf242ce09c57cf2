package dev.callcenter.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.Digits;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A valid telephone number in E.164 form ({@code +966501234567}).
 *
 * <p>{@link #parse} accepts what people and phones actually send: Arabic-Indic ({@code ٠١٢٣٤٥٦٧٨٩}) and Persian
 * ({@code ۰۱۲۳۴۵۶۷۸۹}) digits, spaces, dashes, dots, brackets, and the {@code 00} international prefix. Validation
 * and formatting are libphonenumber's.
 *
 * @param e164 the number in E.164 form
 */
public record PhoneNumber(@JsonValue String e164) {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  public PhoneNumber {
    Checks.notBlank(e164, "phone");
    if (!toE164(e164, null).equals(e164)) {
      throw InvalidInputException.of("phone", "must be in E.164 form such as +966501234567, was '%s'",
          Checks.abbreviate(e164));
    }
  }

  /** Parses a number written in international form ({@code +966 50 123 4567} or {@code 00966...}). */
  @JsonCreator
  public static PhoneNumber parse(String text) {
    return parse(text, null);
  }

  /**
   * Parses a number; one without a country code is read as a number of {@code defaultRegion} (ISO 3166
   * two-letter code such as {@code SA}), or rejected when that is null.
   *
   * @throws InvalidInputException naming the field {@code phone} when the text is not a valid number
   */
  public static PhoneNumber parse(String text, @Nullable String defaultRegion) {
    return new PhoneNumber(toE164(text, defaultRegion));
  }

  private static String toE164(String text, @Nullable String defaultRegion) {
    Checks.notBlank(text, "phone");
    String digits = Digits.toAscii(text).trim();
    if (digits.startsWith("00")) {
      digits = "+" + digits.substring(2);
    }
    String region = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
    Phonenumber.PhoneNumber number;
    try {
      number = UTIL.parse(digits, region);
    } catch (NumberParseException e) {
      String why = defaultRegion == null && !digits.startsWith("+")
          ? "must start with + and a country code (no default region given)"
          : "is not a phone number (" + e.getErrorType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
      throw InvalidInputException.of("phone", "%s, was '%s'", why, Checks.abbreviate(text));
    }
    if (!UTIL.isValidNumber(number)) {
      throw InvalidInputException.of("phone", "is not a valid number for its country, was '%s'",
          Checks.abbreviate(text));
    }
    return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
  }

  /** ISO 3166 region of the number, for example {@code SA}. */
  public String region() {
    try {
      return UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
    } catch (NumberParseException e) {
      throw new IllegalStateException("stored E.164 number no longer parses: " + e164, e);
    }
  }

  /** The last {@code n} digits, for verification prompts ("the last four digits of your number"). */
  public String lastDigits(int n) {
    return e164.substring(Math.max(1, e164.length() - n));
  }

  @Override
  public String toString() {
    return e164;
  }
}
