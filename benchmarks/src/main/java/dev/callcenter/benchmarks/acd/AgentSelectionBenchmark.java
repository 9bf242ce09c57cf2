package dev.callcenter.benchmarks.acd;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.acd.Acd;
import dev.callcenter.core.acd.AgentSelector;
import dev.callcenter.core.acd.QueueConfig;
import dev.callcenter.core.acd.RoutingStep;
import dev.callcenter.core.event.EventPublisher;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Choosing the agent for a call: {@code agents} agents of one department, all available, each with three of ten
 * skills at random proficiencies, beside 10,000 waiting calls (they need a skill nobody has, so they stay). The call
 * needs one skill at proficiency 3 or more; the longest-idle qualifying agent is chosen.
 *
 * <ul>
 *   <li>{@code acd}: {@link Acd#bestAgentFor}, the ACD's indexed choice (sorted sets per skill and level).
 *   <li>{@code scan}: what a user would otherwise write: go through the agents, keep the available ones with the
 *       skill at level 3+, take the one idle longest.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentSelectionBenchmark {
  private static final int SKILLS = 10;
  private static final int WAITING_CALLS = 10_000;

  @Param({"100", "1000", "10000"})
  public int agents;

  @Param({"acd", "scan"})
  public String selection;

  private Acd acd;
  private List<Agent> snapshot;
  private String[] skills;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    CallCenter center = CallCenter.builder().events(EventPublisher.noop()).build();
    acd = Acd.builder(center).random(new Random(1))
        .queue(QueueConfig.builder(Department.SALES).selector(AgentSelector.longestIdle())
            .steps(RoutingStep.skill(Duration.ZERO, 1)).build())
        .build();
    Random rnd = new Random(42);
    for (int i = 0; i < agents; i++) {
      Map<String, Integer> skillSet = new HashMap<>();
      while (skillSet.size() < 3) {
        skillSet.put("skill" + rnd.nextInt(SKILLS), 1 + rnd.nextInt(5));
      }
      AgentId id = center.addAgent(new NewAgent("agent-" + i, "Agent " + i, null, null, Department.SALES,
          skillSet)).id();
      acd.setAgentStatus(id, AgentStatus.AVAILABLE);
    }
    for (int i = 0; i < WAITING_CALLS; i++) {
      CallId call = center.createCall(new NewCall(null, null, null, null, null, null, null)).id();
      acd.enqueue(call, Department.SALES, Priority.values()[i % 4], "rare");
    }
    if (acd.waiting(Department.SALES).size() != WAITING_CALLS) {
      throw new IllegalStateException("calls were not left waiting");
    }
    snapshot = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Agent> slice = center.listAgents(AgentQuery.ALL, page);
      snapshot.addAll(slice.items());
      if (!slice.hasNext()) {
        break;
      }
      page = page.next();
    }
    skills = new String[SKILLS];
    for (int i = 0; i < SKILLS; i++) {
      skills[i] = "skill" + i;
    }
    // both ways must agree on who is chosen
    for (String skill : skills) {
      Optional<AgentId> indexed = acd.bestAgentFor(Department.SALES, skill, 3);
      Optional<AgentId> scanned = Optional.ofNullable(scan(skill)).map(Agent::id);
      if (!indexed.equals(scanned)) {
        throw new IllegalStateException("acd chose " + indexed + " but the scan " + scanned + " for " + skill);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    acd.close();
  }

  @Benchmark
  public Object choose() {
    String skill = skills[next++ % SKILLS];
    return "acd".equals(selection) ? acd.bestAgentFor(Department.SALES, skill, 3) : scan(skill);
  }

  /** The baseline: one pass over every agent. Ties on idle time go to the smaller id, as in the ACD. */
  private Agent scan(String skill) {
    Agent best = null;
    for (Agent agent : snapshot) {
      if (agent.status() != AgentStatus.AVAILABLE || !agent.department().equals(Department.SALES)) {
        continue;
      }
      Integer level = agent.skills().get(skill);
      if (level == null || level < 3) {
        continue;
      }
      if (best == null || idleSince(agent).isBefore(idleSince(best))
          || (idleSince(agent).equals(idleSince(best)) && agent.id().compareTo(best.id()) < 0)) {
        best = agent;
      }
    }
    return best;
  }

  private static Instant idleSince(Agent agent) {
    Instant lastEnd = agent.stats().lastCallEndedAt();
    return lastEnd != null && lastEnd.isAfter(agent.statusSince()) ? lastEnd : agent.statusSince();
  }
}
