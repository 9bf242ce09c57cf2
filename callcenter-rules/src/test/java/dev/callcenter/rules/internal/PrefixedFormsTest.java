package dev.callcenter.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A lexicon holding every word's Arabic prefixed forms finds what trying the prefixes one by one finds (the
 * scan of a lexicon too large for the prefixed forms), including words that are themselves a prefix plus a
 * word, and words that two prefixes fit.
 */
class PrefixedFormsTest {
  private static final List<String> WORDS = List.of("شكوى", "الشكوى", "والشكوى", "وشكوى", "بالشكوى", "للشكوى",
      "لشكوى", "فالشكوى", "كالشكوى", "ولد", "والد", "الد", "د", "لد", "ال", "لل", "للبن", "لبن", "بن", "الله", "لله",
      "ه", "وال", "بال", "و", "ف", "ب", "ل", "ليس", "لا", "ولا", "سعر", "بسعر", "فسعر", "abc", "وabc", "12", "و12",
      "refund", "not");

  @Provide
  Arbitrary<List<String>> lexicons() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(WORDS).list().ofMaxSize(20).map(ws -> String.join(" ", ws));
  }

  @Property(tries = 500)
  void prefixedFormsFindWhatTryingEachPrefixFinds(@ForAll("lexicons") List<String> terms,
      @ForAll("lexicons") List<String> negators, @ForAll("texts") String text) {
    List<KeywordAutomaton.Term> ts = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      ts.add(new KeywordAutomaton.Term(terms.get(i) + (i % 3 == 0 && i + 1 < terms.size() ? " " + terms.get(i + 1)
          : ""), i % 3, 0, 1 + i % 4));
    }
    KeywordAutomaton expanded = KeywordAutomaton.compile(ts, negators, 3, 2, true);
    KeywordAutomaton oneByOne = KeywordAutomaton.compile(ts, negators, 3, 2, false);
    assertThat(scan(expanded, text)).isEqualTo(scan(oneByOne, text));
  }

  private static List<String> scan(KeywordAutomaton automaton, String text) {
    List<String> found = new ArrayList<>();
    KeywordAutomaton.Scratch s = KeywordAutomaton.scratch();
    automaton.scan(text, 1, s, (term, start, end, negated) -> found.add(term + "@" + start + "-" + end + "/" + negated));
    for (int d = 0; d < 3; d++) {
      found.add("score " + s.score(d));
    }
    return found;
  }
}
