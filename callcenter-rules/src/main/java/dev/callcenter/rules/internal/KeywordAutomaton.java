package dev.callcenter.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A keyword dictionary compiled into a two-level automaton: a hashed lexicon maps each folded word of the text
 * to a word id, and a phrase automaton over word ids finds whole words and multi-word phrases. The scan folds
 * characters as it reads them (no normalised copy of the text) and hashes each word as it goes. The lexicon
 * also holds the forms of its words behind the Arabic clitic prefixes, so each word of the text costs one
 * look-up. It keeps its state in a per-thread scratch area and allocates nothing. Immutable once built; safe
 * for concurrent use.
 */
public final class KeywordAutomaton {
  /** One dictionary entry to compile. */
  public record Term(String text, int department, int language, double weight) {}

  /** Receives every match found by {@link #scan}, including negated ones. */
  public interface MatchSink {
    void accept(int term, int start, int end, boolean negated);
  }

  static final int MAX_WORD = 48;
  /** Longest text whose copy a thread keeps for the next scan; longer texts get a one-off buffer. */
  private static final int MAX_KEPT_TEXT = 1 << 16;
  private static final int MAX_ACTIVE = 16;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  /**
   * Most lexicon words for which the lexicon also holds their forms behind every Arabic prefix: speed for memory
   * (a router over 5,000 keywords retains about 5 MB instead of 1.3 MB); a larger lexicon tries the prefixes one
   * by one while it scans.
   */
  static final int MAX_WORDS_WITH_PREFIXED_FORMS = 1 << 14;

  // lexicon: open addressing over keys, the folded canonical words and, when prefixesExpanded, each word behind
  // each Arabic prefix; a slot holds hash << 32 | (key index + 1), 0 when free
  private final long[] slots;
  private final int slotMask;
  private final int[] keyOffset;
  private final int[] keyLength;
  private final char[] keyChars;
  /** The word id a key stands for: the word itself, or the word a prefixed form folds to. */
  private final int[] keyWord;
  /**
   * Whether the keys include the prefixed forms, so that one look-up finds an Arabic word with or without a
   * clitic prefix instead of one look-up per prefix that fits.
   */
  private final boolean prefixesExpanded;
  private final boolean[] negator;
  // phrase automaton: root transitions by word id, deeper transitions hashed by (state, word)
  private final int[] rootNext;
  private final long[] edgeKeys;
  private final int[] edgeTargets;
  private final int edgeMask;
  private final int[] outputStart;
  private final int[] outputs;
  /** Whether a state has a transition, i.e. whether a phrase can go on from it. */
  private final boolean[] extendable;
  // terms
  private final int[] termDepartment;
  private final int[] termLanguageBit;
  private final double[] termWeight;
  private final int departments;
  private final int negationScope;

