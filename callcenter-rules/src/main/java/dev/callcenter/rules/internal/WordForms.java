package dev.callcenter.rules.internal;

/**
 * Folds word forms so that a keyword matches its simple variants: English plural and simple suffixes
 * ({@code complaints}, {@code refunded}, {@code billing}) and Arabic clitic prefixes ({@code و}, {@code ال},
 * {@code بال}, {@code لل} ...). Works on folded characters in a caller-owned buffer, allocation-free.
 */
public final class WordForms {
  /** Arabic prefixes tried, longest first, when a token is not found as it is (folded forms). */
  static final char[][] ARABIC_PREFIXES = {
      "\u0648\u0627\u0644".toCharArray(), // وال
      "\u0628\u0627\u0644".toCharArray(), // بال
      "\u0641\u0627\u0644".toCharArray(), // فال
      "\u0643\u0627\u0644".toCharArray(), // كال
      "\u0644\u0644".toCharArray(), // لل
      "\u0627\u0644".toCharArray(), // ال
      "\u0648".toCharArray(), // و
      "\u0641".toCharArray(), // ف
      "\u0628".toCharArray(), // ب
      "\u0644".toCharArray(), // ل
  };

  /** {@link #ARABIC_PREFIXES} by their first letter (index: letter - U+0621), in the same order. */
  private static final char[][][] PREFIXES_BY_FIRST = new char['\u064A' - '\u0621' + 1][][];

  static {
    for (int i = 0; i < PREFIXES_BY_FIRST.length; i++) {
      char first = (char) ('\u0621' + i);
      PREFIXES_BY_FIRST[i] = java.util.Arrays.stream(ARABIC_PREFIXES).filter(p -> p[0] == first)
          .toArray(char[][]::new);
    }
  }

  private WordForms() {}

  /**
   * The entries of {@link #ARABIC_PREFIXES} that start with {@code first}, an Arabic letter
   * ({@link CharFolding#isArabic}), longest first: trying only these finds what trying the whole list finds.
   */
  static char[][] arabicPrefixes(char first) {
    return PREFIXES_BY_FIRST[first - '\u0621'];
  }

  /**
   * Strips English suffixes from {@code word[0..length)} in place and returns the length of the stem. The same
   * function folds dictionary words when compiled, so both sides meet at the same stem.
   */
  public static int englishStem(char[] b, int length) {
    int n = length;
    if (n > 3 && b[n - 1] == 's') {
      char p = b[n - 2];
      if (p == 'e' && n > 4 && b[n - 3] == 'i') { // -ies -> -y
        b[n - 3] = 'y';
        n -= 2;
      } else if (p == 'e' && n > 4 && b[n - 3] == 's' && b[n - 4] == 's') { // -sses -> -ss
        n -= 2;
      } else if (p == 'e' && (b[n - 3] == 'x' || b[n - 3] == 'z'
          || (b[n - 3] == 'h' && n > 4 && (b[n - 4] == 'c' || b[n - 4] == 's')))) { // -xes -zes -ches -shes
        n -= 2;
      } else if (p != 's' && p != 'u' && p != 'i') {
        n -= 1;
      }
    }
    char last = b[n - 1];
    if (last == 'g' && n > 5 && b[n - 2] == 'n' && b[n - 3] == 'i') {
      n -= 3;
    } else if (last == 'd' && n > 4 && b[n - 2] == 'e') {
      n -= 2;
    }
    if (n > 3 && b[n - 1] == 'e') {
      n -= 1;
    }
    if (n > 3 && b[n - 1] == b[n - 2] && isConsonant(b[n - 1])) {
      n -= 1;
    }
    return n;
  }

  private static boolean isConsonant(char c) {
    return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u';
  }

  /** Length of the Arabic prefix {@code p} if {@code b[0..n)} starts with it and keeps at least 2 letters. */
  static int prefixLength(char[] b, int n, char[] p) {
    if (n - p.length < 2) {
      return 0;
    }
    for (int i = 0; i < p.length; i++) {
      if (b[i] != p[i]) {
        return 0;
      }
    }
    return p.length;
  }

  /**
   * The canonical form of one already folded dictionary word: English words are stemmed, a leading Arabic
   * definite article is dropped when at least three letters remain.
   */
  public static String canonical(String folded) {
    if (folded.isEmpty()) {
      return folded;
    }
    char first = folded.charAt(0);
    if (CharFolding.isLatin(first)) {
      char[] b = folded.toCharArray();
      return new String(b, 0, englishStem(b, b.length));
    }
    if (CharFolding.isArabic(first) && folded.length() >= 5 && folded.charAt(0) == '\u0627'
        && folded.charAt(1) == '\u0644') {
      return folded.substring(2);
    }
    return folded;
  }
}
