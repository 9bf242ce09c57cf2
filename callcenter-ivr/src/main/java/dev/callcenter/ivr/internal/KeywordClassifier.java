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

  public KeywordClassifier(Map<Department, List<String>> keywordsByDepartment) {
    keywordsByDepartment.forEach((department, terms) -> {
      for (String term : terms) {
        List<String> tokens = TextNormalizer.tokens(term);
        if (tokens.isEmpty()) {
          throw InvalidInputException.of("keywords." + department, "keyword '%s' has no letters", term);
        }
        keywords.add(new Keyword(department, term, tokens.toArray(String[]::new)));
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
    int total = 0;
    for (Keyword k : keywords) {
      if (matches(tokens, stripped, k.tokens())) {
        scores.merge(k.department(), 1, Integer::sum);
        terms.computeIfAbsent(k.department(), d -> new ArrayList<>()).add(k.term());
        total++;
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

  private static boolean matches(List<String> tokens, String[] stripped, String[] keyword) {
    outer:
    for (int i = 0; i + keyword.length <= stripped.length; i++) {
      for (int j = 0; j < keyword.length; j++) {
        String t = tokens.get(i + j);
        if (!t.equals(keyword[j]) && !stripped[i + j].equals(keyword[j])) {
          continue outer;
        }
      }
      return true;
    }
    return false;
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
