package dev.callcenter.core.acd;

import dev.callcenter.core.Skill;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One queue's indexes, guarded by the ACD's lock. Available agents are kept in sorted sets by the queue's selector
 * order: one for the whole department and, per skill, one per minimum proficiency k = 1..5 (the agents with at
 * least k), so the best agent for a call is the first element of one set (at most five for best-proficiency
 * routing): O(log n). Waiting calls are kept sorted by score, and per skill by score and
 * by time in this queue, so the best call for a freed agent is found among two heads per skill group.
 */
final class QueueState {
  private static final int SAMPLES = 50;
  private static final Comparator<WaitingCall> BY_KEY =
      Comparator.<WaitingCall>comparingLong(w -> w.key).thenComparingLong(w -> w.seq);
  private static final Comparator<WaitingCall> BY_AGE =
      Comparator.<WaitingCall, Instant>comparing(w -> w.enteredQueueAt).thenComparingLong(w -> w.seq);

  final QueueConfig config;
  private final Comparator<AgentState> agentOrder;
  private final TreeSet<AgentState> available;
  private final Map<String, List<TreeSet<AgentState>>> bySkill = new HashMap<>();
  private final RankedSet<WaitingCall> waiting = new RankedSet<>(BY_KEY);
  private final Map<String, Group> groups = new HashMap<>();
  private final EnumMap<RoutingState, Integer> counts = new EnumMap<>(RoutingState.class);
  private final long priorityWeightNanos;

  // moving-average samples for the wait estimator
  private final double[] secondsPerPlace = new double[SAMPLES];
  private int placeSamples;
  private final double[] handleSeconds = new double[SAMPLES];
  private int handleSamples;
  private final Instant[] arrivals = new Instant[SAMPLES];
  private int arrivalCount;

  private static final class Group {
    final TreeSet<WaitingCall> byKey = new TreeSet<>(BY_KEY);
    final TreeSet<WaitingCall> byAge = new TreeSet<>(BY_AGE);
  }

  private final @Nullable Random random;
  private final RandomPool anyPool = new RandomPool();
  private final Map<String, List<RandomPool>> skillPools = new HashMap<>();

  QueueState(QueueConfig config, Random random) {
    this.config = config;
    this.random = config.selector() instanceof RandomSelector ? random : null;
    Comparator<AgentCandidate> order = config.selector().order();
    this.agentOrder = Comparator.<AgentState, AgentCandidate>comparing(a -> a, order)
        .thenComparing(a -> a.id);
    this.available = new TreeSet<>(agentOrder);
    this.priorityWeightNanos = config.priorityWeight().toNanos();
    for (RoutingState s : RoutingState.values()) {
      counts.put(s, 0);
    }
  }

  // ---- agents --------------------------------------------------------------------------------------------

  void count(RoutingState state, int delta) {
    counts.merge(state, delta, Integer::sum);
  }

  int count(RoutingState state) {
    return counts.get(state);
  }

  /** Agents logged in: any state but OFFLINE. */
  int loggedIn() {
    int n = 0;
    for (RoutingState s : RoutingState.values()) {
      if (s != RoutingState.OFFLINE) {
        n += counts.get(s);
      }
    }
    return n;
  }

  int staffed() {
    int n = 0;
    for (RoutingState s : RoutingState.values()) {
      if (s.isStaffed()) {
        n += counts.get(s);
      }
    }
    return n;
  }

  int routable() {
    return available.size();
  }

  void addAgent(AgentState a) {
    available.add(a);
    a.skills.forEach((skill, level) -> {
      List<TreeSet<AgentState>> sets = levels(skill);
      for (int k = 1; k <= level; k++) {
        sets.get(k).add(a);
      }
    });
    if (random != null) {
      anyPool.add(a);
      a.skills.forEach((skill, level) -> pools(skill).get(level).add(a));
    }
  }

  void removeAgent(AgentState a) {
    available.remove(a);
    a.skills.forEach((skill, level) -> {
      List<TreeSet<AgentState>> sets = levels(skill);
      for (int k = 1; k <= level; k++) {
        sets.get(k).remove(a);
      }
    });
    if (random != null) {
      anyPool.remove(a);
      a.skills.forEach((skill, level) -> pools(skill).get(level).remove(a));
    }
  }

  private List<RandomPool> pools(String skill) {
    return skillPools.computeIfAbsent(skill, s -> {
      List<RandomPool> list = new ArrayList<>(Skill.MAX_PROFICIENCY + 1);
      for (int i = 0; i <= Skill.MAX_PROFICIENCY; i++) {
        list.add(new RandomPool());
      }
      return list;
    });
  }

  /** A uniformly random eligible agent: O(1). */
  private @Nullable AgentState randomAgent(Random rnd, @Nullable String skill, int minLevel) {
    if (skill == null || minLevel == 0) {
      return anyPool.size() == 0 ? null : anyPool.get(rnd.nextInt(anyPool.size()));
    }
    List<RandomPool> list = skillPools.get(skill);
    if (list == null) {
      return null;
    }
    int total = 0;
    for (int level = minLevel; level <= Skill.MAX_PROFICIENCY; level++) {
      total += list.get(level).size();
    }
    if (total == 0) {
      return null;
    }
    int pick = rnd.nextInt(total);
    for (int level = minLevel; level <= Skill.MAX_PROFICIENCY; level++) {
      RandomPool pool = list.get(level);
      if (pick < pool.size()) {
        return pool.get(pick);
      }
      pick -= pool.size();
    }
    throw new IllegalStateException("pick out of range");
  }

