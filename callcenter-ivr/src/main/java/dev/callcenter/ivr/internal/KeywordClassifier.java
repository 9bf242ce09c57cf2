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

  private record Keyword(Department department, String term, String[] tokens) {}

  private final List<Keyword> keywords = new ArrayList<>();
  /** Keywords by their first normalised token, so an utterance is scanned once whatever the dictionary size. */
  private final Map<String, List<Keyword>> byFirstToken = new java.util.HashMap<>();

  public KeywordClassifier(Map<Department, List<String>> keywordsByDepartment) {
    keywordsByDepartment.forEach((department, terms) -> {
      for (String term : terms) {
        List<String> tokens = TextNormalizer.tokens(term);
        if (tokens.isEmpty()) {
          throw InvalidInputException.of("keywords." + department, "keyword '%s' has no letters", term);
        }
        Keyword k = new Keyword(department, term, tokens.toArray(String[]::new));
        keywords.add(k);
        byFirstToken.computeIfAbsent(k.tokens()[0], t -> new ArrayList<>()).add(k);
      }
    });
  }

  @Override
  public Classification classify(String text, Language language) {
    List<String> tokens = TextNormalizer.tokens(text);
    String[] stripped = new String[tokens.size()];
    for (int i = 0; i < stripped.length; i++) {
      stripped[i] = TextNormalizer.stripSuffix(TextNormalizer.stripPrefix(tokens.get(i)));
    }
    Map<Department, Integer> scores = new LinkedHashMap<>();
    Map<Department, List<String>> terms = new LinkedHashMap<>();
    java.util.Set<Keyword> seen = new java.util.HashSet<>();
    int total = 0;
    for (int i = 0; i < stripped.length; i++) {
      total += scan(byFirstToken.get(tokens.get(i)), tokens, stripped, i, seen, scores, terms);
      if (!stripped[i].equals(tokens.get(i))) {
        total += scan(byFirstToken.get(stripped[i]), tokens, stripped, i, seen, scores, terms);
      }
    }
    if (total == 0) {
      return Classification.NONE;
    }
    Department best = null;
    int bestScore = 0;
    for (Map.Entry<Department, Integer> e : scores.entrySet()) {
      if (e.getValue() > bestScore) {
        best = e.getKey();
        bestScore = e.getValue();
      }
    }
    double confidence = (double) bestScore / total * (bestScore >= 2 ? 1.0 : 0.7);
    return new Classification(best, confidence, terms.get(best));
  }

  private static int scan(@org.jspecify.annotations.Nullable List<Keyword> candidates, List<String> tokens,
      String[] stripped, int at, java.util.Set<Keyword> seen, Map<Department, Integer> scores,
      Map<Department, List<String>> terms) {
    if (candidates == null) {
      return 0;
    }
    int found = 0;
    for (Keyword k : candidates) {
      if (!seen.contains(k) && matchesAt(tokens, stripped, k.tokens(), at)) {
        seen.add(k);
        scores.merge(k.department(), 1, Integer::sum);
        terms.computeIfAbsent(k.department(), d -> new ArrayList<>()).add(k.term());
        found++;
      }
    }
    return found;
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

  private static Map<Department, List<String>> defaultDictionary() {
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
