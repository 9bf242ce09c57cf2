package dev.callcenter.rules;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.rules.internal.KeywordAutomaton;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Routes an utterance to a department by weighted keywords and phrases in Arabic and English.
 *
 * <pre>{@code
 * KeywordRouter router = KeywordRouter.defaults();
 * Classification c = router.classify("أريد تقديم شكوى بخصوص الفاتورة");
 * c.department();   // complaints
 * c.confidence();   // 0..1
 * }</pre>
 *
 * The dictionary is compiled once into an automaton over normalised characters; normalisation (see
 * {@link TextNormalizer}) happens inside the scan, which allocates nothing but the returned
 * {@link Classification}. Whole words and phrases match, English plural and simple suffix forms and Arabic
 * clitic prefixes fold to the dictionary form, and a term a negation precedes ("not a complaint", "ليست شكوى")
 * does not count. Safe for concurrent use: {@link #reload} compiles the new dictionary and swaps it in
 * atomically, so a classification never sees half a dictionary.
 */
public final class KeywordRouter {
  private final AtomicReference<CompiledDictionary> current;

  private KeywordRouter(KeywordDictionary dictionary) {
    this.current = new AtomicReference<>(new CompiledDictionary(dictionary));
  }

  /** A router over the shipped dictionary ({@link KeywordDictionary#defaults()}). */
  public static KeywordRouter defaults() {
    return new KeywordRouter(KeywordDictionary.defaults());
  }

  /** A router over a dictionary. */
  public static KeywordRouter of(KeywordDictionary dictionary) {
    if (dictionary == null) {
      throw InvalidInputException.of("dictionary", "must not be null");
    }
    return new KeywordRouter(dictionary);
  }

  /**
   * A router over a dictionary in JSON.
   *
   * @throws RuleValidationException listing every problem in the document with its JSON path
   */
  public static KeywordRouter load(String json) {
    return new KeywordRouter(KeywordDictionary.parse(json));
  }

  /** Classifies text in any mix of Arabic and English. */
  public Classification classify(CharSequence text) {
    CompiledDictionary d = current.get();
    return classify(d, text, d.allLanguages, null);
  }

  /** Classifies text counting only the dictionary entries of {@code language} (and its primary language). */
  public Classification classify(CharSequence text, Language language) {
    if (language == null) {
      throw InvalidInputException.of("language", "must not be null");
    }
    CompiledDictionary d = current.get();
    return classify(d, text, d.languageMask(language), language);
  }

  private static Classification classify(CompiledDictionary d, @Nullable CharSequence text, int mask,
      @Nullable Language language) {
    if (text == null) {
      throw InvalidInputException.of("text", "must not be null");
    }
    String captured = text.toString();
    KeywordAutomaton.Scratch s = KeywordAutomaton.scratch();
    d.automaton.scan(captured, mask, s, null);
    int departments = d.departments.length;
    int best = -1;
    double bestScore = 0;
    double second = 0;
    double total = 0;
    for (int i = 0; i < departments; i++) {
      double v = s.score(i);
      total += v;
      if (v > bestScore) {
        second = bestScore;
        bestScore = v;
        best = i;
      } else if (v > second) {
        second = v;
      }
    }
    if (best < 0) {
      return new Classification(d, captured, mask, d.departments[d.defaultIndex], 0.0);
    }
    double confidence = bestScore / total * (bestScore / (bestScore + d.dictionary.confidenceScale()));
    int chosen = bestScore - second <= 1e-9 ? d.tieIndex : best;
    return new Classification(d, captured, mask, d.departments[chosen], confidence);
  }

  /**
   * Replaces the dictionary. The new one is validated and compiled first; when it has any problem the
   * dictionary in force stays and the exception lists every problem.
   *
   * @throws RuleValidationException when the document is rejected
   */
  public void reload(String json) {
    reload(KeywordDictionary.parse(json));
  }

  /** Replaces the dictionary atomically. */
  public void reload(KeywordDictionary dictionary) {
    if (dictionary == null) {
      throw InvalidInputException.of("dictionary", "must not be null");
    }
    current.set(new CompiledDictionary(dictionary));
  }

  /** The dictionary in force. */
  public KeywordDictionary dictionary() {
    return current.get().dictionary;
  }

  @Override
  public String toString() {
    return "KeywordRouter[" + dictionary() + "]";
  }
}
