package dev.callcenter.sip.extension;

import dev.callcenter.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an extension password must look like. Messages about a password never repeat it.
 *
 * @param minLength at least this many characters
 * @param maxLength at most this many characters
 * @param requireLetter at least one letter
 * @param requireDigit at least one digit
 * @param requireMixedCase at least one upper-case and one lower-case letter
 * @param forbidExtcode the password may not contain the extension code
 */
public record PasswordPolicy(
    int minLength, int maxLength, boolean requireLetter, boolean requireDigit, boolean requireMixedCase,
    boolean forbidExtcode) {

  /** 10 to 128 characters, a letter and a digit, not containing the extension code, not a well-known password. */
  public static final PasswordPolicy DEFAULT = new PasswordPolicy(10, 128, true, true, false, true);

  private static final Set<String> WELL_KNOWN = Set.of("password", "password1", "password123", "1234567890",
      "qwertyuiop", "qwerty123", "letmein123", "welcome123", "admin12345", "changeme123", "abc1234567",
      "1q2w3e4r5t", "passw0rd123");

  public PasswordPolicy {
    if (minLength < 1) {
      throw InvalidInputException.of("minLength", "must be at least 1, was %d", minLength);
    }
    if (maxLength < minLength || maxLength > 1024) {
      throw InvalidInputException.of("maxLength", "must be between minLength (%d) and 1024, was %d", minLength,
          maxLength);
    }
  }

  /** What is wrong with {@code password} for extension {@code extcode}; empty when it is acceptable. */
  public List<String> problems(String extcode, @Nullable String password) {
    List<String> out = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      out.add("must not be empty");
      return out;
    }
    int length = password.codePointCount(0, password.length());
    if (length < minLength) {
      out.add("must be at least " + minLength + " characters");
    }
    if (length > maxLength) {
      out.add("must be at most " + maxLength + " characters");
    }
    if (password.chars().anyMatch(Character::isISOControl)) {
      out.add("must not contain control characters");
    }
    if (requireLetter && password.codePoints().noneMatch(Character::isLetter)) {
      out.add("must contain a letter");
    }
    if (requireDigit && password.codePoints().noneMatch(Character::isDigit)) {
      out.add("must contain a digit");
    }
    if (requireMixedCase && (password.codePoints().noneMatch(Character::isUpperCase)
        || password.codePoints().noneMatch(Character::isLowerCase))) {
      out.add("must contain upper-case and lower-case letters");
    }
    if (forbidExtcode && extcode != null && !extcode.isEmpty()
        && password.toLowerCase(Locale.ROOT).contains(extcode.toLowerCase(Locale.ROOT))) {
      out.add("must not contain the extension code");
    }
    if (WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))) {
      out.add("is a well-known password");
    }
    return out;
  }
}
