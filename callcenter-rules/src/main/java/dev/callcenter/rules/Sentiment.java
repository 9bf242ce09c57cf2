package dev.callcenter.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.rules.internal.CharFolding;
import dev.callcenter.rules.internal.JsonDocument;
import dev.callcenter.rules.internal.TextFolding;
import dev.callcenter.rules.internal.WordForms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lexicon-based sentiment of an Arabic or English utterance, from -1 (very negative) to 1 (very positive), 0
 * when no lexicon word occurs. A negation ("not good", "مش كويس") flips and damps the words in its scope; an
 * intensifier ("very", "جدا") strengthens the sentiment word next to it, before it in English or after it in
 * Arabic. The score feeds the {@code sentiment} fact of the rules engine.
 *
 * <pre>{@code
 * double s = Sentiment.defaults().score("الخدمة سيئة جدا");   // about -0.6
 * }</pre>
 *
 * Immutable and safe for concurrent use.
 */
public final class Sentiment {
  private static final String DOCUMENT = "sentiment lexicon";
  private static final double ALPHA = 15.0;
  /** Clitic prefixes tried when an Arabic word is not in the lexicon as it is; "" tries suffix folding alone. */
  private static final List<String> PREFIXES = List.of("", "\u0648\u0627\u0644", "\u0628\u0627\u0644",
      "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644", "\u0648", "\u0641", "\u0628", "\u0644");
  private static final double NEGATION_FACTOR = -0.75;

  private final Map<String, Double> valence;
  private final Map<String, Double> intensity;
  private final Set<String> negators;
  private final int negationScope;

  private Sentiment(Map<String, Double> valence, Map<String, Double> intensity, Set<String> negators,
      int negationScope) {
    this.valence = valence;
    this.intensity = intensity;
    this.negators = negators;
    this.negationScope = negationScope;
  }

  /** The lexicon shipped with the SDK (Arabic and English). */
  public static Sentiment defaults() {
    return Defaults.SENTIMENT;
  }

  private static final class Defaults {
    static final Sentiment SENTIMENT = load(JsonDocument.resource(Sentiment.class, "default-sentiment.json"));
  }

  /**
   * Reads a lexicon: {@code {"negationScope": 3, "negations": {"en": [...]}, "intensifiers": {"en":
   * {"very": 1.5}}, "words": {"en": {"good": 1.5, "bad": -2}}}}; valences from -5 to 5, intensities from 0 to 5.
   *
   * @throws RuleValidationException listing every problem with its JSON path
   */
  public static Sentiment load(String json) {
    JsonDocument doc = new JsonDocument(DOCUMENT);
    ObjectNode root = doc.parse(json);
    doc.onlyFields(root, "$", Set.of("negationScope", "negations", "intensifiers", "words"));
    int scope = 3;
    JsonNode s = root.get("negationScope");
    if (s != null) {
      if (!s.isInt() || s.intValue() < 0 || s.intValue() > 10) {
        doc.problem("$.negationScope", "must be a whole number from 0 to 10");
      } else {
        scope = s.intValue();
      }
    }
    Set<String> negators = new HashSet<>();
    forEachLanguage(doc, root, "negations", (path, node) -> {
      if (!node.isArray()) {
        doc.problem(path, "must be an array of words, was %s", JsonDocument.kind(node));
        return;
      }
      for (int i = 0; i < node.size(); i++) {
        String word = word(doc, node.get(i), JsonDocument.index(path, i));
        if (word != null) {
          negators.add(word);
        }
      }
    });
    Map<String, Double> intensity = weights(doc, root, "intensifiers", 0, 5);
    Map<String, Double> valence = weights(doc, root, "words", -5, 5);
    if (root.get("words") == null) {
      doc.problem("$.words", "is required");
    }
    doc.throwIfProblems();
    return new Sentiment(Map.copyOf(valence), Map.copyOf(intensity), Set.copyOf(negators), scope);
  }

  private interface LanguageSection {
    void read(String path, JsonNode node);
  }

  private static void forEachLanguage(JsonDocument doc, ObjectNode root, String field, LanguageSection section) {
    JsonNode n = root.get(field);
    if (n == null) {
      return;
    }
    String path = "$." + field;
    if (!n.isObject()) {
      doc.problem(path, "must be an object of language to entries, was %s", JsonDocument.kind(n));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String lp = JsonDocument.child(path, e.getKey());
      try {
        Language.of(e.getKey());
      } catch (CallCenterException ex) {
        doc.problem(lp, "not a language tag: %s", ex.getMessage());
        continue;
      }
      section.read(lp, e.getValue());
    }
  }

