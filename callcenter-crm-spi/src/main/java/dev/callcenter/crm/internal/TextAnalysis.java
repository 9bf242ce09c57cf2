package dev.callcenter.crm.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tokenising, Arabic/English normalisation, keywords by term frequency and an extractive summary. Pure
 * functions; not public API.
 */
public final class TextAnalysis {
  private static final Set<String> STOP_WORDS = Set.of(
      // English
      "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does", "for",
      "from", "had", "has", "have", "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
      "just", "me", "my", "no", "not", "of", "on", "or", "our", "please", "she", "so", "that", "the", "their",
      "them", "then", "there", "they", "this", "to", "too", "up", "us", "very", "was", "we", "were", "what",
      "when", "which", "who", "will", "with", "would", "you", "your", "yes", "hello", "hi", "thanks", "thank",
      "okay", "ok", "im", "dont", "ive", "about", "any", "some", "get", "got", "also", "all", "one",
      // Arabic (normalised forms)
      "في", "من", "الي", "علي", "عن", "مع", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "انا", "انت", "نحن", "هم",
      "ان", "او", "ثم", "لا", "لم", "لن", "ما", "ماذا", "كيف", "هل", "قد", "كان", "كانت", "يا", "و", "لو", "اذا",
      "عند", "كل", "بعد", "قبل", "الذي", "التي", "اي", "لي", "لك", "شكرا", "مرحبا", "نعم", "ايضا", "فقط", "بس");

  private TextAnalysis() {}

  /** Folds Arabic letter variants and drops diacritics and tatweel; lower-cases Latin letters. */
  public static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\u064B' && c <= '\u065F') || c == '\u0640' || c == '\u0670') {
        continue;
      }
      switch (c) {
        case '\u0623', '\u0625', '\u0622', '\u0671' -> out.append('\u0627');
        case '\u0649' -> out.append('\u064A');
        case '\u0629' -> out.append('\u0647');
        default -> out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** The normalised words of {@code text}: runs of letters and digits. */
  public static List<String> tokens(String text) {
    String normal = normalise(text);
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= normal.length(); i++) {
      boolean word = i < normal.length() && (Character.isLetterOrDigit(normal.charAt(i)) || normal.charAt(i) == '\'');
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        String token = normal.substring(start, i).replace("'", "");
        if (!token.isEmpty()) {
          out.add(token);
        }
        start = -1;
      }
    }
    return out;
  }

  public static boolean isStopWord(String token) {
    return STOP_WORDS.contains(token);
  }

  /** Words worth counting: not stop words, at least three characters, not all digits. */
  static boolean isContentWord(String token) {
    return token.length() >= 3 && !STOP_WORDS.contains(token) && !token.chars().allMatch(Character::isDigit)
        && !stripArticle(token).isEmpty() && !STOP_WORDS.contains(stripArticle(token));
  }

  /** Drops the Arabic definite article so that "الطلب" and "طلب" count as one word. */
  static String stripArticle(String token) {
    return token.startsWith("\u0627\u0644") && token.length() > 4 ? token.substring(2) : token;
  }

  /** Content-word frequencies over {@code texts}, keyed by the (article-stripped) normalised word. */
  static Map<String, Integer> frequencies(List<String> texts) {
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      for (String token : tokens(text)) {
        if (isContentWord(token)) {
          counts.merge(stripArticle(token), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** The {@code limit} most frequent content words, most frequent first (ties alphabetically). */
  public static List<String> keywords(List<String> texts, int limit) {
    return frequencies(texts).entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).map(Map.Entry::getKey).toList();
  }

  /** Splits text into sentences at . ! ? ؟ and newlines. */
  static List<String> sentences(String text) {
    return java.util.Arrays.stream(text.split("(?<=[.!?\u061F\u06D4])\\s+|\\n+"))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * An extractive summary: the {@code limit} sentences whose content words are most frequent across all texts
   * (score divided by the square root of their length so that long sentences do not win by size), in their
   * original order.
   */
  public static List<String> summary(List<String> texts, int limit) {
    Map<String, Integer> freq = frequencies(texts);
    List<String> all = texts.stream().flatMap(t -> sentences(t).stream()).toList();
    Map<Integer, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      List<String> words = tokens(all.get(i)).stream().filter(TextAnalysis::isContentWord)
          .map(TextAnalysis::stripArticle).toList();
      double score = words.stream().mapToInt(w -> freq.getOrDefault(w, 0)).sum() / Math.sqrt(words.size() + 1.0);
      scores.put(i, score);
    }
    Set<Integer> chosen = scores.entrySet().stream()
        .sorted(Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).map(Map.Entry::getKey).collect(Collectors.toSet());
    return IntStream.range(0, all.size()).filter(chosen::contains).mapToObj(all::get).toList();
  }
}
