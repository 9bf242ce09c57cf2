package dev.callcenter.core.acd;

import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Skill;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one department's queue behaves. Build with {@link #builder(Department)}; every setting has a default.
 *
 * @param priorityWeight how much queue time one {@link dev.callcenter.core.Priority#level()} is worth: a caller's
 *     score is {@code timeInQueue + level × priorityWeight}, the highest score is served first
 * @param skill the skill calls of this queue need when {@link Acd#enqueue} names none; null for none
 * @param steps the routing plan, the first step from zero; see {@link RoutingStep}
 * @param maxWait after this long in the queue a (non-callback) call leaves by overflow or fallback; null for never
 * @param maxLength at most this many calls wait (callbacks included); a call beyond is refused
 * @param joinWhenNoAgents whether a call may join while no agent of the department is logged in
 * @param leaveWhenEmpty whether waiting calls leave when the last agent logs out
 * @param overflowTo the queue that takes calls this one refuses or lets go; null for none
 * @param fallback what happens to such calls when there is no overflow queue
 * @param offerTimeout how long an offered call rings before it counts as not answered
 * @param maxNoAnswers after this many consecutive unanswered offers the agent is put ON_BREAK
 * @param rejectDelay how long an agent who rejected or missed an offer is left out of routing
 * @param wrapUp after-call work time after each call
 */
public record QueueConfig(
    Department department,
    AgentSelector selector,
    Duration priorityWeight,
    @Nullable String skill,
    List<RoutingStep> steps,
    @Nullable Duration maxWait,
    int maxLength,
    boolean joinWhenNoAgents,
    boolean leaveWhenEmpty,
    @Nullable Department overflowTo,
    Fallback fallback,
    Duration offerTimeout,
    int maxNoAnswers,
    Duration rejectDelay,
    Duration wrapUp) {

  public static final Duration DEFAULT_PRIORITY_WEIGHT = Duration.ofMinutes(2);
  public static final int DEFAULT_MAX_LENGTH = 100_000;
  public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofSeconds(20);
  public static final int DEFAULT_MAX_NO_ANSWERS = 3;
  public static final Duration DEFAULT_REJECT_DELAY = Duration.ofSeconds(5);
  public static final Duration DEFAULT_WRAP_UP = Duration.ofSeconds(10);

  public QueueConfig {
    Checks.notNull(department, "department");
    Checks.notNull(selector, "selector");
    positive(priorityWeight, "priorityWeight", true);
    if (skill != null) {
      skill = Skill.of(skill, Skill.MIN_PROFICIENCY).name();
    }
    steps = List.copyOf(Checks.notNull(steps, "steps"));
    if (steps.isEmpty() || !steps.get(0).after().isZero()) {
      throw InvalidInputException.of("steps", "must start with a step after 0 s");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).after().compareTo(steps.get(i - 1).after()) <= 0) {
        throw InvalidInputException.of("steps[" + i + "].after", "must be later than the step before, was %s",
            steps.get(i).after());
      }
      if (steps.get(i - 1).isOverflow()) {
        throw InvalidInputException.of("steps[" + i + "]", "no step may follow an overflow step");
      }
    }
    if (steps.get(0).isOverflow()) {
      throw InvalidInputException.of("steps[0]", "must not be an overflow step");
    }
    for (int i = 0; i < steps.size(); i++) {
      if (department.equals(steps.get(i).overflowTo())) {
        throw InvalidInputException.of("steps[" + i + "].overflowTo", "must not be the queue itself");
      }
    }
    if (maxWait != null) {
      positive(maxWait, "maxWait", false);
    }
    Checks.inRange(maxLength, 1, Integer.MAX_VALUE, "maxLength");
    if (department.equals(overflowTo)) {
      throw InvalidInputException.of("overflowTo", "must not be the queue itself");
    }
    Checks.notNull(fallback, "fallback");
    positive(offerTimeout, "offerTimeout", false);
    Checks.inRange(maxNoAnswers, 1, 1000, "maxNoAnswers");
    positive(rejectDelay, "rejectDelay", true);
    positive(wrapUp, "wrapUp", true);
  }

  /** A queue for {@code department} with every default: longest idle, any agent, no limits. */
  public static QueueConfig defaults(Department department) {
    return builder(department).build();
  }

  public static Builder builder(Department department) {
    return new Builder(Checks.notNull(department, "department"));
  }

  private static void positive(@Nullable Duration value, String field, boolean zeroAllowed) {
    Checks.notNull(value, field);
    if (value.isNegative() || (!zeroAllowed && value.isZero())) {
      throw InvalidInputException.of(field, "must be %s, was %s", zeroAllowed ? "zero or more" : "positive", value);
    }
  }

  /** Builds a {@link QueueConfig}; each setting may be given once. */
  public static final class Builder {
    private final Department department;
    private @Nullable AgentSelector selector;
    private @Nullable Duration priorityWeight;
    private @Nullable String skill;
    private @Nullable List<RoutingStep> steps;
    private @Nullable Duration maxWait;
    private @Nullable Integer maxLength;
    private @Nullable Boolean joinWhenNoAgents;
    private @Nullable Boolean leaveWhenEmpty;
    private @Nullable Department overflowTo;
    private @Nullable Fallback fallback;
    private @Nullable Duration offerTimeout;
    private @Nullable Integer maxNoAnswers;
    private @Nullable Duration rejectDelay;
    private @Nullable Duration wrapUp;

    private Builder(Department department) {
      this.department = department;
    }

    public Builder selector(AgentSelector value) {
      selector = once(selector, value, "selector");
      return this;
    }

    public Builder priorityWeight(Duration value) {
      priorityWeight = once(priorityWeight, value, "priorityWeight");
      return this;
    }

    public Builder skill(String value) {
      skill = once(skill, value, "skill");
      return this;
    }

    public Builder steps(RoutingStep... value) {
      steps = once(steps, List.of(Checks.notNull(value, "steps")), "steps");
      return this;
    }

    public Builder maxWait(Duration value) {
      maxWait = once(maxWait, value, "maxWait");
      return this;
    }

    public Builder maxLength(int value) {
      maxLength = once(maxLength, value, "maxLength");
      return this;
    }

    /** Whether a call may join while no agent is logged in (default true; false refuses it). */
    public Builder joinWhenNoAgents(boolean value) {
      joinWhenNoAgents = once(joinWhenNoAgents, value, "joinWhenNoAgents");
      return this;
    }

    /** Whether waiting calls leave when the last agent logs out (default false). */
    public Builder leaveWhenEmpty(boolean value) {
      leaveWhenEmpty = once(leaveWhenEmpty, value, "leaveWhenEmpty");
      return this;
    }

    public Builder overflowTo(Department value) {
      overflowTo = once(overflowTo, value, "overflowTo");
      return this;
    }

    public Builder fallback(Fallback value) {
      fallback = once(fallback, value, "fallback");
      return this;
    }

    public Builder offerTimeout(Duration value) {
      offerTimeout = once(offerTimeout, value, "offerTimeout");
      return this;
    }

    public Builder maxNoAnswers(int value) {
      maxNoAnswers = once(maxNoAnswers, value, "maxNoAnswers");
      return this;
    }

    public Builder rejectDelay(Duration value) {
      rejectDelay = once(rejectDelay, value, "rejectDelay");
      return this;
    }

    public Builder wrapUp(Duration value) {
      wrapUp = once(wrapUp, value, "wrapUp");
      return this;
    }

    public QueueConfig build() {
      return new QueueConfig(department,
          selector != null ? selector : AgentSelector.longestIdle(),
          priorityWeight != null ? priorityWeight : DEFAULT_PRIORITY_WEIGHT,
          skill,
          steps != null ? steps : List.of(RoutingStep.anyAgent(Duration.ZERO)),
          maxWait,
          maxLength != null ? maxLength : DEFAULT_MAX_LENGTH,
          joinWhenNoAgents == null || joinWhenNoAgents,
          leaveWhenEmpty != null && leaveWhenEmpty,
          overflowTo,
          fallback != null ? fallback : Fallback.NONE,
          offerTimeout != null ? offerTimeout : DEFAULT_OFFER_TIMEOUT,
          maxNoAnswers != null ? maxNoAnswers : DEFAULT_MAX_NO_ANSWERS,
          rejectDelay != null ? rejectDelay : DEFAULT_REJECT_DELAY,
          wrapUp != null ? wrapUp : DEFAULT_WRAP_UP);
    }

    private static <T> T once(@Nullable T current, @Nullable T value, String field) {
      Checks.notNull(value, field);
      if (current != null) {
        throw InvalidInputException.of(field, "was already set");
      }
      return value;
    }
  }
}
