package dev.callcenter.ivr.internal;

import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.ivr.Classification;
import dev.callcenter.ivr.IntentClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small keyword classifier: counts the normalised keywords (single words or phrases) of each department in an
 * utterance, each word also tried without its Arabic clitic prefix and accusative alef. Confidence is the winner's
 * share of all matches, times 0.7 when only one term matched.
 *
 * <p>The utterance is normalised once into a char array ({@link TextNormalizer.Words}); keywords are found by
 * their first word in an open-addressing table probed with the hash of a char range, so classifying makes no
 * String per word.
 */
public final class KeywordClassifier implements IntentClassifier {
  public static final KeywordClassifier DEFAULT = new KeywordClassifier(defaultDictionary());

  /** A keyword: its department's index, its text and its normalised words. */
  private record Keyword(int department, String term, char[][] words) {}

  /** The departments in the order the dictionary names them; keywords refer to them by index. */
  private final List<Department> departments = new ArrayList<>();
  /**
   * Keywords by their first normalised word, in dictionary order: slot {@code s} holds the word
   * {@code firstWords[s]} and its keywords {@code byFirstWord[s]}; linear probing, at most half full.
   */
  private final char[] @Nullable [] firstWords;
  private final int[] firstWordHashes;
  private final Keyword[] @Nullable [] byFirstWord;
  private final int mask;

  public KeywordClassifier(Map<Department, List<String>> keywordsByDepartment) {
    Map<String, List<Keyword>> byFirst = new LinkedHashMap<>();
    keywordsByDepartment.forEach((department, terms) -> {
      int d = departments.indexOf(department);
      if (d < 0) {
        d = departments.size();
        departments.add(department);
      }
      for (String term : terms) {
        List<String> tokens = TextNormalizer.tokens(term);
        if (tokens.isEmpty()) {
          throw InvalidInputException.of("keywords." + department, "keyword '%s' has no letters", term);
        }
        Keyword k = new Keyword(d, term, tokens.stream().map(String::toCharArray).toArray(char[][]::new));
        byFirst.computeIfAbsent(tokens.get(0), t -> new ArrayList<>()).add(k);
      }
    });
    int slots = Integer.highestOneBit(Math.max(4, byFirst.size() * 2)) * 2;
    firstWords = new char[slots][];
    firstWordHashes = new int[slots];
    byFirstWord = new Keyword[slots][];
    mask = slots - 1;
    byFirst.forEach((word, keywords) -> {
      char[] chars = word.toCharArray();
      int hash = TextNormalizer.Words.hash(chars, 0, chars.length);
      int s = slot(hash);
      while (firstWords[s] != null) {
        s = (s + 1) & mask;
      }
      firstWords[s] = chars;
      firstWordHashes[s] = hash;
      byFirstWord[s] = keywords.toArray(Keyword[]::new);
    });
  }

  private int slot(int hash) {
    return (hash ^ (hash >>> 16)) & mask;
  }

  /** The keywords whose first word is word {@code i} of {@code words} (stripped of its affixes when asked). */
  private Keyword @Nullable [] startingWith(TextNormalizer.Words words, int i, boolean stripped) {
    int hash = stripped ? words.strippedHash(i) : words.hash(i);
    for (int s = slot(hash); ; s = (s + 1) & mask) {
      char[] first = firstWords[s];
      if (first == null) {
        return null;
      }
      if (firstWordHashes[s] == hash && (stripped ? words.strippedIs(i, first) : words.is(i, first))) {
        return byFirstWord[s];
      }
    }
  }

  /**
   * The keywords found so far, in the order found; a plain array, since an utterance matches a handful of them
   * (the work of one classification allocates this and the words, not maps and sets).
   */
  private static final class Matches {
    Keyword[] found = new Keyword[8];
    int size;

    boolean contains(Keyword k) {
      for (int i = 0; i < size; i++) {
        if (found[i] == k) {
          return true;
        }
      }
      return false;
    }

    void add(Keyword k) {
      if (size == found.length) {
        found = java.util.Arrays.copyOf(found, size * 2);
      }
      found[size++] = k;
    }
  }

  @Override
  public Classification classify(String text, Language language) {
    TextNormalizer.Words words = TextNormalizer.words(text);
    Matches matches = null;
    for (int i = 0; i < words.count(); i++) {
      matches = scan(startingWith(words, i, false), words, i, matches);
      if (words.hasAffix(i)) {
        matches = scan(startingWith(words, i, true), words, i, matches);
      }
    }
    if (matches == null) {
      return Classification.NONE;
    }
    int[] scores = new int[departments.size()];
    for (int i = 0; i < matches.size; i++) {
      scores[matches.found[i].department()]++;
    }
    // the first department (in the order first matched) with the highest score wins
    int best = -1;
    int bestScore = 0;
    for (int i = 0; i < matches.size; i++) {
      int d = matches.found[i].department();
      if (scores[d] > bestScore) {
        best = d;
        bestScore = scores[d];
      }
    }
    String[] terms = new String[bestScore];
    for (int i = 0, t = 0; i < matches.size; i++) {
      if (matches.found[i].department() == best) {
        terms[t++] = matches.found[i].term();
      }
    }
    double confidence = (double) bestScore / matches.size * (bestScore >= 2 ? 1.0 : 0.7);
    return new Classification(departments.get(best), confidence, List.of(terms));
  }

  private static @Nullable Matches scan(Keyword @Nullable [] candidates, TextNormalizer.Words words, int at,
      @Nullable Matches matches) {
    if (candidates == null) {
      return matches;
    }
    Matches m = matches;
    for (Keyword k : candidates) {
      if ((m == null || !m.contains(k)) && matchesAt(words, k.words(), at)) {
        if (m == null) {
          m = new Matches();
        }
        m.add(k);
      }
    }
    return m;
  }

  private static boolean matchesAt(TextNormalizer.Words words, char[][] keyword, int at) {
    if (at + keyword.length > words.count()) {
      return false;
    }
    for (int j = 0; j < keyword.length; j++) {
      if (!words.is(at + j, keyword[j]) && !words.strippedIs(at + j, keyword[j])) {
        return false;
      }
    }
    return true;
  }

  /** The built-in bilingual dictionary behind {@link #DEFAULT}. */
  public static Map<Department, List<String>> defaultDictionary() {
    Map<Department, List<String>> d = new LinkedHashMap<>();
    d.put(Department.SALES, List.of("buy", "buying", "purchase", "price", "prices", "cost", "offer", "offers",
        "subscribe", "subscription", "product", "products", "upgrade", "quote", "discount", "plan", "package",
        "شراء", "اشتري", "أشتري", "أشترك", "اشتراك", "سعر", "أسعار", "عرض", "عروض", "منتج", "منتجات", "باقة",
        "خصم", "ترقية", "تكلفة"));
    d.put(Department.COMPLAINTS, List.of("complaint", "complain", "problem", "issue", "broken", "damaged", "late",
        "delay", "delayed", "refund", "wrong", "faulty", "missing", "not working", "never arrived", "unhappy",
        "شكوى", "أشتكي", "مشكلة", "تالف", "معطل", "متأخر", "تأخير", "تأخر", "استرداد", "خطأ", "سيء", "مفقود",
        "لم يصل", "لا يعمل", "خربان"));
    d.put(Department.RECEPTION, List.of("information", "question", "address", "opening hours", "operator",
        "استفسار", "معلومات", "عنوان", "مواعيد", "سؤال"));
    return d;
  }
}