  private KeywordAutomaton(Builder b, int departments, int negationScope) {
    this.departments = departments;
    this.negationScope = negationScope;
    int words = b.words.size();
    List<String> keys = new ArrayList<>(b.words);
    List<Integer> keyWords = new ArrayList<>();
    for (int id = 0; id < words; id++) {
      keyWords.add(id);
    }
    prefixesExpanded = b.expandPrefixes && words <= MAX_WORDS_WITH_PREFIXED_FORMS;
    if (prefixesExpanded) {
      java.util.Set<String> known = new java.util.HashSet<>(b.words);
      for (String w : b.words) {
        for (char[] prefix : WordForms.ARABIC_PREFIXES) {
          String form = new String(prefix) + w;
          if (w.length() >= 2 && form.length() <= MAX_WORD && known.add(form)) {
            keys.add(form);
            keyWords.add(prefixedWord(form, b.wordIds));
          }
        }
      }
    }
    int cap = Integer.highestOneBit(Math.max(16, keys.size() * 3)) << 1;
    slots = new long[cap];
    slotMask = cap - 1;
    keyOffset = new int[keys.size()];
    keyLength = new int[keys.size()];
    keyWord = keyWords.stream().mapToInt(Integer::intValue).toArray();
    StringBuilder pool = new StringBuilder();
    for (int k = 0; k < keys.size(); k++) {
      String key = keys.get(k);
      keyOffset[k] = pool.length();
      keyLength[k] = key.length();
      pool.append(key);
      int h = key.hashCode(); // the scan's hash: h = 31 * h + c over the folded characters
      int i = mix(h) & slotMask;
      while (slots[i] != 0) {
        i = (i + 1) & slotMask;
      }
      slots[i] = ((long) h << 32) | (k + 1);
    }
    keyChars = pool.toString().toCharArray();
    negator = new boolean[words];
    for (int id : b.negators) {
      negator[id] = true;
    }

    int states = b.stateCount;
    rootNext = new int[words];
    int edges = b.edges.size();
    int edgeCap = Integer.highestOneBit(Math.max(16, edges * 3)) << 1;
    edgeKeys = new long[edgeCap];
    Arrays.fill(edgeKeys, -1L);
    edgeTargets = new int[edgeCap];
    edgeMask = edgeCap - 1;
    extendable = new boolean[states];
    for (Map.Entry<Long, Integer> e : b.edges.entrySet()) {
      long key = e.getKey();
      int from = (int) (key >>> 32);
      extendable[from] = true;
      int word = (int) key;
      if (from == 0) {
        rootNext[word] = e.getValue();
      } else {
        int i = mix(Long.hashCode(key)) & edgeMask;
        while (edgeKeys[i] != -1L) {
          i = (i + 1) & edgeMask;
        }
        edgeKeys[i] = key;
        edgeTargets[i] = e.getValue();
      }
    }
    outputStart = new int[states + 1];
    List<Integer> flat = new ArrayList<>();
    for (int s = 0; s < states; s++) {
      outputStart[s] = flat.size();
      flat.addAll(b.outputs.getOrDefault(s, List.of()));
    }
    outputStart[states] = flat.size();
    outputs = flat.stream().mapToInt(Integer::intValue).toArray();

    int terms = b.terms.size();
    termDepartment = new int[terms];
    termLanguageBit = new int[terms];
    termWeight = new double[terms];
    for (int t = 0; t < terms; t++) {
      Term term = b.terms.get(t);
      termDepartment[t] = term.department();
      termLanguageBit[t] = 1 << term.language();
      termWeight[t] = term.weight();
    }
  }

  /**
   * Compiles terms and negation words. {@code negators} are folded words; terms are phrases of folded words.
   */
  public static KeywordAutomaton compile(List<Term> terms, List<String> negators, int departments,
      int negationScope) {
    return compile(terms, negators, departments, negationScope, true);
  }

  /** As {@link #compile(List, List, int, int)}; without {@code expandPrefixes} the scan tries prefixes one by one. */
  static KeywordAutomaton compile(List<Term> terms, List<String> negators, int departments, int negationScope,
      boolean expandPrefixes) {
    Builder b = new Builder();
    b.expandPrefixes = expandPrefixes;
    for (String n : negators) {
      List<String> ws = TextFolding.words(n);
      if (ws.size() == 1) {
        b.negators.add(b.wordId(WordForms.canonical(ws.get(0))));
      }
    }
    for (Term t : terms) {
      b.add(t);
    }
    return new KeywordAutomaton(b, departments, negationScope);
  }

  private static final class Builder {
    final List<String> words = new ArrayList<>();
    final Map<String, Integer> wordIds = new HashMap<>();
    final java.util.Set<Integer> negators = new java.util.HashSet<>();
    final Map<Long, Integer> edges = new HashMap<>();
    final Map<Integer, List<Integer>> outputs = new HashMap<>();
    final List<Term> terms = new ArrayList<>();
    int stateCount = 1;
    boolean expandPrefixes;

    int wordId(String w) {
      return wordIds.computeIfAbsent(w, k -> {
        words.add(k);
        return words.size() - 1;
      });
    }

    void add(Term t) {
      List<String> ws = TextFolding.words(t.text());
      if (ws.isEmpty()) {
        return;
      }
      int state = 0;
      for (String w : ws) {
        int id = wordId(WordForms.canonical(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w));
        long key = ((long) state << 32) | id;
        Integer next = edges.get(key);
        if (next == null) {
          next = stateCount++;
          edges.put(key, next);
        }
        state = next;
      }
      terms.add(t);
      outputs.computeIfAbsent(state, k -> new ArrayList<>()).add(terms.size() - 1);
    }
  }

