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
  /** What {@link #normalised} gives for a char that is not part of a word. */
  private static final char SEPARATOR = '\u0000';
  /** What {@link #normalised} gives for a char that is left out without ending a word. */
  private static final char DROPPED = '\uFFFF';
  /** {@link #normalised} of every char below U+0700 (ASCII, Latin, Greek, Cyrillic, Arabic), worked out once. */
  private static final char[] NORMALISED = new char[0x0700];

  static {
    for (char c = 0; c < NORMALISED.length; c++) {
      NORMALISED[c] = normalisedFromRules(c);
    }
  }

  private TextNormalizer() {}

  /** {@code c} as it appears in a word, {@link #SEPARATOR} when it ends a word, {@link #DROPPED} when left out. */
  private static char normalised(char c) {
    return c < NORMALISED.length ? NORMALISED[c] : normalisedFromRules(c);
  }

  private static char normalisedFromRules(char c) {
    if (dropped(c)) {
      return DROPPED;
    }
    char n = fold(c);
    return isWordChar(n) ? lower(n) : SEPARATOR;
  }

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

  /** Whether a folded character is part of a token (a letter or a digit). */
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
      char n = normalised(text.charAt(i));
      if (n == DROPPED) {
        continue;
      }
      if (n != SEPARATOR) {
        out.append(n);
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
    Words words = new Words(text);
    List<String> tokens = new ArrayList<>(words.count());
    for (int i = 0; i < words.count(); i++) {
      tokens.add(words.word(i));
    }
    return tokens;
  }

  /** The normalised words of {@code text} as ranges of one char array: for matching without a String per word. */
  public static Words words(String text) {
    return new Words(text);
  }

  /**
   * The words of a text (those of {@link #tokens}), normalised into one char array, each also with the range left
   * after {@link #stripPrefix} and {@link #stripSuffix}.
   *
   * <p>Letters are lower-cased one char at a time, which for the letters and digits kept is what
   * {@code toLowerCase(Locale.ROOT)} of the whole word gives (its only context rules, for capital sigma and dotted
   * capital I, never see those letters: they were lowered already); a test holds this for every char.
   */
  public static final class Words {
    private final char[] chars;
    /** Per word: start, end, and start and end without the clitic prefix and accusative alef. */
    private int[] bounds = new int[32];
    private int count;

    private Words(String text) {
      int length = text.length();
      chars = text.toCharArray(); // normalised in place: a word char is written at or before where it was read
      int w = 0;
      int start = -1; // of the word being read, or -1 between words
      for (int i = 0; i < length; i++) {
        char n = normalised(chars[i]);
        if (n == DROPPED) {
          continue;
        }
        if (n != SEPARATOR) {
          if (start < 0) {
            start = w;
          }
          chars[w++] = n;
        } else if (start >= 0) {
          add(start, w);
          start = -1;
        }
      }
      if (start >= 0) {
        add(start, w);
      }
    }

    private void add(int start, int end) {
      if (4 * count == bounds.length) {
        bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
      }
      int bareStart = start + prefixLength(chars, start, end);
      int bareEnd = end - (endsInAccusativeAlef(chars, bareStart, end) ? 1 : 0);
      int b = 4 * count++;
      bounds[b] = start;
      bounds[b + 1] = end;
      bounds[b + 2] = bareStart;
      bounds[b + 3] = bareEnd;
    }

    public int count() {
      return count;
    }

    /** Word {@code i} as a String. */
    public String word(int i) {
      return new String(chars, bounds[4 * i], bounds[4 * i + 1] - bounds[4 * i]);
    }

    /** Whether word {@code i} loses a clitic prefix or an accusative alef when stripped. */
    public boolean hasAffix(int i) {
      return bounds[4 * i + 2] != bounds[4 * i] || bounds[4 * i + 3] != bounds[4 * i + 1];
    }

    /** Whether word {@code i} is {@code term}. */
    public boolean is(int i, char[] term) {
      return java.util.Arrays.equals(chars, bounds[4 * i], bounds[4 * i + 1], term, 0, term.length);
    }

    /** Whether word {@code i} is {@code term} once its clitic prefix and accusative alef are stripped. */
    public boolean strippedIs(int i, char[] term) {
      return java.util.Arrays.equals(chars, bounds[4 * i + 2], bounds[4 * i + 3], term, 0, term.length);
    }

    /** {@link #hash(char[], int, int)} of word {@code i}. */
    public int hash(int i) {
      return hash(chars, bounds[4 * i], bounds[4 * i + 1]);
    }

    /** {@link #hash(char[], int, int)} of word {@code i} stripped of its clitic prefix and accusative alef. */
    public int strippedHash(int i) {
      return hash(chars, bounds[4 * i + 2], bounds[4 * i + 3]);
    }

    /**
     * A hash of the word {@code chars[from, to)} from its length and its first, middle and last chars: enough to
     * spread a dictionary's words, and cheaper than a hash over every char.
     */
    public static int hash(char[] chars, int from, int to) {
      int length = to - from;
      if (length == 0) {
        return 0;
      }
      return ((chars[from] * 31 + chars[from + length / 2]) * 31 + chars[to - 1]) * 31 + length;
    }
  }

  /** How many words {@link #tokens} would return, counting up to {@code limit + 1} and allocating nothing. */
  public static int countTokens(String text, int limit) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char n = normalised(text.charAt(i));
      if (n == DROPPED) {
        continue;
      }
      if (n != SEPARATOR) {
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
    return endsInAccusativeAlef(token.toCharArray(), 0, token.length()) ? token.substring(0, token.length() - 1)
        : token;
  }

  /** The token without its first Arabic clitic prefix (و، ب، ل، ف، ال and their combinations), or itself. */
  public static String stripPrefix(String token) {
    int p = prefixLength(token.toCharArray(), 0, token.length());
    return p == 0 ? token : token.substring(p);
  }

  private static boolean endsInAccusativeAlef(char[] chars, int start, int end) {
    return end - start > 3 && chars[end - 1] == 'ا' && chars[start] >= '\u0600' && chars[start] <= '\u06FF';
  }

  /**
   * The length of the first clitic prefix of the word {@code chars[start, end)} that leaves at least two letters, 0
   * when it has none. The prefixes, tried in this order: وال بال كال فال, then لل and ال, then و ب ل ف.
   */
  private static int prefixLength(char[] chars, int start, int end) {
    int length = end - start;
    if (length < 3) {
      return 0;
    }
    char first = chars[start];
    char second = chars[start + 1];
    if (length >= 5 && (first == 'و' || first == 'ب' || first == 'ك' || first == 'ف') && second == 'ا'
        && chars[start + 2] == 'ل') {
      return 3;
    }
    if (length >= 4 && (first == 'ل' || first == 'ا') && second == 'ل') {
      return 2;
    }
    return first == 'و' || first == 'ب' || first == 'ل' || first == 'ف' ? 1 : 0;
  }
}