  private static Map<String, Double> weights(JsonDocument doc, ObjectNode root, String field, double min,
      double max) {
    Map<String, Double> out = new HashMap<>();
    forEachLanguage(doc, root, field, (path, node) -> {
      if (!node.isObject()) {
        doc.problem(path, "must be an object of word to weight, was %s", JsonDocument.kind(node));
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String wp = JsonDocument.child(path, e.getKey());
        List<String> words = TextFolding.words(e.getKey());
        if (words.size() != 1) {
          doc.problem(wp, "must be exactly one word");
        } else if (!e.getValue().isNumber() || e.getValue().doubleValue() < min
            || e.getValue().doubleValue() > max) {
          doc.problem(wp, "must be a number from %s to %s", min, max);
        } else {
          out.put(WordForms.canonical(words.get(0)), e.getValue().doubleValue());
        }
      }
    });
    return out;
  }

  private static @Nullable String word(JsonDocument doc, JsonNode node, String path) {
    if (!node.isTextual()) {
      doc.problem(path, "must be a string, was %s", JsonDocument.kind(node));
      return null;
    }
    List<String> words = TextFolding.words(node.textValue());
    if (words.size() != 1) {
      doc.problem(path, "must be exactly one word");
      return null;
    }
    return WordForms.canonical(words.get(0));
  }

  /** The sentiment of text, from -1 to 1. */
  public double score(CharSequence text) {
    if (text == null) {
      throw InvalidInputException.of("text", "must not be null");
    }
    List<Double> contributions = new ArrayList<>();
    int negation = 0;
    double pendingBoost = 1;
    int boostTtl = 0;
    boolean lastWasSentiment = false;
    StringBuilder word = new StringBuilder();
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      char f = i < n ? CharFolding.fold(text.charAt(i)) : CharFolding.CLAUSE;
      if (f == CharFolding.IGNORE) {
        continue;
      }
      if (f != CharFolding.SPACE && f != CharFolding.CLAUSE) {
        word.append(f);
        continue;
      }
      if (word.length() > 0) {
        String token = word.toString();
        word.setLength(0);
        boolean negated = negation > 0;
        if (negation > 0) {
          negation--;
        }
        if (boostTtl > 0) {
          boostTtl--;
        }
        Double boost = find(intensity, token);
        Double v = find(valence, token);
        if (find(negators, token)) {
          negation = negationScope;
          lastWasSentiment = false;
        } else if (boost != null) {
          if (lastWasSentiment && !contributions.isEmpty()) {
            int last = contributions.size() - 1;
            contributions.set(last, contributions.get(last) * boost);
            lastWasSentiment = false;
          } else {
            pendingBoost = boost;
            boostTtl = 2;
          }
        } else if (v != null) {
          double value = v * (boostTtl > 0 ? pendingBoost : 1);
          boostTtl = 0;
          contributions.add(negated ? value * NEGATION_FACTOR : value);
          lastWasSentiment = true;
        } else {
          lastWasSentiment = false;
        }
      }
      if (f == CharFolding.CLAUSE) {
        negation = 0;
        boostTtl = 0;
        lastWasSentiment = false;
      }
    }
    double sum = 0;
    for (double c : contributions) {
      sum += c;
    }
    return sum == 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
  }

  private static <V> @Nullable V find(Map<String, V> lexicon, String token) {
    String canonical = WordForms.canonical(token);
    V v = lexicon.get(canonical);
    if (v != null || !CharFolding.isArabic(token.charAt(0))) {
      return v;
    }
    for (String prefix : PREFIXES) {
      if (token.startsWith(prefix) && token.length() - prefix.length() >= 2) {
        String rest = token.substring(prefix.length());
        v = lexicon.get(WordForms.canonical(rest));
        if (v == null && rest.length() > 3 && rest.endsWith("\u0627")) { // tanween alif: سعيدا
          v = lexicon.get(WordForms.canonical(rest.substring(0, rest.length() - 1)));
        }
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  private static boolean find(Set<String> words, String token) {
    return words.contains(WordForms.canonical(token));
  }

  @Override
  public String toString() {
    return "Sentiment[" + valence.size() + " words]";
  }
}
