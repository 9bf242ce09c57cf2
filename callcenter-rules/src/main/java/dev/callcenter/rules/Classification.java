package dev.callcenter.rules;

import dev.callcenter.core.Department;
import dev.callcenter.rules.internal.KeywordAutomaton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link KeywordRouter} made of an utterance: the department, a confidence from 0 to 1, the score of
 * every department and the matched terms with their positions. When nothing matched the department is the
 * dictionary's default and the confidence 0; when the two best departments tie it is the dictionary's tie
 * department. Immutable; {@link #scores()} and {@link #matches()} are worked out on first use, so that the
 * routing decision itself allocates nothing else.
 */
public final class Classification {
  private final CompiledDictionary dictionary;
  private final String text;
  private final int languageMask;
  private final Department department;
  private final double confidence;
  private @Nullable Map<Department, Double> scores;
  private @Nullable List<KeywordMatch> matches;

  Classification(CompiledDictionary dictionary, String text, int languageMask, Department department,
      double confidence) {
    this.dictionary = dictionary;
    this.text = text;
    this.languageMask = languageMask;
    this.department = department;
    this.confidence = confidence;
  }

  /** The department the utterance goes to. */
  public Department department() {
    return department;
  }

  /**
   * How sure the router is, from 0 (nothing matched) to 1: the best department's share of all scores times
   * {@code best / (best + confidenceScale)}, so that a single weak keyword is not taken for certainty.
   */
  public double confidence() {
    return confidence;
  }

  /** Whether any term counted (a negated term does not). */
  public boolean matched() {
    return confidence > 0;
  }

  /** The score of every department of the dictionary, best first. */
  public Map<Department, Double> scores() {
    Map<Department, Double> s = scores;
    if (s == null) {
      compute();
      s = scores;
    }
    return s == null ? Map.of() : s;
  }

  /** The matched terms in text order, negated ones included (flagged, not counted). */
  public List<KeywordMatch> matches() {
    List<KeywordMatch> m = matches;
    if (m == null) {
      compute();
      m = matches;
    }
    return m == null ? List.of() : m;
  }

  /** The dictionary terms that counted, in text order, without duplicates; a fact for the rules engine. */
  public Set<String> matchedTerms() {
    Set<String> terms = new LinkedHashSet<>();
    for (KeywordMatch m : matches()) {
      if (!m.negated()) {
        terms.add(m.term());
      }
    }
    return Collections.unmodifiableSet(terms);
  }

  private void compute() {
    List<KeywordMatch> found = new ArrayList<>();
    KeywordAutomaton.Scratch s = KeywordAutomaton.scratch();
    CompiledDictionary d = dictionary;
    d.automaton.scan(text, languageMask, s, (term, start, end, negated) -> found.add(new KeywordMatch(
        d.termText[term], d.departments[d.termDepartment[term]], d.termLanguage[term], d.termWeight[term], start,
        end, negated)));
    List<Department> order = new ArrayList<>(List.of(d.departments));
    double[] values = new double[d.departments.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = s.score(i);
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparing(i -> i));
    Map<Department, Double> map = new LinkedHashMap<>();
    for (int i : idx) {
      map.put(order.get(i), values[i]);
    }
    found.sort(Comparator.comparingInt(KeywordMatch::start).thenComparingInt(KeywordMatch::end));
    matches = List.copyOf(found);
    scores = Collections.unmodifiableMap(map);
  }

  @Override
  public String toString() {
    return String.format("Classification[department=%s, confidence=%.3f, scores=%s]", department, confidence,
        scores());
  }
}
