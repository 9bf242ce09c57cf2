package dev.callcenter.rules.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A compiled condition of a rule. {@link #test} defines what the condition means: {@link RuleProgram} answers
 * most rules from their leaves' tests without walking the tree, and runs the tree for the rest; {@link #failure}
 * finds the first condition that failed and what it saw, for explanations. {@code local} is the evaluation time
 * as seconds since the epoch in the rule set's time zone, or {@link #NO_TIME}.
 */
public abstract class Condition {
  public static final long NO_TIME = Long.MIN_VALUE;

  /** Where the condition sits in its rule, for example {@code when.all[1]}. */
  final String path;
  private @Nullable String description;

  Condition(String path) {
    this.path = path;
  }

  /** How the condition reads, for example {@code waitSeconds gt 120}; worked out once. */
  public final String describe() {
    String d = description;
    if (d == null) {
      d = describeOnce();
      description = d;
    }
    return d;
  }

  abstract String describeOnce();

  public abstract boolean test(FactValues f, long local);

  /** The facts this condition looked at and their values. */
  abstract void seen(FactValues f, long local, Map<String, @Nullable Object> out);

  /** The first condition that failed, or null when this one holds. */
  public @Nullable Failure failure(FactValues f, long local) {
    if (test(f, local)) {
      return null;
    }
    Map<String, @Nullable Object> seen = new LinkedHashMap<>(4);
    seen(f, local, seen);
    return new Failure(path, describe(), seen.size() == 1 ? singleton(seen)
        : Collections.unmodifiableMap(seen));
  }

  private static Map<String, @Nullable Object> singleton(Map<String, @Nullable Object> seen) {
    Map.Entry<String, @Nullable Object> e = seen.entrySet().iterator().next();
    return Collections.singletonMap(e.getKey(), e.getValue());
  }

  /** A failed condition: where it is in the rule, how it reads, and the values it saw. */
  public record Failure(String path, String condition, Map<String, @Nullable Object> seen) {}

  // ---------------------------------------------------------------------------------------- composites

  static final class All extends Condition {
    final Condition[] parts;

    All(String path, List<Condition> parts) {
      super(path);
      this.parts = parts.toArray(new Condition[0]);
    }

    @Override
    public boolean test(FactValues f, long local) {
      for (Condition c : parts) {
        if (!c.test(f, local)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public @Nullable Failure failure(FactValues f, long local) {
      for (Condition c : parts) {
        Failure failure = c.failure(f, local);
        if (failure != null) {
          return failure;
        }
      }
      return null;
    }

    @Override
    String describeOnce() {
      return Arrays.stream(parts).map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
    }

    @Override
    void seen(FactValues f, long local, Map<String, @Nullable Object> out) {
      for (Condition c : parts) {
        c.seen(f, local, out);
      }
    }
  }

  static final class Any extends Condition {
    final Condition[] parts;

    Any(String path, List<Condition> parts) {
      super(path);
      this.parts = parts.toArray(new Condition[0]);
    }

    @Override
    public boolean test(FactValues f, long local) {
      for (Condition c : parts) {
        if (c.test(f, local)) {
          return true;
        }
      }
      return false;
    }

    @Override
    String describeOnce() {
      return Arrays.stream(parts).map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
    }

    @Override
    void seen(FactValues f, long local, Map<String, @Nullable Object> out) {
      for (Condition c : parts) {
        c.seen(f, local, out);
      }
    }
  }

  static final class Not extends Condition {
    final Condition inner;

    Not(String path, Condition inner) {
      super(path);
      this.inner = inner;
    }

    @Override
    public boolean test(FactValues f, long local) {
      return !inner.test(f, local);
    }

    @Override
    String describeOnce() {
      return "not " + inner.describe();
    }

    @Override
    void seen(FactValues f, long local, Map<String, @Nullable Object> out) {
      inner.seen(f, local, out);
    }
  }

  // ---------------------------------------------------------------------------------------- leaves

  abstract static class Leaf extends Condition {
    final FactKind fact;
    final String op;
    final String valueText;

    Leaf(String path, FactKind fact, String op, String valueText) {
      super(path);
      this.fact = fact;
      this.op = op;
      this.valueText = valueText;
    }

    @Override
    String describeOnce() {
      return fact.jsonName() + " " + op + (valueText.isEmpty() ? "" : " " + valueText);
    }

    /** Equal for leaves that test the same thing (the description can be ambiguous with quotes in values). */
    Object key() {
      return List.of(getClass(), fact, op, valueText);
    }

    @Override
    void seen(FactValues f, long local, Map<String, @Nullable Object> out) {
      out.put(fact.jsonName(), value(f, local));
    }

    private @Nullable Object value(FactValues f, long local) {
      if (fact.type() == FactKind.Type.TIME) {
        return local == NO_TIME ? null : TimeOfDay.describe(local);
      }
      return f.value(fact);
    }

    @Override
    public @Nullable Failure failure(FactValues f, long local) {
      if (test(f, local)) {
        return null;
      }
      return new Failure(path, describe(), Collections.singletonMap(fact.jsonName(), value(f, local)));
    }
  }

  static final class Exists extends Leaf {
    private final boolean wanted;

    Exists(String path, FactKind fact, boolean wanted) {
      super(path, fact, "exists", String.valueOf(wanted));
      this.wanted = wanted;
    }

    @Override
    public boolean test(FactValues f, long local) {
      boolean present;
      switch (fact.type()) {
        case STRING:
          present = f.strings[fact.slot()] != null;
          break;
        case NUMBER:
        case BOOLEAN:
          present = !Double.isNaN(f.numbers[fact.slot()]);
          break;
        case SET:
          present = !f.keywords.isEmpty();
          break;
        default:
          present = local != NO_TIME;
          break;
      }
      return present == wanted;
    }
  }

  /** eq, ne, in, not_in on a string fact. */
  static final class StringIn extends Leaf {
    final String[] values;
    private final boolean negate;

    StringIn(String path, FactKind fact, String op, List<String> values, boolean negate) {
      super(path, fact, op, values.size() == 1 && !op.contains("in") ? quote(values.get(0)) : quoted(values));
      this.values = values.toArray(new String[0]);
      this.negate = negate;
    }

    @Override
    Object key() {
      return List.of(getClass(), fact, op, List.of(values));
    }

    @Override
    public boolean test(FactValues f, long local) {
      String v = f.strings[fact.slot()];
      if (v == null) {
        return false;
      }
      for (String candidate : values) {
        if (candidate.equals(v)) {
          return !negate;
        }
      }
      return negate;
    }
  }

  static final class StringContains extends Leaf {
    private final String needle;
    private final boolean prefix;

    StringContains(String path, FactKind fact, String op, String needle, boolean prefix) {
      super(path, fact, op, quote(needle));
      this.needle = needle;
      this.prefix = prefix;
    }

    @Override
    public boolean test(FactValues f, long local) {
      String v = f.strings[fact.slot()];
      return v != null && (prefix ? v.startsWith(needle) : v.contains(needle));
    }
  }

  static final class StringMatches extends Leaf {
    private final Pattern pattern;

    StringMatches(String path, FactKind fact, Pattern pattern) {
      super(path, fact, "matches", quote(pattern.pattern()));
      this.pattern = pattern;
    }

    @Override
    public boolean test(FactValues f, long local) {
      String v = f.strings[fact.slot()];
      return v != null && pattern.matcher(v).matches();
    }
  }

  /** Comparisons of a number (or boolean stored as 0/1) with constants, one class per operator. */
  abstract static class NumberCompare extends Leaf {
    static final int EQ = 0;
    static final int NE = 1;
    static final int GT = 2;
    static final int GTE = 3;
    static final int LT = 4;
    static final int LTE = 5;
    static final int BETWEEN = 6;
    static final int IN = 7;
    static final int NOT_IN = 8;

    final int slot;
    final double a;
    final double b;
    final double[] set;

    NumberCompare(String path, FactKind fact, String op, double a, double b, double[] set, String valueText) {
      super(path, fact, op, valueText);
      this.slot = fact.slot();
      this.a = a;
      this.b = b;
      this.set = set;
    }

    static Condition of(String path, FactKind fact, String op, int kind, double a, double b, double[] set,
        String valueText) {
      switch (kind) {
        case EQ:
          return new NumberCompare(path, fact, op, a, b, set, valueText) {
            @Override
            public boolean test(FactValues f, long local) {
              return f.numbers[slot] == a;
            }
          };
        case NE:
          return new NumberCompare(path, fact, op, a, b, set, valueText) {
            @Override
            public boolean test(FactValues f, long local) {
              double v = f.numbers[slot];
              return v == v && v != a;
            }
          };
        case GT:
          return new NumberCompare(path, fact, op, a, b, set, valueText) {
            @Override
            public boolean test(FactValues f, long local) {
              return f.numbers[slot] > a;
            }
          };
        case GTE:
          return new NumberCompare(path, fact, op, a, b, set, valueText) {
            @Override
            public boolean test(FactValues f, long local) {
              return f.numbers[slot] >= a;
            }
          };
        case LT:
          return new NumberCompare(path, fact, op, a, b, set, valueText) {
            @Override
            public boolean test(FactValues f, long local) {
              return f.numbers[slot] < a;
            }
          };
        case LTE:
          return new NumberCompare(path, fact, op, a, b, set, valueText) {
            @Override
            public boolean test(FactValues f, long local) {
              return f.numbers[slot] <= a;
            }
          };
        case BETWEEN:
          return new NumberCompare(path, fact, op, a, b, set, valueText) {
            @Override
            public boolean test(FactValues f, long local) {
              double v = f.numbers[slot];
              return v >= a && v <= b;
            }
          };
        default: {
          boolean wanted = kind == IN;
          return new NumberCompare(path, fact, op, a, b, set, valueText) {
            @Override
            public boolean test(FactValues f, long local) {
              double v = f.numbers[slot];
              if (v != v) {
                return false;
              }
              for (double s : set) {
                if (s == v) {
                  return wanted;
                }
              }
              return !wanted;
            }
          };
        }
      }
    }
  }

  /** contains, in, not_in on the set of matched keywords (normalised terms). */
  static final class SetContains extends Leaf {
    private final String[] terms;
    private final boolean negate;

    SetContains(String path, String op, List<String> terms, boolean negate) {
      super(path, FactKind.MATCHED_KEYWORDS, op, terms.size() == 1 && op.equals("contains") ? quote(terms.get(0))
          : quoted(terms));
      this.terms = terms.toArray(new String[0]);
      this.negate = negate;
    }

    @Override
    Object key() {
      return List.of(getClass(), op, List.of(terms));
    }

    @Override
    public boolean test(FactValues f, long local) {
      if (!f.keywordsSet) {
        return false;
      }
      Set<String> k = f.keywords;
      for (String t : terms) {
        if (k.contains(t)) {
          return !negate;
        }
      }
      return negate;
    }
  }

  static final class TimeOfDay extends Leaf {
    private final int from;
    private final int to;

    TimeOfDay(String path, int fromMinute, int toMinute, String valueText) {
      super(path, FactKind.TIME, "time_of_day_between", valueText);
      this.from = fromMinute;
      this.to = toMinute;
    }

    @Override
    public boolean test(FactValues f, long local) {
      if (local == NO_TIME) {
        return false;
      }
      int minute = (int) (Math.floorMod(local, 86_400L) / 60);
      return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
    }

    static String describe(long local) {
      int minute = (int) (Math.floorMod(local, 86_400L) / 60);
      int day = dayOfWeek(local);
      return String.format("%s %02d:%02d", java.time.DayOfWeek.of(day + 1).name().toLowerCase(java.util.Locale.ROOT),
          minute / 60, minute % 60);
    }
  }

  /** Monday = 0 ... Sunday = 6. */
  static int dayOfWeek(long local) {
    return (int) Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L);
  }

  static final class DayOfWeekIn extends Leaf {
    private final int mask;

    DayOfWeekIn(String path, int mask, String valueText) {
      super(path, FactKind.TIME, "day_of_week_in", valueText);
      this.mask = mask;
    }

    @Override
    public boolean test(FactValues f, long local) {
      return local != NO_TIME && (mask & (1 << dayOfWeek(local))) != 0;
    }
  }

  static String quote(String s) {
    return "'" + s + "'";
  }

  static String quoted(List<String> values) {
    return values.stream().map(Condition::quote).collect(Collectors.joining(", ", "[", "]"));
  }
}
