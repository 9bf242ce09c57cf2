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

/**
 * A small keyword classifier: counts the normalised keywords (single words or phrases) of each department in an
 * utterance, each word also tried without its Arabic clitic prefix and accusative alef. Confidence is the winner's share of all matches, times 0.7 when only one term matched.
 */
public final class KeywordClassifier implements IntentClassifier {
  public static final KeywordClassifier DEFAULT = new KeywordClassifier(defaultDictionary());

  private record Keyword(int department, String term, String[] tokens) {}

  private final List<Keyword> keywords = new ArrayList<>();
  /** The departments in the order the dictionary names them; keywords refer to them by index. */
  private final List<Department> departments = new ArrayList<>();
  /** Keywords by their first normalised token, so an utterance is scanned once whatever the dictionary size. */
  private final Map<String, List<Keyword>> byFirstToken = new java.util.HashMap<>();

  public KeywordClassifier(Map<Department, List<String>> keywordsByDepartment) {
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
        Keyword k = new Keyword(d, term, tokens.toArray(String[]::new));
        keywords.add(k);
        byFirstToken.computeIfAbsent(k.tokens()[0], t -> new ArrayList<>()).add(k);
      }
    });
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
    List<String> tokens = TextNormalizer.tokens(text);
    String[] stripped = new String[tokens.size()];
    for (int i = 0; i < stripped.length; i++) {
      stripped[i] = TextNormalizer.stripSuffix(TextNormalizer.stripPrefix(tokens.get(i)));
    }
    Matches matches = null;
    for (int i = 0; i < stripped.length; i++) {
      matches = scan(byFirstToken.get(tokens.get(i)), tokens, stripped, i, matches);
      if (!stripped[i].equals(tokens.get(i))) {
        matches = scan(byFirstToken.get(stripped[i]), tokens, stripped, i, matches);
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
    return new Classification(departments.get(best), confidence, java.util.Arrays.asList(terms));
  }

  private static @org.jspecify.annotations.Nullable Matches scan(
      @org.jspecify.annotations.Nullable List<Keyword> candidates, List<String> tokens, String[] stripped, int at,
      @org.jspecify.annotations.Nullable Matches matches) {
    if (candidates == null) {
      return matches;
    }
    Matches m = matches;
    for (Keyword k : candidates) {
      if ((m == null || !m.contains(k)) && matchesAt(tokens, stripped, k.tokens(), at)) {
        if (m == null) {
          m = new Matches();
        }
        m.add(k);
      }
    }
    return m;
  }

  private static boolean matchesAt(List<String> tokens, String[] stripped, String[] keyword, int at) {
    if (at + keyword.length > stripped.length) {
      return false;
    }
    for (int j = 0; j < keyword.length; j++) {
      if (!tokens.get(at + j).equals(keyword[j]) && !stripped[at + j].equals(keyword[j])) {
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
