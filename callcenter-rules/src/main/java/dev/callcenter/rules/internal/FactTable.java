package dev.callcenter.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The leaves of a rule set on one string or number fact, answered together. Every such leaf compares the fact
 * with constants (eq, ne, in, not_in, gt, gte, lt, lte, between, exists), so all values of the fact that sit
 * in the same place among those constants -- absent; equal to a constant; between two neighbouring constants;
 * for strings, any value that is none of them -- give the same outcome for every leaf. The outcomes of each
 * such class are worked out once, by running the leaves themselves on a value of the class, and a call costs
 * one look-up of its value's class (a binary search, or a hash look-up for strings).
 */
final class FactTable {
  /** Above this many words of outcomes, the leaves are tested one by one instead. */
  private static final int MAX_WORDS = 4096;

  private final int slot;
  private final boolean number;
  /** Numbers: the distinct constants, ascending. Class 0 is absent; 1 + 2i is below constant i, 2 + 2i equal. */
  private final double[] constants;
  /** Strings: the class of each constant (1, 2, ...); 0 is absent, {@code values.size() + 1} any other. */
  private final Map<String, Integer> values;
  /** The first word of the bit set holding these leaves' bits. */
  final int firstWord;
  /** Per class, the leaves' bits from word {@code firstWord} on. */
  private final long[][] rows;

  private FactTable(int slot, boolean number, double[] constants, Map<String, Integer> values, int firstWord,
      long[][] rows) {
    this.slot = slot;
    this.number = number;
    this.constants = constants;
    this.values = values;
    this.firstWord = firstWord;
    this.rows = rows;
  }

  /** Whether the leaf only compares a string or number fact with constants. */
  static boolean takes(Condition.Leaf leaf) {
    return leaf instanceof Condition.NumberCompare || leaf instanceof Condition.StringIn
        || leaf instanceof Condition.Exists && (leaf.fact.type() == FactKind.Type.STRING
            || leaf.fact.type() == FactKind.Type.NUMBER || leaf.fact.type() == FactKind.Type.BOOLEAN);
  }

  /** A table for leaves (all {@link #takes taken}, on one fact) whose bits start at {@code firstBit}, or null. */
  static @Nullable FactTable of(List<Condition.Leaf> leaves, int firstBit) {
    FactKind fact = leaves.get(0).fact;
    boolean number = fact.type() != FactKind.Type.STRING;
    List<FactValues> samples = new ArrayList<>();
    samples.add(new FactValues()); // absent
    double[] constants = {};
    Map<String, Integer> values = new HashMap<>();
    if (number) {
      double[] all = leaves.stream().flatMapToDouble(l -> Arrays.stream(constants(l))).sorted().toArray();
      double[] distinct = new double[all.length];
      int k = 0;
      for (double c : all) {
        if (k == 0 || distinct[k - 1] != c) { // == also makes -0.0 and 0.0 one constant, as the leaves do
          distinct[k++] = c;
        }
      }
      constants = Arrays.copyOf(distinct, k);
      for (int i = 0; i <= k; i++) {
        // a value below constant i (above the one before); then constant i itself
        samples.add(number(fact, k == 0 ? 0 : i == 0 ? Math.nextDown(constants[0]) : Math.nextUp(constants[i - 1])));
        if (i < k) {
          samples.add(number(fact, constants[i]));
        }
      }
    } else {
      for (Condition.Leaf l : leaves) {
        if (l instanceof Condition.StringIn in) {
          for (String v : in.values) {
            if (!values.containsKey(v)) {
              values.put(v, values.size() + 1);
              samples.add(string(fact, v));
            }
          }
        }
      }
      String other = "\0";
      while (values.containsKey(other)) {
        other += "\0";
      }
      samples.add(string(fact, other));
    }
    int firstWord = firstBit >>> 6;
    int words = ((firstBit + leaves.size() - 1) >>> 6) - firstWord + 1;
    if ((long) words * samples.size() > MAX_WORDS) {
      return null;
    }
    long[][] rows = new long[samples.size()][words];
    for (int c = 0; c < rows.length; c++) {
      for (int j = 0; j < leaves.size(); j++) {
        if (leaves.get(j).test(samples.get(c), Condition.NO_TIME)) {
          int b = firstBit + j;
          rows[c][(b >>> 6) - firstWord] |= 1L << b;
        }
      }
    }
    return new FactTable(fact.slot(), number, constants, values, firstWord, rows);
  }

  /** The constants a number leaf compares with. */
  private static double[] constants(Condition.Leaf leaf) {
    if (!(leaf instanceof Condition.NumberCompare c)) {
      return new double[0]; // exists
    }
    return c.set.length > 0 ? c.set : c.op.equals("between") ? new double[] {c.a, c.b} : new double[] {c.a};
  }

  private static FactValues number(FactKind fact, double v) {
    FactValues f = new FactValues();
    f.numbers[fact.slot()] = v;
    return f;
  }

  private static FactValues string(FactKind fact, String v) {
    FactValues f = new FactValues();
    f.strings[fact.slot()] = v;
    return f;
  }

  /** The leaves' bits for the fact's value in {@code f}. */
  long[] row(FactValues f) {
    return rows[number ? numberClass(f.numbers[slot]) : stringClass(f.strings[slot])];
  }

  private int numberClass(double v) {
    if (v != v) {
      return 0; // NaN: absent
    }
    double[] cs = constants;
    int lo = 0;
    int hi = cs.length;
    while (lo < hi) { // the first constant not below v; primitive comparisons, as the leaves make
      int mid = (lo + hi) >>> 1;
      if (cs[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < cs.length && cs[lo] == v ? 2 + 2 * lo : 1 + 2 * lo;
  }

  private int stringClass(@Nullable String v) {
    if (v == null) {
      return 0;
    }
    Integer c = values.get(v);
    return c == null ? values.size() + 1 : c;
  }
}
