package dev.callcenter.benchmarks.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.rules.KeywordDictionary;
import dev.callcenter.rules.TextNormalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Dictionaries of a given size (the shipped terms plus generated ones) and 20-word utterances. */
final class RoutingCorpus {
  static final String ENGLISH = "hello good morning I am calling because my new order arrived broken and I would "
      + "like a refund for it";
  static final String ARABIC = "السلام عليكم أنا أتصل لأن الطلب وصل مكسورا وأريد تقديم شَكْوَى واسترداد المبلغ "
      + "كاملا من فضلكم في أسرع وقـــت ممكن";
  static final String MIXED = "مرحبا I want to ask عن سعر the new subscription لأن my current باقة is too "
      + "expensive وأريد upgrade شكرا";

  private RoutingCorpus() {}

  static String utterance(String name) {
    return switch (name) {
      case "english" -> ENGLISH;
      case "arabic" -> ARABIC;
      case "mixed" -> MIXED;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** One keyword: department, weight, the text as written. */
  record Entry(Department department, double weight, String text) {}

  /** The shipped dictionary's terms topped up with generated words and phrases to {@code size} keywords. */
  static Map<String, Entry> keywords(int size) {
    Map<String, Entry> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    KeywordDictionary defaults = KeywordDictionary.defaults();
    defaults.keywords().forEach((dep, byLanguage) -> byLanguage.forEach((lang, terms) -> terms.forEach((t, w) -> {
      if (out.size() < size && seen.add(TextNormalizer.normalize(t))) {
        out.put(t, new Entry(dep, w, t));
      }
    })));
    Random random = new Random(42);
    Department[] deps = {Department.RECEPTION, Department.SALES, Department.COMPLAINTS};
    while (out.size() < size) {
      boolean arabic = random.nextBoolean();
      String w = arabic ? arabicWord(random) : englishWord(random);
      if (random.nextInt(10) < 3) {
        w = w + " " + (arabic ? arabicWord(random) : englishWord(random));
      }
      if (seen.add(TextNormalizer.normalize(w))) {
        out.put(w, new Entry(deps[random.nextInt(3)], 1 + random.nextInt(3), w));
      }
    }
    return out;
  }

  /** Words of consonant-vowel syllables ending in a vowel, so that no suffix folding merges two of them. */
  private static String englishWord(Random r) {
    String c = "bcdfgklmnprtvz";
    String v = "aiou";
    StringBuilder b = new StringBuilder();
    int syllables = 2 + r.nextInt(3);
    for (int i = 0; i < syllables; i++) {
      b.append(c.charAt(r.nextInt(c.length()))).append(v.charAt(r.nextInt(v.length())));
    }
    return b.toString();
  }

  /** Arabic letter strings that do not start with a clitic prefix or the article. */
  private static String arabicWord(Random r) {
    String letters = "تثجحخدذرزسشصضطظعغقكمنهي";
    StringBuilder b = new StringBuilder();
    int n = 3 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.append(letters.charAt(r.nextInt(letters.length())));
    }
    return b.toString();
  }

  static String dictionaryJson(Map<String, Entry> keywords) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root;
    try {
      root = (ObjectNode) mapper.readTree(KeywordDictionary.defaults().toJson());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ObjectNode deps = root.putObject("departments");
    for (Entry e : keywords.values()) {
      String lang = e.text().chars().anyMatch(ch -> ch >= 0x0600 && ch <= 0x06FF) ? Language.ARABIC.tag()
          : Language.ENGLISH.tag();
      ObjectNode d = deps.has(e.department().id()) ? (ObjectNode) deps.get(e.department().id())
          : deps.putObject(e.department().id());
      ObjectNode l = d.has(lang) ? (ObjectNode) d.get(lang) : d.putObject(lang);
      l.put(e.text(), e.weight());
    }
    return root.toString();
  }
}
