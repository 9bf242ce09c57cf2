package dev.callcenter.ivr;

import dev.callcenter.core.Language;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.ivr.internal.TextNormalizer;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The language of a piece of text, told from its script: mostly Arabic letters is Arabic, mostly Latin letters is
 * English, a mix goes to the majority with a lower confidence.
 *
 * @param language the language, or null when the text has no letters
 * @param confidence 0..1: the majority script's share of the letters, lowered for very short text
 */
public record DetectedLanguage(@Nullable Language language, Script script, double confidence) {
  public enum Script {
    ARABIC,
    LATIN,
    MIXED,
    NONE
  }

  private static final Set<String> ASK_ENGLISH = Set.of("english", "انجليزي", "انجليزيه", "الانجليزيه",
      "بالانجليزي", "بالانجليزيه", "انكليزي", "الانكليزيه", "بالانكليزي");
  private static final Set<String> ASK_ARABIC = Set.of("arabic", "عربي", "العربي", "العربيه", "بالعربي",
      "بالعربيه", "عربيه");

  public DetectedLanguage {
    Checks.notNull(script, "script");
  }

  public static DetectedLanguage of(String text) {
    Checks.notNull(text, "text");
    int arabic = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.ARABIC) {
          arabic++;
        } else if (s == Character.UnicodeScript.LATIN) {
          latin++;
        }
      }
    }
    int letters = arabic + latin;
    if (letters == 0) {
      return new DetectedLanguage(null, Script.NONE, 0);
    }
    double share = (double) Math.max(arabic, latin) / letters;
    double lengthFactor = Math.min(1.0, 0.5 + letters / 8.0);
    Language language = arabic >= latin ? Language.ARABIC : Language.ENGLISH;
    Script script = share >= 0.8 ? (arabic >= latin ? Script.ARABIC : Script.LATIN) : Script.MIXED;
    return new DetectedLanguage(language, script, share * lengthFactor);
  }

  /**
   * The language a caller asks to switch to ("English please", "عربي", "بالعربي لو سمحت"), or null when the text is
   * not such a request (at most five words, one of them naming a language).
   */
  public static @Nullable Language requested(String text) {
    if (text.length() > 80) { // five words, each at most 15 letters: too long to be such a request
      return null;
    }
    int words = TextNormalizer.countTokens(text, 5); // a sentence is turned away before any word is built
    if (words == 0 || words > 5) {
      return null;
    }
    List<String> tokens = TextNormalizer.tokens(text);
    boolean english = false;
    boolean arabic = false;
    for (String t : tokens) {
      english |= ASK_ENGLISH.contains(t);
      arabic |= ASK_ARABIC.contains(t);
    }
    return english == arabic ? null : english ? Language.ENGLISH : Language.ARABIC;
  }
}