  public int departments() {
    return departments;
  }

  /** Per-thread scratch area holding the department scores of the last {@link #scan}. */
  public static Scratch scratch() {
    return SCRATCH.get();
  }

  /** Working memory of one thread's scans. */
  public static final class Scratch {
    final char[] word = new char[MAX_WORD];
    char[] text = new char[256];
    double[] scores = new double[8];
    int[] active = new int[MAX_ACTIVE];
    int[] activeStart = new int[MAX_ACTIVE];
    boolean[] activeNegated = new boolean[MAX_ACTIVE];
    int[] next = new int[MAX_ACTIVE];
    int[] nextStart = new int[MAX_ACTIVE];
    boolean[] nextNegated = new boolean[MAX_ACTIVE];
    int activeCount;

    /** Score of department {@code d} after the last scan. */
    public double score(int d) {
      return scores[d];
    }
  }

  /**
   * Scans {@code text}, leaving the score of every department in {@code s}, and reports every match to
   * {@code sink} when it is not null. Only terms whose language bit is in {@code languageMask} count.
   */
  public void scan(CharSequence text, int languageMask, Scratch s, @org.jspecify.annotations.Nullable MatchSink sink) {
    if (s.scores.length < departments) {
      s.scores = new double[departments];
    }
    Arrays.fill(s.scores, 0, departments, 0.0);
    s.activeCount = 0;
    int n = text.length();
    char[] chars = s.text;
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
      if (n <= MAX_KEPT_TEXT) {
        s.text = chars;
      }
    }
    if (text instanceof String str) {
      str.getChars(0, n, chars, 0);
    } else {
      for (int i = 0; i < n; i++) {
        chars[i] = text.charAt(i);
      }
    }
    char[] word = s.word;
    int len = 0;
    int hash = 0;
    boolean overflow = false;
    int start = 0;
    int end = 0;
    int negation = 0;
    for (int i = 0; i < n; i++) {
      char f = CharFolding.fold(chars[i]);
      // the work per character is kept to the least: it is most of the scan's time
      if (CharFolding.isWordChar(f)) {
        if (len < MAX_WORD) {
          word[len++] = f;
          hash = 31 * hash + f;
        } else {
          overflow = true;
        }
        end = i + 1;
      } else {
        if (len > 0 && f != CharFolding.IGNORE) {
          negation = feed(overflow ? -1 : lookup(word, len, hash), start, end, negation, languageMask, s, sink);
          len = 0;
          hash = 0;
          overflow = false;
        }
        if (len == 0) {
          start = i + 1; // where the next word starts, unless more separators or ignored characters come
        }
        if (f == CharFolding.CLAUSE) {
          s.activeCount = 0;
          negation = 0;
        }
      }
    }
    if (len > 0) {
      feed(overflow ? -1 : lookup(word, len, hash), start, end, negation, languageMask, s, sink);
    }
  }

  /** Feeds one word of the text (-1 when not in the lexicon) to the phrase automaton; returns the new negation. */
  private int feed(int id, int start, int end, int negation, int languageMask, Scratch s,
      @org.jspecify.annotations.Nullable MatchSink sink) {
    boolean negated = negation > 0;
    int left = negated ? negation - 1 : 0;
    if (id < 0) {
      s.activeCount = 0;
      return left;
    }
    int root = rootNext[id];
    if (s.activeCount == 0) {
      // the common case: no phrase under way
      if (root > 0) {
        emit(root, start, end, negated, languageMask, s, sink);
        if (extendable[root]) {
          s.active[0] = root;
          s.activeStart[0] = start;
          s.activeNegated[0] = negated;
          s.activeCount = 1;
        }
      }
    } else {
      step(id, root, start, end, negated, languageMask, s, sink);
    }
    return negator[id] ? negationScope : left;
  }

  /** Advances the phrases under way and starts one at this word, reporting the terms that end here. */
  private void step(int id, int root, int start, int end, boolean negated, int languageMask, Scratch s,
      @org.jspecify.annotations.Nullable MatchSink sink) {
    int count = 0;
    int[] next = s.next;
    int[] nextStart = s.nextStart;
    boolean[] nextNegated = s.nextNegated;
    for (int a = 0; a < s.activeCount; a++) {
      int target = edge(s.active[a], id);
      if (target > 0) {
        emit(target, s.activeStart[a], end, s.activeNegated[a], languageMask, s, sink);
        if (extendable[target] && count < MAX_ACTIVE) {
          next[count] = target;
          nextStart[count] = s.activeStart[a];
          nextNegated[count] = s.activeNegated[a];
          count++;
        }
      }
    }
    if (root > 0) {
      emit(root, start, end, negated, languageMask, s, sink);
      if (extendable[root] && count < MAX_ACTIVE) {
        next[count] = root;
        nextStart[count] = start;
        nextNegated[count] = negated;
        count++;
      }
    }
    // swap buffers
    s.next = s.active;
    s.nextStart = s.activeStart;
    s.nextNegated = s.activeNegated;
    s.active = next;
    s.activeStart = nextStart;
    s.activeNegated = nextNegated;
    s.activeCount = count;
  }

  /** Counts (unless negated) and reports the terms that end in {@code state}. */
  private void emit(int state, int start, int end, boolean negated, int languageMask, Scratch s,
      @org.jspecify.annotations.Nullable MatchSink sink) {
    for (int o = outputStart[state], last = outputStart[state + 1]; o < last; o++) {
      int term = outputs[o];
      if ((termLanguageBit[term] & languageMask) == 0) {
        continue;
      }
      if (!negated) {
        s.scores[termDepartment[term]] += termWeight[term];
      }
      if (sink != null) {
        sink.accept(term, start, end, negated);
      }
    }
  }

  private int edge(int state, int word) {
    long key = ((long) state << 32) | word;
    int i = mix(Long.hashCode(key)) & edgeMask;
    while (true) {
      long k = edgeKeys[i];
      if (k == key) {
        return edgeTargets[i];
      }
      if (k == -1L) {
        return 0;
      }
      i = (i + 1) & edgeMask;
    }
  }

  /** The word id of a folded word whose hash is {@code h}, trying its folded forms; -1 when not in the lexicon. */
  private int lookup(char[] w, int len, int h) {
    char first = w[0];
    if (CharFolding.isLatin(first)) {
      int stem = WordForms.englishStem(w, len);
      return find(w, 0, stem, stem == len ? h : hash(w, 0, stem));
    }
    int id = find(w, 0, len, h);
    if (id >= 0 || prefixesExpanded || !CharFolding.isArabic(first)) {
      return id;
    }
    for (char[] prefix : WordForms.arabicPrefixes(first)) {
      int p = WordForms.prefixLength(w, len, prefix);
      if (p > 0) {
        id = find(w, p, len, hash(w, p, len));
        if (id >= 0) {
          return id;
        }
      }
    }
    return -1;
  }

  /** The id of the lexicon word {@code w[from..to)} whose hash is {@code h}, or -1. */
  private int find(char[] w, int from, int to, int h) {
    int i = mix(h) & slotMask;
    int length = to - from;
    while (true) {
      long slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      int key = (int) slot - 1;
      if ((int) (slot >>> 32) == h && keyLength[key] == length && same(w, from, keyOffset[key], length)) {
        return keyWord[key];
      }
      i = (i + 1) & slotMask;
    }
  }

  /**
   * The word a text word {@code form} that is not itself in the lexicon folds to: the rest after the first
   * Arabic prefix, in {@link WordForms#ARABIC_PREFIXES} order, that leaves a lexicon word (what the scan without
   * prefixed forms finds).
   */
  private static int prefixedWord(String form, Map<String, Integer> wordIds) {
    for (char[] prefix : WordForms.ARABIC_PREFIXES) {
      String p = new String(prefix);
      if (form.startsWith(p) && form.length() - p.length() >= 2) {
        Integer id = wordIds.get(form.substring(p.length()));
        if (id != null) {
          return id;
        }
      }
    }
    throw new IllegalStateException("no lexicon word in " + form);
  }

  private boolean same(char[] w, int from, int offset, int length) {
    for (int k = 0; k < length; k++) {
      if (w[from + k] != keyChars[offset + k]) {
        return false;
      }
    }
    return true;
  }

  /** The hash of {@code w[from..to)}, the same as {@link String#hashCode} of those characters. */
  private static int hash(char[] w, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + w[i];
    }
    return h;
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
