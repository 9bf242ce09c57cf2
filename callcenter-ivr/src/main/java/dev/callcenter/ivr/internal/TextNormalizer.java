package dev.callcenter.ivr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises Arabic and English text for matching: lower case; Arabic diacritics (harakat, superscript alef) and
 * tatweel removed; alef forms (أ إ آ ٱ) to ا, ى and ئ to ي, ؤ to و, ة to ه; Arabic-Indic and Persian digits to
 * ASCII; punctuation to spaces.
 */
public final class TextNormalizer {
  private static final String[] PREFIXES = {"وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف"};

  private TextNormalizer() {}

  /** Whether {@code c} is dropped (Arabic diacritics, superscript alef, tatweel). */
  private static boolean dropped(char c) {
    return (c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640';
  }

  /** The character {@code c} normalised (not for dropped characters). */
  private static char fold(char c) {
    char n = switch (c) {
      case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
      case 'ى', 'ئ' -> 'ي';
      case 'ؤ' -> 'و';
      case 'ة' -> 'ه';
      default -> c;
    };
    if (n >= '\u0660' && n <= '\u0669') {
      n = (char) ('0' + (n - '\u0660'));
    } else if (n >= '\u06F0' && n <= '\u06F9') {
      n = (char) ('0' + (n - '\u06F0'));
    }
    return n;
  }

  /** Whether a folded character is part of a token; ASCII and Arabic letters answered without a table look-up. */
  private static boolean isWordChar(char n) {
    if (n < 0x80) {
      return (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || (n >= '0' && n <= '9');
    }
    if (n >= '\u0621' && n <= '\u064A') {
      return n != '\u0640'; // Arabic letters (tatweel is dropped before)
    }
    return Character.isLetterOrDigit(n);
  }

  private static char lower(char n) {
    if (n < 0x80) {
      return n >= 'A' && n <= 'Z' ? (char) (n + ('a' - 'A')) : n;
    }
    if (n >= '\u0600' && n <= '\u06FF') { // Arabic has no letter case: skip the Unicode table
      return n;
    }
    return Character.toLowerCase(n);
  }

  public static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (dropped(c)) {
        continue;
      }
      char n = fold(c);
      if (isWordChar(n)) {
        out.append(lower(n));
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The normalised words of {@code text} (the words of {@link #normalise}), found in one pass without building the
   * normalised text first.
   */
  public static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>(8);
    int length = text.length();
    char[] word = null;
    int w = 0;
    boolean plain = true; // only ASCII and Arabic: per-character lower case is the whole story
    for (int i = 0; i <= length; i++) {
      char c = i == length ? ' ' : text.charAt(i);
      if (dropped(c)) {
        continue;
      }
      char n = fold(c);
      if (i < length && isWordChar(n)) {
        if (word == null) {
          word = new char[Math.min(length, 64)];
        } else if (w == word.length) {
          word = java.util.Arrays.copyOf(word, word.length * 2);
        }
        plain &= n < 0x80 || (n >= '\u0621' && n <= '\u064A');
        word[w++] = lower(n);
      } else if (w > 0) {
        String token = new String(word, 0, w);
        tokens.add(plain ? token : token.toLowerCase(Locale.ROOT));
        w = 0;
        plain = true;
      }
    }
    return tokens;
  }

  /** How many words {@link #tokens} would return, counting up to {@code limit + 1} and allocating nothing. */
  public static int countTokens(String text, int limit) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (dropped(c)) {
        continue;
      }
      if (isWordChar(fold(c))) {
        if (!inWord) {
          inWord = true;
          if (++count > limit) {
            return count;
          }
        }
      } else {
        inWord = false;
      }
    }
    return count;
  }

  /** The token without the alef of an accusative ending (تالفاً → تالف), or itself. */
  public static String stripSuffix(String token) {
    int n = token.length();
    if (n > 3 && token.charAt(n - 1) == 'ا' && token.charAt(0) >= '\u0600' && token.charAt(0) <= '\u06FF') {
      return token.substring(0, n - 1);
    }
    return token;
  }

  /** The token without its first Arabic clitic prefix (و، ب، ل، ف، ال and their combinations), or itself. */
  public static String stripPrefix(String token) {
    if (token.length() < 3) {
      return token;
    }
    char first = token.charAt(0); // every prefix starts with one of these letters
    if (first != 'و' && first != 'ب' && first != 'ك' && first != 'ف' && first != 'ل' && first != 'ا') {
      return token;
    }
    for (String p : PREFIXES) {
      if (token.startsWith(p) && token.length() - p.length() >= 2) {
        return token.substring(p.length());
      }
    }
    return token;
  }
}
