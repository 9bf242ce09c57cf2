package dev.callcenter.crm;

import dev.callcenter.core.Language;
import dev.callcenter.crm.internal.LexiconSentiment;
import org.jspecify.annotations.Nullable;

/**
 * Scores the sentiment of one message: the seam for a better model (a rules-module lexicon, a cloud service).
 * Must be thread-safe and quick; a scorer that throws is logged and the message scored 0.
 */
@FunctionalInterface
public interface SentimentScorer {
  /**
   * The sentiment of {@code text}, from -1 (negative) through 0 (neutral) to 1 (positive).
   *
   * @param language the message's language when known
   */
  double score(String text, @Nullable Language language);

  /** A small built-in Arabic and English word list with negation ("not happy", "مش راضي"). */
  static SentimentScorer lexicon() {
    return LexiconSentiment.INSTANCE;
  }
}
