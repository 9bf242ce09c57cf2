package dev.callcenter.ivr;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.ivr.internal.KeywordClassifier;
import java.util.List;
import java.util.Map;

/**
 * Picks a department for what the caller said, in the CLASSIFICATION stage. Adapt the rules module's
 * {@code KeywordRouter} here. Must be fast and deterministic.
 */
@FunctionalInterface
public interface IntentClassifier {
  Classification classify(String text, Language language);

  /**
   * A keyword classifier: each department's keywords (Arabic or English, matched after normalisation: case,
   * Arabic diacritics and tatweel removed, alef/ya/ta-marbuta forms folded, the article "ال" and the prefixes
   * "و", "ب", "ل" stripped). Confidence is the winning department's share of the matches, lowered when only one
   * term matched.
   */
  static IntentClassifier keywords(Map<Department, List<String>> keywordsByDepartment) {
    return new KeywordClassifier(keywordsByDepartment);
  }

  /** The rules module's keyword router (normalisation fused into its automaton scan). */
  static IntentClassifier fromRouter(dev.callcenter.rules.KeywordRouter router) {
    dev.callcenter.core.internal.Checks.notNull(router, "router");
    return new dev.callcenter.ivr.internal.RouterClassifier(router);
  }

  /** The built-in bilingual dictionary for sales, complaints and reception. */
  static IntentClassifier defaultKeywords() {
    return KeywordClassifier.DEFAULT;
  }
}
