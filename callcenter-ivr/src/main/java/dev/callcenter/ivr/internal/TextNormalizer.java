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

  public static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640') {
        continue;
      }
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
      if (Character.isLetterOrDigit(n)) {
        out.append(Character.toLowerCase(n));
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

  public static List<String> tokens(String text) {
    String n = normalise(text);
    List<String> tokens = new ArrayList<>();
    if (n.isEmpty()) {
      return tokens;
    }
    for (String t : n.split(" ")) {
      tokens.add(t);
    }
    return tokens;
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
    for (String p : PREFIXES) {
      if (token.startsWith(p) && token.length() - p.length() >= 2) {
        return token.substring(p.length());
      }
    }
    return token;
  }
}
