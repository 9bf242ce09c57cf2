package dev.callcenter.rules.internal;

import java.util.ArrayList;
import java.util.List;

/** Whole-string normalisation built on {@link CharFolding}; used off the hot path (compile, display, tests). */
public final class TextFolding {
  private TextFolding() {}

  /**
   * The normalised text: folded words separated by one space, a clause break written as {@code ", "}, no
   * leading or trailing separators. Idempotent.
   */
  public static String normalize(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    boolean pendingClause = false;
    for (int i = 0; i < text.length(); i++) {
      char f = CharFolding.fold(text.charAt(i));
      if (f == CharFolding.IGNORE) {
        continue;
      }
      if (f == CharFolding.SPACE) {
        pendingSpace = true;
      } else if (f == CharFolding.CLAUSE) {
        pendingClause = true;
      } else {
        if (out.length() > 0) {
          if (pendingClause) {
            out.append(", ");
          } else if (pendingSpace) {
            out.append(' ');
          }
        }
        pendingSpace = false;
        pendingClause = false;
        out.append(f);
      }
    }
    return out.toString();
  }

  /** The folded words of a text, clause breaks dropped. */
  public static List<String> words(CharSequence text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char f = i < text.length() ? CharFolding.fold(text.charAt(i)) : CharFolding.SPACE;
      if (f == CharFolding.IGNORE) {
        continue;
      }
      if (f == CharFolding.SPACE || f == CharFolding.CLAUSE) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(f);
      }
    }
    return words;
  }
}
