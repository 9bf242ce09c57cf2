package dev.callcenter.crm.internal;

import dev.callcenter.core.Language;
import dev.callcenter.crm.SentimentScorer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A small Arabic and English sentiment word list. Each polar word counts +1 or -1 (flipped when one of the two
 * words before it is a negation); the score is the sum divided by the number of polar words, so it stays within
 * -1..1.
 */
public enum LexiconSentiment implements SentimentScorer {
  INSTANCE;

  private static final Set<String> POSITIVE = normalised(Stream.of(
      "good", "great", "excellent", "happy", "thanks", "thank", "perfect", "love", "wonderful", "helpful",
      "resolved", "satisfied", "pleased", "amazing", "fantastic", "appreciate", "nice", "fast", "quick", "glad",
      "شكرا", "ممتاز", "رائع", "جيد", "جميل", "سعيد", "راضي", "مشكور", "تمام", "ممتازه", "سريع", "احسنت",
      "اشكرك", "حلو", "مبسوط"));
  private static final Set<String> NEGATIVE = normalised(Stream.of(
      "bad", "terrible", "awful", "angry", "upset", "broken", "late", "delay", "delayed", "worst", "horrible",
      "disappointed", "problem", "complaint", "complain", "wrong", "refund", "cancel", "hate", "slow",
      "useless", "rude", "damaged", "missing", "unacceptable", "frustrated", "annoyed",
      "سيء", "سيئ", "سيئه", "مشكله", "شكوى", "غاضب", "زعلان", "متاخر", "تاخير", "خطا", "تالف", "مكسور",
      "اسوا", "بطيء", "مزعج", "رديء", "الغاء", "استرجاع", "خربان", "ناقص"));
  private static final Set<String> NEGATIONS = normalised(Stream.of(
      "not", "no", "never", "isn't", "isnt", "wasn't", "wasnt", "don't", "dont", "didn't", "didnt", "cannot",
      "can't", "cant", "لا", "لم", "لن", "ليس", "مش", "ما", "مو", "غير", "مب"));

  private static Set<String> normalised(Stream<String> words) {
    return words.map(w -> String.join("", TextAnalysis.tokens(w))).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public double score(String text, @Nullable Language language) {
    List<String> tokens = TextAnalysis.tokens(text);
    int polar = 0;
    int sum = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int value = polarity(tokens.get(i));
      if (value == 0) {
        continue;
      }
      if (negated(tokens, i)) {
        value = -value;
      }
      polar++;
      sum += value;
    }
    return polar == 0 ? 0 : (double) sum / polar;
  }

  private static int polarity(String token) {
    String bare = TextAnalysis.stripArticle(token);
    if (POSITIVE.contains(token) || POSITIVE.contains(bare)) {
      return 1;
    }
    if (NEGATIVE.contains(token) || NEGATIVE.contains(bare)) {
      return -1;
    }
    return 0;
  }

  private static boolean negated(List<String> tokens, int index) {
    for (int j = Math.max(0, index - 2); j < index; j++) {
      if (NEGATIONS.contains(tokens.get(j))) {
        return true;
      }
    }
    return false;
  }
}
