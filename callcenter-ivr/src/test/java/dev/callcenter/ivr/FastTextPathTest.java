package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.ivr.internal.KeywordClassifier;
import dev.callcenter.ivr.internal.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The free-text hot path was rewritten for speed (words normalised into one char array through a per-char table, no
 * String per word, no maps in the classifier, prefix stripping as direct char tests): these properties hold it to the
 * straightforward implementation it replaced, kept here as the reference.
 */
class FastTextPathTest {

  // ---- the reference: the implementation before the rewrite ----------------------------------------------------

  static String referenceNormalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640') {
        continue;
      }
      char n = switch (c) {
        case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
        case 'ى', 'ئ' -> 'ي';
        case 'ؤ' -> 'و';
        case 'ة' -> 'ه';
        default -> c;
      };
      if (n >= '\u0660' && n <= '\u0669') {
        n = (char) ('0' + (n - '\u0660'));
      } else if (n >= '\u06F0' && n <= '\u06F9') {
        n = (char) ('0' + (n - '\u06F0'));
      }
      if (Character.isLetterOrDigit(n)) {
        out.append(Character.toLowerCase(n));
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  static List<String> referenceTokens(String text) {
    String n = referenceNormalise(text);
    List<String> tokens = new ArrayList<>();
    if (n.isEmpty()) {
      return tokens;
    }
    for (String t : n.split(" ")) {
      tokens.add(t);
    }
    return tokens;
  }

  static String referenceStripSuffix(String token) {
    int n = token.length();
    if (n > 3 && token.charAt(n - 1) == 'ا' && token.charAt(0) >= '\u0600' && token.charAt(0) <= '\u06FF') {
      return token.substring(0, n - 1);
    }
    return token;
  }

  static String referenceStripPrefix(String token) {
    for (String p : new String[] {"وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف"}) {
      if (token.startsWith(p) && token.length() - p.length() >= 2) {
        return token.substring(p.length());
      }
    }
    return token;
  }

  /** The map-based classifier the array-based one replaced. */
  static Classification referenceClassify(Map<Department, List<String>> dictionary, String text) {
    record Keyword(Department department, String term, String[] tokens) {}
    Map<String, List<Keyword>> byFirst = new java.util.HashMap<>();
    dictionary.forEach((d, terms) -> {
      for (String term : terms) {
        Keyword k = new Keyword(d, term, referenceTokens(term).toArray(String[]::new));
        byFirst.computeIfAbsent(k.tokens()[0], t -> new ArrayList<>()).add(k);
      }
    });
    List<String> tokens = referenceTokens(text);
    String[] stripped = new String[tokens.size()];
    for (int i = 0; i < stripped.length; i++) {
      stripped[i] = referenceStripSuffix(referenceStripPrefix(tokens.get(i)));
    }
    Map<Department, Integer> scores = new LinkedHashMap<>();
    Map<Department, List<String>> terms = new LinkedHashMap<>();
    java.util.Set<Keyword> seen = new java.util.HashSet<>();
    int total = 0;
    for (int i = 0; i < stripped.length; i++) {
      List<List<Keyword>> lists = new ArrayList<>();
      lists.add(byFirst.get(tokens.get(i)));
      if (!stripped[i].equals(tokens.get(i))) {
        lists.add(byFirst.get(stripped[i]));
      }
      for (List<Keyword> candidates : lists) {
        if (candidates == null) {
          continue;
        }
        for (Keyword k : candidates) {
          boolean match = i + k.tokens().length <= stripped.length;
          for (int j = 0; match && j < k.tokens().length; j++) {
            match = tokens.get(i + j).equals(k.tokens()[j]) || stripped[i + j].equals(k.tokens()[j]);
          }
          if (!seen.contains(k) && match) {
            seen.add(k);
            scores.merge(k.department(), 1, Integer::sum);
            terms.computeIfAbsent(k.department(), d -> new ArrayList<>()).add(k.term());
            total++;
          }
        }
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
    return new Classification(best, (double) bestScore / total * (bestScore >= 2 ? 1.0 : 0.7), terms.get(best));
  }

  // ---- generators ---------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> mixedText() {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.chars().range('\u0600', '\u06FF'), // Arabic block: letters, diacritics, digits, tatweel
        Arbitraries.chars().range('A', 'z'),
        Arbitraries.chars().range('0', '9'),
        Arbitraries.of(' ', ' ', ',', '.', '!', '\u0000', '\t', '\u00A0', '\u061F', '\u060C'),
        Arbitraries.of('İ', 'Σ', 'ß', 'É', 'ǅ', 'Ａ', '１', 'ϴ', '\u2067', '\u2069', 'K', 'Ω'),
        Arbitraries.chars().range('\u00C0', '\u024F'),
        Arbitraries.chars());
    return chars.list().ofMaxSize(60).map(l -> {
      StringBuilder b = new StringBuilder();
      l.forEach(b::append);
      return b.toString();
    });
  }

  @Provide
  Arbitrary<String> utterances() {
    List<String> words = new ArrayList<>();
    KeywordClassifier.defaultDictionary().values().forEach(words::addAll);
    words.addAll(List.of("الطلب", "والمنتج", "تالفا", "بالسعر", "للشراء", "the", "my", "please", "وصل", "متأخرًا",
        "NOT", "Working", "never", "arrived", "لم", "يصل", "١٢٣٤", "ORD-123"));
    // short words of prefix letters, alef and a few others: the edges of prefix and accusative-alef stripping
    Arbitrary<String> affixed = Arbitraries.strings().withChars("وبكفلاامتى").ofMinLength(1).ofMaxLength(6);
    return Arbitraries.oneOf(Arbitraries.of(words), affixed).list().ofMaxSize(14)
        .map(l -> String.join(Arbitraries.of(" ", ", ", " و", "  ").sample(), l));
  }

  // ---- properties ---------------------------------------------------------------------------------------------

  @Property(tries = 3000)
  void normaliseAndTokensAreUnchanged(@ForAll("mixedText") String text) {
    assertThat(TextNormalizer.normalise(text)).isEqualTo(referenceNormalise(text));
    List<String> expected = referenceTokens(text);
    assertThat(TextNormalizer.tokens(text)).isEqualTo(expected);
    for (int limit = 0; limit < 7; limit++) {
      assertThat(TextNormalizer.countTokens(text, limit)).isEqualTo(Math.min(expected.size(), limit + 1));
    }
  }

  @Property(tries = 3000)
  void theClassifierDecidesAsBefore(@ForAll("utterances") String text) {
    Classification expected = referenceClassify(KeywordClassifier.defaultDictionary(), text);
    Classification actual = KeywordClassifier.DEFAULT.classify(text, Language.ARABIC);
    assertThat(actual).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void theClassifierDecidesAsBeforeOnAnyText(@ForAll("mixedText") String text) {
    Map<Department, List<String>> dictionary = new LinkedHashMap<>(KeywordClassifier.defaultDictionary());
    dictionary.put(Department.of("billing"), List.of("É", "ǆ", "σ", "ٱ", "ab", "a b", "١٢"));
    Classification expected = referenceClassify(dictionary, text);
    assertThat(new KeywordClassifier(dictionary).classify(text, Language.ENGLISH)).isEqualTo(expected);
  }

  /** The words are lower-cased a char at a time; for every char kept that is what the whole word's case gives. */
  @org.junit.jupiter.api.Test
  void everyCharIsNormalisedAsBeforeAloneAndBetweenLetters() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      for (String text : List.of(String.valueOf((char) c), "a" + (char) c + "b", "ب" + (char) c)) {
        assertThat(TextNormalizer.tokens(text)).as("U+%04X in '%s'", c, text).isEqualTo(referenceTokens(text));
      }
    }
  }

  @Property(tries = 1000)
  void wordsStrippedAsTheStringFunctionsStripThem(@ForAll("utterances") String text) {
    TextNormalizer.Words words = TextNormalizer.words(text);
    List<String> tokens = referenceTokens(text);
    assertThat(words.count()).isEqualTo(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String stripped = referenceStripSuffix(referenceStripPrefix(token));
      assertThat(TextNormalizer.stripSuffix(TextNormalizer.stripPrefix(token))).isEqualTo(stripped);
      assertThat(words.word(i)).isEqualTo(token);
      assertThat(words.is(i, token.toCharArray())).isTrue();
      assertThat(words.strippedIs(i, stripped.toCharArray())).isTrue();
      assertThat(words.hasAffix(i)).isEqualTo(!stripped.equals(token));
      assertThat(words.hash(i)).isEqualTo(TextNormalizer.Words.hash(token.toCharArray(), 0, token.length()));
      assertThat(words.strippedHash(i))
          .isEqualTo(TextNormalizer.Words.hash(stripped.toCharArray(), 0, stripped.length()));
    }
  }

  @Property(tries = 500)
  void aLanguageRequestIsRecognisedAsBefore(@ForAll("mixedText") String text) {
    List<String> tokens = referenceTokens(text);
    Language expected = null;
    if (text.length() <= 80 && !tokens.isEmpty() && tokens.size() <= 5) {
      boolean en = tokens.contains("english") || tokens.contains("انجليزي");
      boolean ar = tokens.contains("arabic") || tokens.contains("عربي");
      expected = en == ar ? null : en ? Language.ENGLISH : Language.ARABIC;
    }
    if (expected != null || tokens.stream().noneMatch(t -> t.contains("نجليز") || t.contains("نكليز")
        || t.contains("عربي"))) {
      assertThat(DetectedLanguage.requested(text)).isEqualTo(expected);
    }
    assertThat(DetectedLanguage.requested("English please")).isEqualTo(Language.ENGLISH);
    assertThat(DetectedLanguage.requested("ممكن بالعربي لو سمحت")).isEqualTo(Language.ARABIC);
    assertThat(DetectedLanguage.requested("I would like to speak english with someone please")).isNull();
  }
}
