package dev.callcenter.rules;

import dev.callcenter.rules.internal.TextFolding;

/**
 * The normalisation the keyword router applies while it scans, as a whole-string function for display, logs
 * and tests. Arabic: alef forms آ أ إ ٱ become ا, ى becomes ي, ة becomes ه, tatweel, harakat and superscript
 * alef are removed; zero-width and direction marks are ignored; Arabic-Indic and Persian digits become ASCII;
 * ، ؛ ؟ separate clauses. English: letters are lower-cased. Words are separated by one space and clauses by
 * {@code ", "}. The function is idempotent.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  public static String normalize(CharSequence text) {
    return TextFolding.normalize(text);
  }
}
