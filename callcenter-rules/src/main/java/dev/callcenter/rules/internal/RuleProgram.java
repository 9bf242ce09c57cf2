package dev.callcenter.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The active rules of a rule set, compiled for {@code evaluate}. Nearly every rule's condition is a conjunction
 * or a disjunction of leaves and negated leaves; for those, each distinct leaf of the rule set is tested once per
 * call into one bit of a bit set (the leaves on a string or number fact all at once, see {@link FactTable}),
 * and a rule is then a mask test on the words of that bit set it touches. Rules of any other shape, and rules
 * with a regular expression (too costly to test when the rule might not need it), run their {@link Condition}
 * tree as written, which stays the reference semantics and the explanation path.
 *
 * <p>Use: the leaf bits from {@link #testWord} when {@link #oneWord()}, else from {@link #testLeaves} (a
 * per-thread scratch array, valid until the thread's next evaluation); then {@link #holding} for each 64 rules
 * in order.
 */
public final class RuleProgram {
  private static final byte ALL = 0;
  private static final byte ANY = 1;
  private static final byte TREE = 2;
  /** Flag on ALL or ANY: the rule has terms in more than one word. */
  private static final byte MORE = 4;

  /** Per-thread scratch for the leaf bits, so an evaluation allocates nothing of its own. */
  private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[1]);

  /** Facts whose leaves are answered by one table look-up; see {@link FactTable}. */
  private final FactTable[] tables;
  /**
   * The other leaves, tested one by one, grouped by class and fact so that consecutive virtual calls go to the
   * same place; their bits start at {@code firstSingle}.
   */
  private final Condition.Leaf[] singles;
  private final int firstSingle;
  private final int words;
  private final byte[] kind;
  /**
   * Each rule is a conjunction of terms, a term the literals of the rule in one word of the bit set: the bits of
   * its positive literals and of its negated ones. An {@code any} rule is stored as the conjunction of the
   * negated literals, and holds when that does not. Rule i's first term is at index i (one word covers most
   * rules); its other terms are {@code start[i]} to {@code start[i + 1]} of the {@code more} arrays.
   */
  private final int[] word;
  private final long[] pos;
  private final long[] neg;
  private final int[] start;
  private final int[] moreWord;
  private final long[] morePos;
  private final long[] moreNeg;
  private final Condition[] trees;

  private RuleProgram(FactTable[] tables, Condition.Leaf[] singles, int firstSingle, int leaves, byte[] kind,
      List<List<long[]>> terms, Condition[] trees) {
    int n = kind.length;
    this.tables = tables;
    this.singles = singles;
    this.firstSingle = firstSingle;
    this.words = Math.max(1, (leaves + 63) >>> 6);
    this.kind = kind;
    this.trees = trees;
    word = new int[n];
    pos = new long[n];
    neg = new long[n];
    start = new int[n + 1];
    int more = 0;
    for (int i = 0; i < n; i++) {
      more += Math.max(0, terms.get(i).size() - 1);
    }
    moreWord = new int[more];
    morePos = new long[more];
    moreNeg = new long[more];
    int m = 0;
    for (int i = 0; i < n; i++) {
      start[i] = m;
      List<long[]> t = terms.get(i);
      for (int k = 0; k < t.size(); k++) {
        long[] term = t.get(k);
        boolean any = kind[i] == ANY;
        if (k == 0) {
          word[i] = (int) term[0];
          pos[i] = any ? term[2] : term[1];
          neg[i] = any ? term[1] : term[2];
        } else {
          moreWord[m] = (int) term[0];
          morePos[m] = any ? term[2] : term[1];
          moreNeg[m] = any ? term[1] : term[2];
          m++;
        }
      }
    }
    start[n] = m;
    for (int i = 0; i < n; i++) {
      if (start[i + 1] > start[i]) {
        kind[i] |= MORE;
      }
    }
  }

  /** A literal: a leaf, possibly negated. */
  private record Literal(Condition.Leaf leaf, boolean negated) {}

  public static RuleProgram compile(CompiledRule[] rules) {
    int n = rules.length;
    byte[] kind = new byte[n];
    List<List<Literal>> literals = new ArrayList<>(n);
    Map<Object, Condition.Leaf> distinct = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Condition c = rules[i].condition;
      List<Literal> out = new ArrayList<>();
      if (hasRegex(c)) {
        kind[i] = TREE;
      } else if (flatten(c, false, true, out)) {
        kind[i] = ALL;
      } else {
        out.clear();
        kind[i] = flatten(c, false, false, out) ? ANY : TREE;
      }
      if (kind[i] == TREE) {
        out.clear();
      }
      literals.add(out);
      for (Literal l : out) {
        distinct.putIfAbsent(l.leaf.key(), l.leaf);
      }
    }
    // bits: first the leaves of each tabulated fact, together; then the leaves tested one by one
    Map<FactKind, List<Condition.Leaf>> byFact = new EnumMap<>(FactKind.class);
    List<Condition.Leaf> singles = new ArrayList<>();
    for (Condition.Leaf l : distinct.values()) {
      (FactTable.takes(l) ? byFact.computeIfAbsent(l.fact, k -> new ArrayList<>()) : singles).add(l);
    }
    List<Condition.Leaf> order = new ArrayList<>();
    List<FactTable> tables = new ArrayList<>();
    for (List<Condition.Leaf> ls : byFact.values()) {
      FactTable t = ls.size() < 2 ? null : FactTable.of(ls, order.size());
      if (t == null) {
        singles.addAll(ls);
      } else {
        tables.add(t);
        order.addAll(ls);
      }
    }
    singles.sort(Comparator.comparing((Condition.Leaf l) -> l.getClass().getName()).thenComparing(l -> l.fact));
    int firstSingle = order.size();
    order.addAll(singles);
    Map<Object, Integer> bit = new HashMap<>();
    for (int b = 0; b < order.size(); b++) {
      bit.put(order.get(b).key(), b);
    }
    List<List<long[]>> terms = new ArrayList<>(n);
    Condition[] trees = new Condition[n];
    for (int i = 0; i < n; i++) {
      trees[i] = rules[i].condition;
      Map<Integer, long[]> byWord = new TreeMap<>();
      for (Literal l : literals.get(i)) {
        int b = bit.get(l.leaf.key());
        long[] t = byWord.computeIfAbsent(b >>> 6, w -> new long[] {w, 0, 0}); // {word, positive, negated}
        t[l.negated ? 2 : 1] |= 1L << b;
      }
      terms.add(new ArrayList<>(byWord.values()));
    }
    return new RuleProgram(tables.toArray(new FactTable[0]), singles.toArray(new Condition.Leaf[0]), firstSingle,
        order.size(), kind, terms, trees);
  }

  /** Whether the leaf bits fit in one word, so that {@link #testWord} gives them all. */
  public boolean oneWord() {
    return words == 1;
  }

  /** For a {@link #oneWord} program: tests every distinct leaf once; bit i is leaf i's outcome. */
  public long testWord(FactValues f, long local) {
    long bits = 0;
    for (FactTable t : tables) {
      bits |= t.row(f)[0];
    }
    Condition.Leaf[] ls = singles;
    for (int i = 0, b = firstSingle; i < ls.length; i++, b++) {
      if (ls[i].test(f, local)) {
        bits |= 1L << b;
      }
    }
    return bits;
  }

  /** Tests every distinct leaf once; bit i (of word i / 64) is leaf i's outcome. */
  public long[] testLeaves(FactValues f, long local) {
    long[] bits = SCRATCH.get();
    if (bits.length < words) {
      bits = new long[words];
      SCRATCH.set(bits);
    }
    Arrays.fill(bits, 0, words, 0L);
    for (FactTable t : tables) {
      long[] row = t.row(f);
      for (int w = 0, first = t.firstWord; w < row.length; w++) {
        bits[first + w] |= row[w];
      }
    }
    Condition.Leaf[] ls = singles;
    for (int i = 0, b = firstSingle; i < ls.length; i++, b++) {
      if (ls[i].test(f, local)) {
        bits[b >>> 6] |= 1L << b;
      }
    }
    return bits;
  }

  /**
   * Which of rules {@code 64 w} to {@code 64 w + 63} hold, as bit {@code i mod 64} for rule i, given the first
   * word of the leaf bits and all of them (null for a {@link #oneWord} program).
   */
  public long holding(int w, long word0, long @Nullable [] bits, FactValues f, long local) {
    long out = 0;
    for (int i = w << 6, end = Math.min(kind.length, i + 64); i < end; i++) {
      if (holds(i, word0, bits, f, local)) {
        out |= 1L << i;
      }
    }
    return out;
  }

  /** Whether rule {@code i}'s condition holds, given the leaf bits of this call. */
  private boolean holds(int i, long word0, long @Nullable [] bits, FactValues f, long local) {
    byte k = kind[i];
    if (k == TREE) {
      return trees[i].test(f, local);
    }
    int wd = word[i];
    long b = wd == 0 ? word0 : bits[wd];
    // a term holds when all its positive bits are set and none of its negated ones
    boolean all = (((b & pos[i]) ^ pos[i]) | (b & neg[i])) == 0;
    if ((k & MORE) != 0) {
      for (int t = start[i], end = start[i + 1]; all && t < end; t++) {
        b = bits[moreWord[t]];
        all = (((b & morePos[t]) ^ morePos[t]) | (b & moreNeg[t])) == 0;
      }
    }
    return all == ((k & ANY) == 0);
  }

  /**
   * Adds {@code c} (negated when {@code negated}) to {@code out} as literals of a conjunction ({@code and}) or a
   * disjunction; false when its shape does not allow that.
   */
  private static boolean flatten(Condition c, boolean negated, boolean and, List<Literal> out) {
    if (c instanceof Condition.Leaf leaf) {
      out.add(new Literal(leaf, negated));
      return true;
    }
    if (c instanceof Condition.Not not) {
      return flatten(not.inner, !negated, and, out);
    }
    Condition[] parts;
    boolean isAnd;
    if (c instanceof Condition.All all) {
      parts = all.parts;
      isAnd = true;
    } else {
      parts = ((Condition.Any) c).parts;
      isAnd = false;
    }
    if ((isAnd != negated) != and) { // De Morgan: not(all) is any of the negations
      return false;
    }
    for (Condition p : parts) {
      if (!flatten(p, negated, and, out)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasRegex(Condition c) {
    if (c instanceof Condition.StringMatches) {
      return true;
    }
    if (c instanceof Condition.Not not) {
      return hasRegex(not.inner);
    }
    Condition[] parts = c instanceof Condition.All all ? all.parts
        : c instanceof Condition.Any any ? any.parts : new Condition[0];
    for (Condition p : parts) {
      if (hasRegex(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    int trees = 0;
    for (byte k : kind) {
      trees += k == TREE ? 1 : 0;
    }
    return "RuleProgram[" + kind.length + " rules, " + trees + " as condition trees; " + tables.length
        + " tabulated facts with " + firstSingle + " leaves, " + singles.length + " more leaves; " + words
        + " words]";
  }
}
