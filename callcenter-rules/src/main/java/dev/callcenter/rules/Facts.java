package dev.callcenter.rules;

import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.rules.internal.FactKind;
import dev.callcenter.rules.internal.FactValues;
import dev.callcenter.rules.internal.TextFolding;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the rules engine knows about a call: a typed, immutable view built with {@link #builder()}. Every fact
 * is optional; a condition on an absent fact is false, except {@code exists: false}. Rule files name the facts
 * {@code department}, {@code language}, {@code customerTier}, {@code customerId}, {@code verified},
 * {@code waitSeconds}, {@code queueLength}, {@code sentiment}, {@code confidence}, {@code matchedKeywords},
 * {@code ivrStage}, {@code intent}, {@code callDurationSeconds}, {@code repeatCalls}, {@code openTickets},
 * {@code retries} and {@code time}.
 *
 * <pre>{@code
 * Facts facts = Facts.builder()
 *     .classification(router.classify(utterance))   // department, confidence, matched keywords
 *     .language(Language.ARABIC).customerTier("vip").waitTime(Duration.ofMinutes(3))
 *     .build();
 * }</pre>
 */
public final class Facts {
  final FactValues values;
  private final @Nullable Instant time;

  private Facts(FactValues values, @Nullable Instant time) {
    this.values = values;
    this.time = time;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** No facts at all. */
  public static Facts empty() {
    return builder().build();
  }

  public @Nullable Department department() {
    String d = values.strings[FactKind.DEPARTMENT.slot()];
    return d == null ? null : Department.of(d);
  }

  public @Nullable Language language() {
    String l = values.strings[FactKind.LANGUAGE.slot()];
    return l == null ? null : Language.of(l);
  }

  /** The customer tier in lower case, for example {@code vip}. */
  public @Nullable String customerTier() {
    return values.strings[FactKind.CUSTOMER_TIER.slot()];
  }

  /** The IVR stage in lower case, for example {@code classification}. */
  public @Nullable String ivrStage() {
    return values.strings[FactKind.IVR_STAGE.slot()];
  }

  public @Nullable Double sentiment() {
    return number(FactKind.SENTIMENT);
  }

  public @Nullable Duration waitTime() {
    Double s = number(FactKind.WAIT_SECONDS);
    return s == null ? null : Duration.ofMillis(Math.round(s * 1000));
  }

  public @Nullable Integer queueLength() {
    Double n = number(FactKind.QUEUE_LENGTH);
    return n == null ? null : n.intValue();
  }

  /** Matched keywords, normalised (see {@link TextNormalizer}). */
  public Set<String> matchedKeywords() {
    return values.keywords;
  }

  /** The time of the call, or null when the engine's clock supplies it. */
  public @Nullable Instant time() {
    return time;
  }

  private @Nullable Double number(FactKind kind) {
    double v = values.numbers[kind.slot()];
    return Double.isNaN(v) ? null : v;
  }

  /** Every fact that is set, by its rule-file name. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (FactKind kind : FactKind.values()) {
      Object v = values.value(kind);
      if (v != null) {
        out.put(kind.jsonName(), v);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Facts f && f.toMap().equals(toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  @Override
  public String toString() {
    return "Facts" + toMap();
  }

  /** Builds {@link Facts}; each fact may be set once, and a bad value fails at once naming the fact. */
  public static final class Builder {
    private final FactValues values = new FactValues();
    private final Set<FactKind> set = java.util.EnumSet.noneOf(FactKind.class);
    private @Nullable Instant time;

    private Builder() {}

    private void once(FactKind kind, @Nullable Object value) {
      if (value == null) {
        throw InvalidInputException.of(kind.jsonName(), "must not be null");
      }
      if (!set.add(kind)) {
        throw InvalidInputException.of(kind.jsonName(), "was already set");
      }
    }

    private Builder string(FactKind kind, @Nullable String value) {
      once(kind, value);
      if (value.isBlank()) {
        throw InvalidInputException.of(kind.jsonName(), "must not be blank");
      }
      values.strings[kind.slot()] = kind.caseInsensitive() ? value.trim().toLowerCase(Locale.ROOT) : value;
      return this;
    }

    private Builder number(FactKind kind, double value, double min, double max) {
      once(kind, value);
      if (!(value >= min && value <= max)) {
        throw InvalidInputException.of(kind.jsonName(), "must be from %s to %s, was %s", min, max, value);
      }
      values.numbers[kind.slot()] = value;
      return this;
    }

    public Builder department(Department department) {
      return string(FactKind.DEPARTMENT, department == null ? null : department.id());
    }

    public Builder language(Language language) {
      return string(FactKind.LANGUAGE, language == null ? null : language.tag());
    }

    /** The customer's tier, for example {@code standard}, {@code gold} or {@code vip} (any letter case). */
    public Builder customerTier(String tier) {
      return string(FactKind.CUSTOMER_TIER, tier);
    }

    public Builder customerId(String customerId) {
      return string(FactKind.CUSTOMER_ID, customerId);
    }

    /** The IVR stage the call is in, for example {@code classification}. */
    public Builder ivrStage(String stage) {
      once(FactKind.IVR_STAGE, stage);
      String s = stage.trim().toLowerCase(Locale.ROOT);
      if (!FactKind.STAGES.contains(s)) {
        throw InvalidInputException.of("ivrStage", "must be one of %s, was '%s'", FactKind.STAGES, stage);
      }
      values.strings[FactKind.IVR_STAGE.slot()] = s;
      return this;
    }

    /** The caller's intent as the IVR understood it, for example {@code billing} (any letter case). */
    public Builder intent(String intent) {
      return string(FactKind.INTENT, intent);
    }

    public Builder verified(boolean verified) {
      return number(FactKind.VERIFIED, verified ? 1 : 0, 0, 1);
    }

    public Builder waitTime(Duration wait) {
      once(FactKind.WAIT_SECONDS, wait);
      set.remove(FactKind.WAIT_SECONDS);
      return number(FactKind.WAIT_SECONDS, wait.toMillis() / 1000.0, 0, Double.MAX_VALUE);
    }

    public Builder callDuration(Duration duration) {
      once(FactKind.CALL_DURATION_SECONDS, duration);
      set.remove(FactKind.CALL_DURATION_SECONDS);
      return number(FactKind.CALL_DURATION_SECONDS, duration.toMillis() / 1000.0, 0, Double.MAX_VALUE);
    }

    public Builder queueLength(int length) {
      return number(FactKind.QUEUE_LENGTH, length, 0, Integer.MAX_VALUE);
    }

    /** Sentiment from -1 to 1, for example from {@link Sentiment#score}. */
    public Builder sentiment(double sentiment) {
      return number(FactKind.SENTIMENT, sentiment, -1, 1);
    }

    /** The router's confidence from 0 to 1. */
    public Builder confidence(double confidence) {
      return number(FactKind.CONFIDENCE, confidence, 0, 1);
    }

    /** Calls from the same caller in the recent past (the window is the caller's choice, often 24 hours). */
    public Builder repeatCalls(int calls) {
      return number(FactKind.REPEAT_CALLS, calls, 0, Integer.MAX_VALUE);
    }

    public Builder openTickets(int tickets) {
      return number(FactKind.OPEN_TICKETS, tickets, 0, Integer.MAX_VALUE);
    }

    /** Failed or repeated inputs in the IVR so far. */
    public Builder retries(int retries) {
      return number(FactKind.RETRIES, retries, 0, Integer.MAX_VALUE);
    }

    /** Keywords the router matched; stored normalised so rule values match in any spelling. */
    public Builder matchedKeywords(Collection<String> keywords) {
      once(FactKind.MATCHED_KEYWORDS, keywords);
      Set<String> normalised = new LinkedHashSet<>();
      for (String k : keywords) {
        if (k == null) {
          throw InvalidInputException.of("matchedKeywords", "must not contain null");
        }
        String n = TextFolding.normalize(k);
        if (!n.isEmpty()) {
          normalised.add(n);
        }
      }
      values.keywords = Set.copyOf(normalised);
      values.keywordsSet = true;
      return this;
    }

    /** Department, confidence and matched keywords from a router's classification. */
    public Builder classification(Classification classification) {
      if (classification == null) {
        throw InvalidInputException.of("classification", "must not be null");
      }
      department(classification.department());
      confidence(Math.min(1, Math.max(0, classification.confidence())));
      return matchedKeywords(classification.matchedTerms());
    }

    /** When the call happens; without it the engine's clock is used. */
    public Builder time(Instant time) {
      once(FactKind.TIME, time);
      this.time = time;
      values.epochSecond = time.getEpochSecond();
      values.hasTime = true;
      return this;
    }

    public Facts build() {
      FactValues copy = new FactValues();
      System.arraycopy(values.strings, 0, copy.strings, 0, copy.strings.length);
      System.arraycopy(values.numbers, 0, copy.numbers, 0, copy.numbers.length);
      copy.keywords = values.keywords;
      copy.keywordsSet = values.keywordsSet;
      copy.epochSecond = values.epochSecond;
      copy.hasTime = values.hasTime;
      return new Facts(copy, time);
    }
  }
}
