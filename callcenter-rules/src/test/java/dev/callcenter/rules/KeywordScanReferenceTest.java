package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.rules.internal.CharFolding;
import dev.callcenter.rules.internal.TextFolding;
import dev.callcenter.rules.internal.WordForms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * The router's fused scan against a straightforward reference written from the documented behaviour: fold and
 * split the text into words, fold each word to its dictionary form, then compare every dictionary phrase with
 * every run of words in a clause, with negation counted per clause. Random dictionaries and random Arabic,
 * English and mixed texts (prefixes, suffixes, diacritics, tatweel, invisible marks, digits, punctuation).
 */
class KeywordScanReferenceTest {
  private static final List<String> ENGLISH = List.of("complaint", "complaints", "Complaint", "COMPLAINTS", "refund",
      "refunded", "refunding", "refunds", "bill", "billing", "bills", "price", "prices", "pricing", "buy", "buying",
      "order", "orders", "new", "subscription", "broken", "not", "no", "never", "dont", "don't", "hours", "opening",
      "policy", "policies", "box", "boxes", "class", "classes", "bus", "status", "agent", "speak", "to", "the", "a",
      "fix", "stopped", "stopping", "stop", "plan", "planned", "wishes", "watches", "ties", "x", "abc123", "r2d2",
      "Straße", "café");
  private static final List<String> ARABIC = List.of("شكوى", "شكوي", "الشكوى", "والشكوى", "بالشكوى", "فشكوى",
      "وشكوى", "لشكوى", "للشكوى", "كالشكوى", "فالشكوى", "فاتورة", "الفاتورة", "بالفاتورة", "سعر", "السعر", "بسعر",
      "وسعر", "ليس", "ليست", "لا", "ولا", "غير", "إلغاء", "الغاء", "اشتراك", "جديد", "الاشتراك", "مشكلة", "عطل", "ال",
      "لل", "و", "ولد", "والد", "الله", "بلد", "لبن", "للبن", "أريد", "وأريد", "طلب", "الطلب", "مستشفى", "١٢٣", "123",
      "۴۵", "ک", "ی");
  private static final List<String> SEPARATORS = List.of(" ", " ", " ", " ", "  ", "، ", "؟ ", ". ", ",", "! ",
      "؛", "…", "\n", " - ", "\t");
  private static final List<Character> MARKS = List.of('\u064B', '\u064E', '\u0650', '\u0651', '\u0652', '\u0640',
      '\u0670', '\u200C', '\u200D', '\u200F', '\u061C', '\u00AD');
  private static final Department[] DEPARTMENTS = {Department.SALES, Department.COMPLAINTS, Department.RECEPTION,
      Department.of("billing")};

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of(ENGLISH)),
        net.jqwik.api.Tuple.of(5, Arbitraries.of(ARABIC)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u0621', '\u064A').ofMinLength(1)
            .ofMaxLength(6)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(6)))
        .filter(w -> TextFolding.words(w).size() == 1);
  }

  /** One to three words: a dictionary keyword or phrase. */
  @Provide
  Arbitrary<String> phrases() {
    return words().list().ofMinSize(1).ofMaxSize(3).map(ws -> String.join(" ", ws));
  }

  @Provide
  Arbitrary<KeywordDictionary> dictionaries() {
    Arbitrary<List<String>> terms = phrases().list().ofMinSize(1).ofMaxSize(40);
    Arbitrary<List<Integer>> departments = Arbitraries.integers().between(0, DEPARTMENTS.length - 1).list()
        .ofSize(40);
    Arbitrary<List<Integer>> weights = Arbitraries.integers().between(1, 8).list().ofSize(40);
    Arbitrary<List<String>> negations = words().list().ofMaxSize(4);
    Arbitrary<Integer> scope = Arbitraries.integers().between(0, 4);
    return Combinators.combine(terms, departments, weights, negations, scope).as(KeywordScanReferenceTest::dictionary);
  }

  private static KeywordDictionary dictionary(List<String> terms, List<Integer> departments, List<Integer> weights,
      List<String> negations, int scope) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("negationScope", scope);
    ObjectNode neg = root.putObject("negations");
    neg.putArray("en").add("not").add("no");
    neg.putArray("ar").add("لا").add("ليس");
    negations.forEach(n -> neg.withArray(isArabic(n) ? "ar" : "en").add(n));
    ObjectNode deps = root.putObject("departments");
    Map<Department, Set<String>> seen = new HashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      Department d = DEPARTMENTS[departments.get(i)];
      String term = terms.get(i);
      if (seen.computeIfAbsent(d, k -> new HashSet<>()).add(canonicalPhrase(term))) {
        ObjectNode dn = deps.has(d.id()) ? (ObjectNode) deps.get(d.id()) : deps.putObject(d.id());
        String lang = isArabic(term) ? "ar" : "en";
        ObjectNode ln = dn.has(lang) ? (ObjectNode) dn.get(lang) : dn.putObject(lang);
        ln.put(term, weights.get(i) / 2.0);
      }
    }
    return KeywordDictionary.parse(root.toString());
  }

  private static boolean isArabic(String s) {
    return s.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
  }

  /** Texts of up to 25 words, with separators, decorations and case changes. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> decoratedWord = Combinators.combine(words(), Arbitraries.of(MARKS).list().ofMaxSize(2),
        Arbitraries.integers().between(0, 20)).as((w, marks, at) -> {
          StringBuilder b = new StringBuilder(w);
          for (char m : marks) {
            b.insert(Math.min(at, b.length()), m);
          }
          return b.toString();
        });
    Arbitrary<String> piece = Combinators.combine(decoratedWord, Arbitraries.of(SEPARATORS))
        .as((w, sep) -> w + sep);
    return piece.list().ofMaxSize(25).map(ps -> String.join("", ps));
  }

  @Property(tries = 400)
  void scanFindsWhatTheReferenceFinds(@ForAll("dictionaries") KeywordDictionary dictionary,
      @ForAll("texts") String text) {
    KeywordRouter router = KeywordRouter.of(dictionary);
    check(router.classify(text), reference(dictionary, text, null));
    check(router.classify(text, Language.ARABIC), reference(dictionary, text, Language.ARABIC));
    check(router.classify(text, Language.ENGLISH), reference(dictionary, text, Language.ENGLISH));
  }

  @Property(tries = 200)
  void scanOfTheShippedDictionaryFindsWhatTheReferenceFinds(@ForAll("texts") String text) {
    check(KeywordRouter.defaults().classify(text), reference(KeywordDictionary.defaults(), text, null));
  }

  private static void check(Classification actual, List<KeywordMatch> expected) {
    Comparator<KeywordMatch> order = Comparator.comparingInt(KeywordMatch::start)
        .thenComparingInt(KeywordMatch::end).thenComparing(KeywordMatch::term)
        .thenComparing(m -> m.department().id());
    List<KeywordMatch> found = new ArrayList<>(actual.matches());
    found.sort(order);
    List<KeywordMatch> wanted = new ArrayList<>(expected);
    wanted.sort(order);
    assertThat(found).isEqualTo(wanted);
    Map<Department, Double> scores = new HashMap<>();
    actual.scores().keySet().forEach(d -> scores.put(d, 0.0));
    expected.stream().filter(m -> !m.negated()).forEach(m -> scores.merge(m.department(), m.weight(), Double::sum));
    assertThat(actual.scores()).isEqualTo(scores);
  }

  private record Token(String folded, int start, int end, int clause) {}

  /** Every match, negated or not, of the dictionary's terms in {@code language} (all when null). */
  private static List<KeywordMatch> reference(KeywordDictionary dictionary, String text,
      @Nullable Language language) {
    // the lexicon: folded dictionary forms of every keyword word and every negation
    Set<String> lexicon = new HashSet<>();
    Set<String> negators = new HashSet<>();
    dictionary.negations().values().forEach(ws -> ws.forEach(w -> negators.add(canonicalWord(w))));
    lexicon.addAll(negators);
    dictionary.keywords().values().forEach(byLanguage -> byLanguage.values().forEach(terms -> terms.keySet()
        .forEach(t -> lexicon.addAll(canonicalWords(t)))));

    List<Token> tokens = tokens(text);
    List<@Nullable String> forms = new ArrayList<>();
    List<Boolean> negated = new ArrayList<>();
    int negation = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0 && tokens.get(i).clause() != tokens.get(i - 1).clause()) {
        negation = 0;
      }
      String form = dictionaryForm(tokens.get(i).folded(), lexicon);
      forms.add(form);
      negated.add(negation > 0);
      negation = negation > 0 ? negation - 1 : 0;
      if (form != null && negators.contains(form)) {
        negation = dictionary.negationScope();
      }
    }

    List<KeywordMatch> matches = new ArrayList<>();
    dictionary.keywords().forEach((department, byLanguage) -> byLanguage.forEach((lang, terms) -> {
      if (language != null && !lang.equals(language)) {
        return;
      }
      terms.forEach((term, weight) -> {
        List<String> words = canonicalWords(term);
        for (int i = 0; i + words.size() <= tokens.size(); i++) {
          boolean all = true;
          for (int k = 0; k < words.size() && all; k++) {
            all = words.get(k).equals(forms.get(i + k)) && tokens.get(i + k).clause() == tokens.get(i).clause();
          }
          if (all) {
            matches.add(new KeywordMatch(term, department, lang, weight, tokens.get(i).start(),
                tokens.get(i + words.size() - 1).end(), negated.get(i)));
          }
        }
      });
    }));
    return matches;
  }

  /** Folded words with their span in the original text and the number of their clause. */
  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int start = 0;
    int end = 0;
    int clause = 0;
    for (int i = 0; i <= text.length(); i++) {
      char f = i < text.length() ? CharFolding.fold(text.charAt(i)) : CharFolding.CLAUSE;
      if (f == CharFolding.IGNORE) {
        continue;
      }
      if (f == CharFolding.SPACE || f == CharFolding.CLAUSE) {
        if (word.length() > 0) {
          tokens.add(new Token(word.toString(), start, end, clause));
          word.setLength(0);
        }
        if (f == CharFolding.CLAUSE) {
          clause++;
        }
        continue;
      }
      if (word.length() == 0) {
        start = i;
      }
      word.append(f);
      end = i + 1;
    }
    return tokens;
  }

  /** The lexicon word a text word counts as: its English stem, itself, or itself without an Arabic prefix. */
  private static @Nullable String dictionaryForm(String folded, Set<String> lexicon) {
    if (folded.length() > 48) {
      return null;
    }
    char first = folded.charAt(0);
    if (CharFolding.isLatin(first)) {
      char[] b = folded.toCharArray();
      String stem = new String(b, 0, WordForms.englishStem(b, b.length));
      return lexicon.contains(stem) ? stem : null;
    }
    if (lexicon.contains(folded)) {
      return folded;
    }
    if (!CharFolding.isArabic(first)) {
      return null;
    }
    for (String prefix : List.of("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")) {
      String rest = folded.substring(Math.min(prefix.length(), folded.length()));
      if (folded.startsWith(prefix) && rest.length() >= 2 && lexicon.contains(rest)) {
        return rest;
      }
    }
    return null;
  }

  private static List<String> canonicalWords(String phrase) {
    return TextFolding.words(phrase).stream().map(w -> WordForms.canonical(w.length() > 48 ? w.substring(0, 48) : w))
        .toList();
  }

  private static String canonicalWord(String word) {
    return canonicalWords(word).get(0);
  }

  private static String canonicalPhrase(String phrase) {
    return String.join(" ", canonicalWords(phrase));
  }
}
