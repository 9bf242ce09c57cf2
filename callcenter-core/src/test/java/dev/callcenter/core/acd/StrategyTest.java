package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStats;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallId;
import dev.callcenter.core.Priority;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrategyTest {

  private static Fixture fixture(AgentSelector selector) {
    return new Fixture(b -> b.queue(QueueConfig.builder(SALES).selector(selector).wrapUp(Duration.ZERO).build()));
  }

  /** Offers a call, has the chosen agent answer it, and returns who it was. */
  private static AgentId serve(Fixture f) {
    CallId call = f.queued(SALES, Priority.NORMAL);
    AgentId agent = f.offeredTo(call);
    assertThat(agent).as("an agent is offered call %s", call).isNotNull();
    f.acd.accept(agent);
    return agent;
  }

  @Test
  void longestIdlePicksTheAgentIdleLongest() {
    Fixture f = fixture(AgentSelector.longestIdle());
    AgentId a = f.available("a", SALES, Map.of());
    f.seconds(10);
    AgentId b = f.available("b", SALES, Map.of());
    f.seconds(10);
    AgentId c = f.available("c", SALES, Map.of());
    f.seconds(5);
    CallId first = f.queued(SALES, Priority.NORMAL);
    assertThat(f.offeredTo(first)).isEqualTo(a);
    f.acd.accept(a);
    CallId second = f.queued(SALES, Priority.NORMAL);
    assertThat(f.offeredTo(second)).isEqualTo(b);
    f.acd.accept(b);
    f.seconds(10);
    f.acd.complete(first); // a idle since t=35
    f.seconds(10);
    f.acd.complete(second); // b idle since t=45
    assertThat(serve(f)).isEqualTo(c); // idle since t=20
    assertThat(serve(f)).isEqualTo(a);
    assertThat(serve(f)).isEqualTo(b);
  }

  @Test
  void roundRobinTakesEachAgentInTurnByRank() {
    Map<String, Integer> ranks = Map.of("a", 0, "b", 1, "c", 2);
    Fixture f = new Fixture(b -> {
      b.queue(QueueConfig.builder(SALES).selector(AgentSelector.roundRobin()).wrapUp(Duration.ZERO).build());
      ranks.forEach((id, rank) -> b.agentRank(AgentId.of(id), rank));
    });
    // logged in in reverse order, so longest idle would start with c
    AgentId c = f.available("c", SALES, Map.of());
    f.seconds(1);
    AgentId b = f.available("b", SALES, Map.of());
    f.seconds(1);
    AgentId a = f.available("a", SALES, Map.of());
    for (AgentId expected : new AgentId[] {a, b, c, a, b, c, a}) {
      AgentId chosen = serve(f);
      assertThat(chosen).isEqualTo(expected);
      f.seconds(3);
      f.acd.complete(f.center.listCalls(dev.callcenter.core.store.CallQuery.ALL,
              dev.callcenter.core.store.PageRequest.first(1000)).items().stream()
          .filter(call -> chosen.equals(call.agentId()) && call.isActive()).findFirst().orElseThrow().id());
    }
  }

  private static Fixture withHistory(AgentSelector selector) {
    Fixture f = fixture(selector);
    Map<String, AgentStats> history = new HashMap<>();
    history.put("a", new AgentStats(5, Duration.ofMinutes(10), null));
    history.put("b", new AgentStats(2, Duration.ofMinutes(30), null));
    history.put("c", new AgentStats(3, Duration.ofMinutes(5), null));
    for (String id : new String[] {"a", "b", "c"}) {
      AgentId agent = f.agent(id, SALES, Map.of());
      Agent stored = f.center.getAgent(agent);
      f.center.agents().update(stored.withStats(history.get(id)));
      f.acd.setAgentStatus(agent, AgentStatus.AVAILABLE);
      f.seconds(1);
    }
    return f;
  }

  @Test
  void fewestCallsPicksTheAgentWithFewestHandledCalls() {
    Fixture f = withHistory(AgentSelector.fewestCalls());
    assertThat(serve(f)).isEqualTo(AgentId.of("b")); // 2 calls
    assertThat(serve(f)).isEqualTo(AgentId.of("c")); // 3 calls
    assertThat(serve(f)).isEqualTo(AgentId.of("a")); // 5 calls
  }

  @Test
  void leastTalkTimePicksTheAgentWithLeastTalkTime() {
    Fixture f = withHistory(AgentSelector.leastTalkTime());
    assertThat(serve(f)).isEqualTo(AgentId.of("c")); // 5 min
    assertThat(serve(f)).isEqualTo(AgentId.of("a")); // 10 min
    assertThat(serve(f)).isEqualTo(AgentId.of("b")); // 30 min
  }

  @Test
  void fewestCallsCountsCallsHandledThroughTheAcd() {
    Fixture f = fixture(AgentSelector.fewestCalls());
    AgentId a = f.available("a", SALES, Map.of());
    f.seconds(1);
    AgentId b = f.available("b", SALES, Map.of());
    CallId call = f.queued(SALES, Priority.NORMAL);
    assertThat(f.offeredTo(call)).isEqualTo(a); // tie on 0 calls: idle longest
    f.acd.accept(a);
    f.seconds(30);
    f.acd.complete(call);
    assertThat(f.center.getAgent(a).stats().callsHandled()).isEqualTo(1);
    assertThat(serve(f)).isEqualTo(b);
  }

  @Test
  void randomIsRepeatableWithASeededRandom() {
    Fixture f = new Fixture(b -> b.random(new Random(42))
        .queue(QueueConfig.builder(SALES).selector(AgentSelector.random()).wrapUp(Duration.ZERO).build()));
    String[] ids = {"a", "b", "c", "d"};
    for (String id : ids) {
      f.available(id, SALES, Map.of());
    }
    // the pool holds the agents in the order they became available; the pick is the seeded draw
    String expected = ids[new Random(42).nextInt(ids.length)];
    assertThat(serve(f)).isEqualTo(AgentId.of(expected));
  }

  @Test
  void randomSpreadsCallsOverEveryAgent() {
    Fixture f = new Fixture(b -> b.random(new Random(7))
        .queue(QueueConfig.builder(SALES).selector(AgentSelector.random()).wrapUp(Duration.ZERO).build()));
    for (String id : new String[] {"a", "b", "c"}) {
      f.available(id, SALES, Map.of());
    }
    Map<AgentId, Integer> picks = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      CallId call = f.queued(SALES, Priority.NORMAL);
      AgentId agent = f.offeredTo(call);
      picks.merge(agent, 1, Integer::sum);
      f.acd.accept(agent);
      f.acd.complete(call);
    }
    assertThat(picks).hasSize(3);
    assertThat(picks.values()).allSatisfy(n -> assertThat(n).isBetween(60, 140));
  }

  @Test
  void topDownAlwaysStartsAtTheTopOfTheRankOrder() {
    Fixture f = new Fixture(b -> b.agentRank(AgentId.of("c"), 0).agentRank(AgentId.of("a"), 1)
        .agentRank(AgentId.of("b"), 2)
        .queue(QueueConfig.builder(SALES).selector(AgentSelector.topDown()).wrapUp(Duration.ZERO).build()));
    AgentId a = f.available("a", SALES, Map.of());
    AgentId b = f.available("b", SALES, Map.of());
    AgentId c = f.available("c", SALES, Map.of());
    CallId first = f.queued(SALES, Priority.NORMAL);
    assertThat(f.offeredTo(first)).isEqualTo(c);
    f.acd.accept(c);
    assertThat(serve(f)).isEqualTo(a);
    f.acd.complete(first);
    assertThat(serve(f)).isEqualTo(c); // back at the top, though b waited longer
    assertThat(serve(f)).isEqualTo(b);
  }

  @Test
  void bestProficiencyPicksTheMostSkilledAgentThenTheOneIdleLongest() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES).selector(AgentSelector.bestProficiency())
        .skill("billing").wrapUp(Duration.ZERO).build()));
    f.available("a", SALES, Map.of("billing", 2));
    f.seconds(1);
    f.available("b", SALES, Map.of("billing", 5));
    f.seconds(1);
    f.available("c", SALES, Map.of("billing", 3));
    f.seconds(1);
    f.available("d", SALES, Map.of("billing", 3));
    f.available("e", SALES, Map.of());
    assertThat(serve(f)).isEqualTo(AgentId.of("b"));
    assertThat(serve(f)).isEqualTo(AgentId.of("c")); // level 3, idle longer than d
    assertThat(serve(f)).isEqualTo(AgentId.of("d"));
    assertThat(serve(f)).isEqualTo(AgentId.of("a"));
    assertThat(serve(f)).isEqualTo(AgentId.of("e")); // the default step takes any agent of the department
  }

  @Test
  void aTeamsOwnSelectorOrdersTheAgents() {
    AgentSelector lastById = () -> Comparator.comparing((AgentCandidate c) -> c.id().value()).reversed();
    Fixture f = fixture(lastById);
    f.available("a", SALES, Map.of());
    f.available("c", SALES, Map.of());
    f.available("b", SALES, Map.of());
    assertThat(f.acd.bestAgentFor(SALES, null, 0)).contains(AgentId.of("c"));
    assertThat(serve(f)).isEqualTo(AgentId.of("c"));
    assertThat(serve(f)).isEqualTo(AgentId.of("b"));
  }

  @Test
  void skillRoutingOnlyOffersAgentsWithEnoughProficiency() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES)
        .steps(RoutingStep.skill(Duration.ZERO, 3)).wrapUp(Duration.ZERO).build()));
    f.available("novice", SALES, Map.of("arabic", 2));
    f.available("english", SALES, Map.of("english", 5));
    CallId call = f.queued(SALES, Priority.NORMAL, "arabic");
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);
    AgentId expert = f.available("expert", SALES, Map.of("arabic", 4));
    assertThat(f.offeredTo(call)).isEqualTo(expert);
  }
}
