package dev.callcenter.rules;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.rules.internal.KeywordAutomaton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A dictionary compiled for scanning; what the router swaps atomically on reload. */
final class CompiledDictionary {
  final KeywordDictionary dictionary;
  final KeywordAutomaton automaton;
  final Department[] departments;
  final List<Language> languages;
  final String[] termText;
  final int[] termDepartment;
  final Language[] termLanguage;
  final double[] termWeight;
  final int defaultIndex;
  final int tieIndex;
  final int allLanguages;

  CompiledDictionary(KeywordDictionary dictionary) {
    this.dictionary = dictionary;
    List<Department> deps = new ArrayList<>(dictionary.keywords().keySet());
    for (Department extra : List.of(dictionary.defaultDepartment(), dictionary.onTie())) {
      if (!deps.contains(extra)) {
        deps.add(extra);
      }
    }
    departments = deps.toArray(new Department[0]);
    List<Language> langs = new ArrayList<>();
    List<KeywordAutomaton.Term> terms = new ArrayList<>();
    for (Map.Entry<Department, Map<Language, Map<String, Double>>> d : dictionary.keywords().entrySet()) {
      int di = deps.indexOf(d.getKey());
      for (Map.Entry<Language, Map<String, Double>> l : d.getValue().entrySet()) {
        int li = indexOf(langs, l.getKey());
        l.getValue().forEach((term, weight) -> terms.add(new KeywordAutomaton.Term(term, di, li, weight)));
      }
    }
    List<String> negators = new ArrayList<>();
    dictionary.negations().values().forEach(negators::addAll);
    languages = List.copyOf(langs);
    automaton = KeywordAutomaton.compile(terms, negators, departments.length, dictionary.negationScope());
    int n = terms.size();
    termText = new String[n];
    termDepartment = new int[n];
    termLanguage = new Language[n];
    termWeight = new double[n];
    for (int t = 0; t < n; t++) {
      KeywordAutomaton.Term term = terms.get(t);
      termText[t] = term.text();
      termDepartment[t] = term.department();
      termLanguage[t] = languages.get(term.language());
      termWeight[t] = term.weight();
    }
    defaultIndex = deps.indexOf(dictionary.defaultDepartment());
    tieIndex = deps.indexOf(dictionary.onTie());
    allLanguages = languages.size() >= 31 ? -1 : (1 << languages.size()) - 1;
  }

  private static int indexOf(List<Language> langs, Language l) {
    int i = langs.indexOf(l);
    if (i < 0) {
      if (langs.size() >= 31) {
        throw new IllegalStateException("at most 31 languages in one dictionary");
      }
      langs.add(l);
      i = langs.size() - 1;
    }
    return i;
  }

  int languageMask(Language language) {
    int i = languages.indexOf(language);
    if (i < 0) {
      i = languages.indexOf(Language.of(language.primary()));
    }
    return i < 0 ? 0 : 1 << i;
  }
}
