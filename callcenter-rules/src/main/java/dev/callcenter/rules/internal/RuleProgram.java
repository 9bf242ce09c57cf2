package dev.callcenter.rules.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The active rules of a rule set, compiled for {@code evaluate}. Nearly every rule's condition is a conjunction
 * or a disjunction of leaves and negated leaves; for those, each distinct leaf of the rule set is tested once per
 * call into one bit of a bit set, and a rule is then a mask test on the words of that bit set it touches. Rules
 * of any other shape, and rules with a regular expression (too costly to test when the rule might not need it),
 * run their {@link Condition} tree as written, which stays the reference semantics and the explanation path.
 *
 * <p>Use: {@code long[] bits = program.testLeaves(f, local)}, then {@code program.holds(i, bits, f, local)} for
 * the rules in order. The bit set is a per-thread scratch array, valid until the thread's next evaluation.
 */
public final class RuleProgram {
  private static final byte ALL = 0;
  private static final byte ANY = 1;
  private static final byte TREE = 2;

  /** Per-thread scratch for the leaf bits, so an evaluation allocates nothing of its own. */
  private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[1]);

  /** The distinct leaves, grouped by class and fact so the dispatch of consecutive tests is predictable. */
  private final Condition.Leaf[] leaves;
  private final int words;
  private final byte[] kind;
  /** Terms of rule i are {@code start[i]} to {@code start[i + 1]}; a term is one word of the bit set. */
  private final int[] start;
  private final int[] word;
  /** The leaf bits of a term's positive literals and of its negated ones. */
  private final long[] pos;
  private final long[] neg;
  private final Condition[] trees;

  private RuleProgram(Condition.Leaf[] leaves, byte[] kind, int[] start, int[] word, long[] pos, long[] neg,
      Condition[] trees) {
    this.leaves = leaves;
    this.words = Math.max(1, (leaves.length + 63) >>> 6);
    this.kind = kind;
    this.start = start;
    this.word = word;
    this.pos = pos;
    this.neg = neg;
    this.trees = trees;
  }

  /** A literal: a leaf, possibly negated. */
  private record Literal(Condition.Leaf leaf, boolean negated) {}

  public static RuleProgram compile(CompiledRule[] rules) {
    int n = rules.length;
    byte[] kind = new byte[n];
    List<List<Literal>> literals = new ArrayList<>(n);
    Map<String, Condition.Leaf> distinct = new LinkedHashMap<>();
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
        // the description names the fact, the operator and the stored constants: equal text, equal test
        distinct.putIfAbsent(l.leaf.describe(), l.leaf);
      }
    }
    Condition.Leaf[] leaves = distinct.values().stream()
        .sorted(Comparator.comparing((Condition.Leaf l) -> l.getClass().getName()).thenComparing(l -> l.fact))
        .toArray(Condition.Leaf[]::new);
    Map<String, Integer> bit = new HashMap<>();
    for (int b = 0; b < leaves.length; b++) {
      bit.put(leaves[b].describe(), b);
    }
    int[] start = new int[n + 1];
    List<long[]> terms = new ArrayList<>(); // {word, pos, neg}
    Condition[] trees = new Condition[n];
    for (int i = 0; i < n; i++) {
      start[i] = terms.size();
      trees[i] = rules[i].condition;
      Map<Integer, long[]> byWord = new TreeMap<>();
      for (Literal l : literals.get(i)) {
        int b = bit.get(l.leaf.describe());
        long[] t = byWord.computeIfAbsent(b >>> 6, w -> new long[] {w, 0, 0});
        t[l.negated ? 2 : 1] |= 1L << b;
      }
      terms.addAll(byWord.values());
    }
    start[n] = terms.size();
    int[] word = new int[terms.size()];
    long[] pos = new long[terms.size()];
    long[] neg = new long[terms.size()];
    for (int t = 0; t < word.length; t++) {
      word[t] = (int) terms.get(t)[0];
      pos[t] = terms.get(t)[1];
      neg[t] = terms.get(t)[2];
    }
    return new RuleProgram(leaves, kind, start, word, pos, neg, trees);
  }

  /** Tests every distinct leaf once; bit {@code i} of the result is leaf {@code i}'s outcome. */
  public long[] testLeaves(FactValues f, long local) {
    long[] bits = SCRATCH.get();
    if (bits.length < words) {
      bits = new long[words];
      SCRATCH.set(bits);
    }
    Condition.Leaf[] ls = leaves;
    long w = 0;
    for (int i = 0; i < ls.length; i++) {
      if (ls[i].test(f, local)) {
        w |= 1L << i; // the shift distance is taken mod 64
      }
      if ((i & 63) == 63) {
        bits[i >>> 6] = w;
        w = 0;
      }
    }
    if ((ls.length & 63) != 0) {
      bits[ls.length >>> 6] = w;
    }
    return bits;
  }

  /** Whether rule {@code i}'s condition holds, given the leaf bits of this call. */
  public boolean holds(int i, long[] bits, FactValues f, long local) {
    int from = start[i];
    int to = start[i + 1];
    switch (kind[i]) {
      case ALL:
        for (int t = from; t < to; t++) {
          long b = bits[word[t]];
          if ((((b & pos[t]) ^ pos[t]) | (b & neg[t])) != 0) {
            return false;
          }
        }
        return true;
      case ANY:
        for (int t = from; t < to; t++) {
          long b = bits[word[t]];
          if (((b & pos[t]) | (~b & neg[t])) != 0) {
            return true;
          }
        }
        return false;
      default:
        return trees[i].test(f, local);
    }
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
    return "RuleProgram[" + kind.length + " rules, " + trees + " as condition trees; " + leaves.length
        + " distinct leaves in " + words + " words]";
  }
}
