package dev.callcenter.rules.internal;

/**
 * Folds one character of Arabic or English text to its normalised form, so that normalisation happens inside
 * the scan instead of in a separate pass. Alef forms become bare alef, alef maqsura becomes ya, ta marbuta
 * becomes ha, harakat, tatweel, superscript alef, zero-width and direction marks are dropped, Arabic-Indic and
 * Persian digits become ASCII, Latin letters are lower-cased.
 */
public final class CharFolding {
  /** The character is dropped (diacritic, tatweel, zero-width or direction mark, apostrophe). */
  public static final char IGNORE = '\u0000';
  /** The character separates words. */
  public static final char SPACE = ' ';
  /** The character ends a clause: it separates words, ends negation scope and breaks phrases. */
  public static final char CLAUSE = ',';

  /** Every char's folded form, precomputed from {@link #computeSlow} so that the scan's fold is one load. */
  private static final char[] TABLE = new char[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char f = computeSlow((char) c);
      // the scan tells word characters from the markers with one comparison (isWordChar)
      if (f != IGNORE && f != SPACE && f != CLAUSE && f <= CLAUSE) {
        throw new IllegalStateException("U+" + Integer.toHexString(c) + " folds below the markers");
      }
      TABLE[c] = f;
    }
  }

  private CharFolding() {}

  /** The folded character, or {@link #IGNORE}, {@link #SPACE} or {@link #CLAUSE}. */
  public static char fold(char c) {
    return TABLE[c];
  }

  /** Whether a folded character belongs to a word: none of {@link #IGNORE}, {@link #SPACE}, {@link #CLAUSE}. */
  public static boolean isWordChar(char folded) {
    return folded > CLAUSE;
  }

  private static char foldHigh(char c) {
    if ((c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\uFEFF' || c == '\u2018' || c == '\u2019' || c == '\u00AD') {
      return IGNORE;
    }
    if (c == '\u2026' || c == '\u3002' || c == '\uFF0C' || c == '\uFF1F' || c == '\uFF01') {
      return CLAUSE;
    }
    if (c >= '\u06F0' && c <= '\u06F9') {
      return (char) ('0' + (c - '\u06F0'));
    }
    if (c == '\u06A9') {
      return '\u0643';
    }
    if (c == '\u06CC') {
      return '\u064A';
    }
    if ((c >= '\u06D6' && c <= '\u06ED')) {
      return IGNORE;
    }
    if (Character.isLetterOrDigit(c)) {
      return Character.toLowerCase(c);
    }
    if (Character.getType(c) == Character.NON_SPACING_MARK) {
      return IGNORE;
    }
    return SPACE;
  }

  private static char computeSlow(char c) {
    switch (c) {
      case '.': case ',': case ';': case ':': case '!': case '?': case '\n': case '\r':
      case '\u060C': case '\u061B': case '\u061F': case '\u06D4':
        return CLAUSE;
      case '\'': case '`': case '\u00AD': case '\u061C':
        return IGNORE;
      case '\u0622': case '\u0623': case '\u0625': case '\u0671':
        return '\u0627';
      case '\u0649':
        return '\u064A';
      case '\u0629':
        return '\u0647';
      case '\u0640': case '\u0670':
        return IGNORE;
      default:
        break;
    }
    if (c >= '\u064B' && c <= '\u065F') {
      return IGNORE;
    }
    if (c >= '\u0610' && c <= '\u061A') {
      return IGNORE;
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return (char) ('0' + (c - '\u0660'));
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + ('a' - 'A'));
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      return c;
    }
    if (c < 0x80) {
      return SPACE;
    }
    return foldHigh(c);
  }

  /** Whether a folded character is a Latin letter, to which English suffix folding applies. */
  public static boolean isLatin(char folded) {
    return folded >= 'a' && folded <= 'z';
  }

  /** Whether a folded character is an Arabic letter, to which Arabic prefix folding applies. */
  public static boolean isArabic(char folded) {
    return folded >= '\u0621' && folded <= '\u064A';
  }
}
