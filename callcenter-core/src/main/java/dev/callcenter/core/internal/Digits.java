package dev.callcenter.core.internal;

/** Folds Arabic-Indic (U+0660..0669) and Persian (U+06F0..06F9) digits to ASCII. Not public API. */
public final class Digits {
  private Digits() {}

  /** The ASCII value of a digit in any of the three scripts, or -1. */
  public static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return c - '\u0660';
    }
    if (c >= '\u06F0' && c <= '\u06F9') {
      return c - '\u06F0';
    }
    return -1;
  }

  public static String toAscii(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int v = value(c);
      if (v >= 0 && c > '9') {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append((char) ('0' + v));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