  boolean knowsSkill(String skill) {
    return bySkill.containsKey(skill);
  }

  private List<TreeSet<AgentState>> levels(String skill) {
    return bySkill.computeIfAbsent(skill, s -> {
      List<TreeSet<AgentState>> sets = new ArrayList<>(Skill.MAX_PROFICIENCY + 1);
      for (int i = 0; i <= Skill.MAX_PROFICIENCY; i++) {
        sets.add(new TreeSet<>(agentOrder));
      }
      return sets;
    });
  }

  /**
   * The agent the selector prefers among available agents with at least {@code minLevel} in {@code skill}
   * (any agent when the skill is null or the level 0). At most six set heads: O(log n).
   */
  @Nullable AgentState bestAgent(@Nullable String skill, int minLevel) {
    if (random != null) {
      return randomAgent(random, skill, minLevel);
    }
    boolean byProficiency = config.selector().highestProficiencyFirst();
    if (skill == null || (minLevel == 0 && !byProficiency)) {
      return available.isEmpty() ? null : available.first();
    }
    List<TreeSet<AgentState>> sets = bySkill.get(skill);
    if (sets != null) {
      if (byProficiency) {
        // sets.get(k) holds the agents with level >= k: the first non-empty one from the top is the best level
        for (int level = Skill.MAX_PROFICIENCY; level >= Math.max(1, minLevel); level--) {
          TreeSet<AgentState> set = sets.get(level);
          if (!set.isEmpty()) {
            return set.first();
          }
        }
      } else {
        TreeSet<AgentState> set = sets.get(minLevel);
        if (!set.isEmpty()) {
          return set.first();
        }
      }
    }
    return minLevel == 0 && !available.isEmpty() ? available.first() : null;
  }

  // ---- calls ---------------------------------------------------------------------------------------------

  long keyFor(WaitingCall w) {
    long queued = w.firstQueuedAt.getEpochSecond() * 1_000_000_000L + w.firstQueuedAt.getNano();
    return queued - w.priority.level() * priorityWeightNanos;
  }

  void addCall(WaitingCall w) {
    waiting.add(w);
    Group g = groups.computeIfAbsent(w.groupKey(), k -> new Group());
    g.byKey.add(w);
    g.byAge.add(w);
  }

  void removeCall(WaitingCall w) {
    if (!waiting.remove(w)) {
      return;
    }
    Group g = groups.get(w.groupKey());
    if (g != null) {
      g.byKey.remove(w);
      g.byAge.remove(w);
      if (g.byKey.isEmpty()) {
        groups.remove(w.groupKey());
      }
    }
  }

  int waitingCount() {
    return waiting.size();
  }

  /** 1-based position by score; O(log n). */
  int position(WaitingCall w) {
    return waiting.rank(w) + 1;
  }

  List<WaitingCall> waitingInOrder() {
    return waiting.toList();
  }

  /**
   * The best waiting call {@code agent} may take under each call's current routing step. Within a skill group
   * eligibility only grows with time in the queue, so the group's oldest call is the most eligible; the head by
   * score is preferred when eligible.
   */
  @Nullable WaitingCall bestCallFor(AgentState agent) {
    WaitingCall best = null;
    for (Group g : groups.values()) {
      WaitingCall candidate = eligible(agent, g.byKey.first()) ? g.byKey.first()
          : eligible(agent, g.byAge.first()) ? g.byAge.first() : null;
      if (candidate != null && (best == null || BY_KEY.compare(candidate, best) < 0)) {
        best = candidate;
      }
    }
    return best;
  }

  boolean eligible(AgentState agent, WaitingCall w) {
    RoutingStep step = config.steps().get(w.stepIndex);
    if (step.isOverflow()) {
      return false;
    }
    return w.skill == null || step.minProficiency() == 0 || agent.level(w.skill) >= step.minProficiency();
  }

  // ---- samples for the wait estimator ------------------------------------------------------------------------

  void recordArrival(Instant at) {
    arrivals[arrivalCount % SAMPLES] = at;
    arrivalCount++;
  }

  void recordAnswer(Duration waited, int joinPosition) {
    secondsPerPlace[placeSamples % SAMPLES] = waited.toNanos() / 1e9 / Math.max(1, joinPosition);
    placeSamples++;
  }

  void recordHandle(Duration handled) {
    handleSeconds[handleSamples % SAMPLES] = handled.toNanos() / 1e9;
    handleSamples++;
  }

  QueueSnapshot snapshot(Instant now) {
    int places = Math.min(placeSamples, SAMPLES);
    int handles = Math.min(handleSamples, SAMPLES);
    double perPlace = mean(secondsPerPlace, places);
    double aht = mean(handleSeconds, handles);
    double rate = 0;
    int n = Math.min(arrivalCount, SAMPLES);
    if (n >= 2) {
      Instant newest = arrivals[(arrivalCount - 1) % SAMPLES];
      Instant oldest = arrivals[(arrivalCount - n) % SAMPLES];
      double span = Duration.between(oldest, newest).toNanos() / 1e9;
      rate = span > 0 ? (n - 1) / span : 0;
    }
    return new QueueSnapshot(config.department(), now, waiting.size(), staffed(), count(RoutingState.AVAILABLE),
        perPlace, places, Duration.ofNanos((long) (aht * 1e9)), rate);
  }

  private static double mean(double[] values, int n) {
    if (n == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
    }
    return sum / n;
  }
}
