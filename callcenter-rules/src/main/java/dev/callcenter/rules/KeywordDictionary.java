package dev.callcenter.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.rules.internal.JsonDocument;
import dev.callcenter.rules.internal.TextFolding;
import dev.callcenter.rules.internal.WordForms;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weighted keywords and phrases per department and language, as a business edits them in JSON:
 *
 * <pre>{@code
 * {
 *   "defaultDepartment": "reception",      // no match (default reception)
 *   "onTie": "reception",                  // two departments score the same (default reception)
 *   "negationScope": 3,                    // words after a negation that it cancels (default 3)
 *   "confidenceScale": 2.0,                // best score at which confidence is half its share (default 2)
 *   "negations": { "en": ["not", "no"], "ar": ["ليس", "لا"] },
 *   "departments": {
 *     "sales":      { "en": { "buy": 2, "new subscription": 3 }, "ar": { "شراء": 2 } },
 *     "complaints": { "en": { "complaint": 3 },                  "ar": { "شكوى": 3 } }
 *   }
 * }
 * }</pre>
 *
 * Immutable. {@link #parse} reports every problem with its JSON path; {@link #toJson} writes the dictionary
 * back in the same form.
 */
public final class KeywordDictionary {
  /** Words after a negation that it cancels, unless set. */
  public static final int DEFAULT_NEGATION_SCOPE = 3;
  /** Confidence scale, unless set. */
  public static final double DEFAULT_CONFIDENCE_SCALE = 2.0;
  /** Most words in one phrase. */
  public static final int MAX_PHRASE_WORDS = 8;
  /** Most terms in one dictionary. */
  public static final int MAX_TERMS = 200_000;

  private static final String DOCUMENT = "keyword dictionary";
  private static final Set<String> ROOT_FIELDS = Set.of("defaultDepartment", "onTie", "negationScope",
      "confidenceScale", "negations", "departments");

  private final Department defaultDepartment;
  private final Department onTie;
  private final int negationScope;
  private final double confidenceScale;
  private final Map<Language, List<String>> negations;
  private final Map<Department, Map<Language, Map<String, Double>>> keywords;
  private final int size;

  private KeywordDictionary(Department defaultDepartment, Department onTie, int negationScope,
      double confidenceScale, Map<Language, List<String>> negations,
      Map<Department, Map<Language, Map<String, Double>>> keywords) {
    this.defaultDepartment = defaultDepartment;
    this.onTie = onTie;
    this.negationScope = negationScope;
    this.confidenceScale = confidenceScale;
    this.negations = negations;
    this.keywords = keywords;
    this.size = keywords.values().stream().flatMap(m -> m.values().stream()).mapToInt(Map::size).sum();
  }

  /** The dictionary shipped with the SDK: Arabic and English for reception, sales and complaints. */
  public static KeywordDictionary defaults() {
    return Defaults.DICTIONARY;
  }

  private static final class Defaults {
    static final KeywordDictionary DICTIONARY = parse(JsonDocument.resource(KeywordDictionary.class,
        "default-keywords.json"));
  }

  /**
   * Reads a dictionary.
   *
   * @throws RuleValidationException listing every problem with its JSON path
   */
  public static KeywordDictionary parse(String json) {
    JsonDocument doc = new JsonDocument(DOCUMENT);
    ObjectNode root = doc.parse(json);
    doc.onlyFields(root, "$", ROOT_FIELDS);
    Department defaultDepartment = department(doc, root, "defaultDepartment", Department.RECEPTION);
    Department onTie = department(doc, root, "onTie", Department.RECEPTION);
    int scope = DEFAULT_NEGATION_SCOPE;
    JsonNode s = root.get("negationScope");
    if (s != null) {
      if (!s.isInt() || s.intValue() < 0 || s.intValue() > 10) {
        doc.problem("$.negationScope", "must be a whole number from 0 to 10, was %s", abbreviated(s));
      } else {
        scope = s.intValue();
      }
    }
    double scale = DEFAULT_CONFIDENCE_SCALE;
    JsonNode c = root.get("confidenceScale");
    if (c != null) {
      if (!c.isNumber() || !(c.doubleValue() > 0) || c.doubleValue() > 1000) {
        doc.problem("$.confidenceScale", "must be a number above 0 and at most 1000, was %s", abbreviated(c));
      } else {
        scale = c.doubleValue();
      }
    }
    Map<Language, List<String>> negations = new LinkedHashMap<>();
    JsonNode n = root.get("negations");
    if (n != null) {
      if (!n.isObject()) {
        doc.problem("$.negations", "must be an object of language to words, was %s", JsonDocument.kind(n));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String path = JsonDocument.child("$.negations", e.getKey());
          Language language = language(doc, e.getKey(), path);
          List<String> words = new java.util.ArrayList<>();
          if (!e.getValue().isArray()) {
            doc.problem(path, "must be an array of words, was %s", JsonDocument.kind(e.getValue()));
            continue;
          }
          for (int i = 0; i < e.getValue().size(); i++) {
            JsonNode w = e.getValue().get(i);
            String wp = JsonDocument.index(path, i);
            if (!w.isTextual()) {
              doc.problem(wp, "must be a string, was %s", JsonDocument.kind(w));
            } else if (TextFolding.words(w.textValue()).size() != 1) {
              doc.problem(wp, "must be exactly one word, was '%s'", JsonDocument.abbreviate(w.textValue()));
            } else {
              words.add(w.textValue());
            }
          }
          if (language != null) {
            negations.put(language, List.copyOf(words));
          }
        }
      }
    }
    Map<Department, Map<Language, Map<String, Double>>> keywords = new LinkedHashMap<>();
    JsonNode d = root.get("departments");
    int terms = 0;
    if (d == null) {
      doc.problem("$.departments", "is required");
    } else if (!d.isObject() || d.isEmpty()) {
      doc.problem("$.departments", "must be a non-empty object of department to keywords, was %s",
          d.isObject() ? "empty" : JsonDocument.kind(d));
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String path = JsonDocument.child("$.departments", e.getKey());
        Department department = department(doc, e.getKey(), path);
        if (!e.getValue().isObject()) {
          doc.problem(path, "must be an object of language to keywords, was %s", JsonDocument.kind(e.getValue()));
          continue;
        }
        Map<Language, Map<String, Double>> byLanguage = new LinkedHashMap<>();
        Map<String, String> seen = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> lt = e.getValue().fields(); lt.hasNext(); ) {
          Map.Entry<String, JsonNode> l = lt.next();
          String lp = JsonDocument.child(path, l.getKey());
          Language language = language(doc, l.getKey(), lp);
          if (!l.getValue().isObject()) {
            doc.problem(lp, "must be an object of keyword to weight, was %s", JsonDocument.kind(l.getValue()));
            continue;
          }
          Map<String, Double> weights = new LinkedHashMap<>();
          for (Iterator<Map.Entry<String, JsonNode>> kt = l.getValue().fields(); kt.hasNext(); ) {
            Map.Entry<String, JsonNode> k = kt.next();
            String kp = JsonDocument.child(lp, k.getKey());
            JsonNode w = k.getValue();
            int words = TextFolding.words(k.getKey()).size();
            if (words == 0) {
              doc.problem(kp, "keyword has no letters or digits");
            } else if (words > MAX_PHRASE_WORDS) {
              doc.problem(kp, "a phrase has at most %d words, this one has %d", MAX_PHRASE_WORDS, words);
            } else if (!w.isNumber() || !(w.doubleValue() > 0) || w.doubleValue() > 100) {
              doc.problem(kp, "weight must be a number above 0 and at most 100, was %s", abbreviated(w));
            } else if (seen.putIfAbsent(canonical(k.getKey()), k.getKey()) != null) {
              doc.problem(kp, "same keyword as '%s' after normalisation; it would count twice",
                  JsonDocument.abbreviate(seen.get(canonical(k.getKey()))));
            } else if (++terms > MAX_TERMS) {
              doc.problem(kp, "a dictionary holds at most %d keywords", MAX_TERMS);
              break;
            } else {
              weights.put(k.getKey(), w.doubleValue());
            }
          }
          if (language != null) {
            byLanguage.put(language, Collections.unmodifiableMap(weights));
          }
        }
        if (department != null) {
          keywords.put(department, Collections.unmodifiableMap(byLanguage));
        }
      }
    }
    doc.throwIfProblems();
    return new KeywordDictionary(defaultDepartment, onTie, scope, scale, Collections.unmodifiableMap(negations),
        Collections.unmodifiableMap(keywords));
  }

  private static String canonical(String phrase) {
    StringBuilder b = new StringBuilder();
    for (String w : TextFolding.words(phrase)) {
      b.append(WordForms.canonical(w)).append(' ');
    }
    return b.toString();
  }

  private static String abbreviated(JsonNode v) {
    return JsonDocument.abbreviate(v.toString());
  }

  private static Department department(JsonDocument doc, ObjectNode root, String field, Department fallback) {
    JsonNode v = root.get(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isTextual()) {
      doc.problem("$." + field, "must be a department id, was %s", JsonDocument.kind(v));
      return fallback;
    }
    Department d = department(doc, v.textValue(), "$." + field);
    return d == null ? fallback : d;
  }

  private static @org.jspecify.annotations.Nullable Department department(JsonDocument doc, String id, String path) {
    try {
      return Department.of(id);
    } catch (CallCenterException e) {
      doc.problem(path, "not a department id: %s", e.getMessage());
      return null;
    }
  }

  private static @org.jspecify.annotations.Nullable Language language(JsonDocument doc, String tag, String path) {
    try {
      return Language.of(tag);
    } catch (CallCenterException e) {
      doc.problem(path, "not a language tag: %s", e.getMessage());
      return null;
    }
  }

  /** The dictionary as JSON, in the form {@link #parse} reads. */
  public String toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("defaultDepartment", defaultDepartment.id());
    root.put("onTie", onTie.id());
    root.put("negationScope", negationScope);
    root.put("confidenceScale", confidenceScale);
    ObjectNode n = root.putObject("negations");
    negations.forEach((l, ws) -> ws.forEach(n.putArray(l.tag())::add));
    ObjectNode d = root.putObject("departments");
    keywords.forEach((dep, byLanguage) -> {
      ObjectNode dn = d.putObject(dep.id());
      byLanguage.forEach((l, ws) -> {
        ObjectNode ln = dn.putObject(l.tag());
        ws.forEach(ln::put);
      });
    });
    return root.toString();
  }

  public Department defaultDepartment() {
    return defaultDepartment;
  }

  public Department onTie() {
    return onTie;
  }

  public int negationScope() {
    return negationScope;
  }

  public double confidenceScale() {
    return confidenceScale;
  }

  /** Negation words per language. */
  public Map<Language, List<String>> negations() {
    return negations;
  }

  /** Keyword weights per department and language, in document order. */
  public Map<Department, Map<Language, Map<String, Double>>> keywords() {
    return keywords;
  }

  /** Number of keywords and phrases. */
  public int size() {
    return size;
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof KeywordDictionary k && k.defaultDepartment.equals(defaultDepartment)
        && k.onTie.equals(onTie) && k.negationScope == negationScope && k.confidenceScale == confidenceScale
        && k.negations.equals(negations) && k.keywords.equals(keywords);
  }

  @Override
  public int hashCode() {
    return keywords.hashCode() * 31 + negations.hashCode();
  }

  @Override
  public String toString() {
    return "KeywordDictionary[" + keywords.size() + " departments, " + size + " keywords]";
  }
}
