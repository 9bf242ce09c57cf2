package dev.callcenter.ivr.internal;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.internal.Digits;
import dev.callcenter.ivr.FormField;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validation and normalisation of what callers answer. */
public final class Answers {
  private static final Set<String> YES = Set.of("1", "yes", "y", "yeah", "yep", "sure", "ok", "okay", "correct",
      "right", "نعم", "ايوه", "ايوا", "اي", "اجل", "اكيد", "بالتاكيد", "صح", "صحيح", "تمام", "موافق");
  private static final Set<String> NO = Set.of("2", "no", "n", "nope", "not", "wrong", "لا", "كلا", "ابدا",
      "خطا", "غلط", "مش");
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private Answers() {}

  /** {@code yes}, {@code no}, or null when the answer is neither (or both). */
  public static @Nullable String yesNo(String answer) {
    boolean yes = false;
    boolean no = false;
    for (String token : TextNormalizer.tokens(stripTerminator(answer))) {
      yes |= YES.contains(token);
      no |= NO.contains(token);
    }
    return yes == no ? null : yes ? "yes" : "no";
  }

  /** Keys or text with Arabic-Indic digits folded, the '#' terminator and spaces and dashes between digits gone. */
  public static String digitsOnly(String answer) {
    String folded = Digits.toAscii(stripTerminator(answer)).strip();
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= '0' && c <= '9' || (c == '+' && out.length() == 0)) {
        out.append(c);
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return "";
      }
    }
    return out.toString();
  }

  public static String stripTerminator(String answer) {
    String s = answer.strip();
    return s.endsWith("#") ? s.substring(0, s.length() - 1) : s;
  }

  public static @Nullable String phone(String answer, @Nullable String region) {
    String digits = digitsOnly(answer);
    if (digits.length() < 6) {
      return null;
    }
    try {
      return PhoneNumber.parse(digits, region).e164();
    } catch (InvalidInputException e) {
      return null;
    }
  }

  public static @Nullable String normalise(FormField field, String answer, @Nullable String region) {
    String raw = stripTerminator(answer);
    if (raw.isBlank()) {
      return null;
    }
    return switch (field.type()) {
      case PHONE -> phone(raw, region);
      case YES_NO -> yesNo(raw);
      case DIGITS -> {
        String d = digitsOnly(raw);
        yield d.isEmpty() || d.startsWith("+") ? null : d;
      }
      case TEXT -> {
        String t = Digits.toAscii(raw).strip();
        yield t.length() > 500 ? t.substring(0, 500) : t;
      }
      case PATTERN -> pattern(field.pattern(), raw);
    };
  }

  private static @Nullable String pattern(@Nullable String regex, String raw) {
    if (regex == null) {
      return null;
    }
    Pattern p = PATTERNS.computeIfAbsent(regex,
        r -> Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + r + ")(?![\\p{L}\\p{N}])"));
    String folded = Digits.toAscii(raw).strip().toUpperCase(Locale.ROOT);
    if (p.matcher(folded).matches()) {
      return folded;
    }
    Matcher m = p.matcher(folded);
    return m.find() ? m.group() : null;
  }
}
