package dev.callcenter.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStats;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.AgentStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compatibility kit for {@link AgentStore}: extend it and implement {@link #newStore()}. */
public abstract class AgentStoreCompatibilityKit extends RecordStoreCompatibilityKit<AgentId, Agent, AgentStore> {
  /** A fixed instant the kit's agents change status around. */
  protected static final Instant T0 = Instant.parse("2026-03-01T08:00:00.250Z");

  @Override
  protected Agent newRecord(int n) {
    return agent(String.format("agent-%03d", n), Department.RECEPTION, AgentStatus.OFFLINE,
        Map.of("english", 1 + n % 5));
  }

  @Override
  protected Agent changed(Agent record) {
    AgentStatus next = record.status() == AgentStatus.AVAILABLE ? AgentStatus.ON_BREAK : AgentStatus.AVAILABLE;
    return record.withStatus(next, record.statusSince().plusSeconds(30))
        .withStats(record.stats().plusCall(Duration.ofSeconds(95), record.statusSince().plusSeconds(20)));
  }

  @Override
  protected AgentId keyOf(Agent record) {
    return record.id();
  }

  protected static Agent agent(String id, Department department, AgentStatus status, Map<String, Integer> skills) {
    return new Agent(AgentId.of(id), "Agent " + id, id + "@example.com", "10" + Math.abs(id.hashCode() % 100),
        department, skills, status, T0, AgentStats.NONE, 0);
  }

  @Test
  void everyFieldRoundTrips() {
    Agent full = new Agent(AgentId.of("full"), "Sara", "sara@example.com", "1001", Department.of("tech_support"),
        Map.of("arabic", 5, "billing", 3, "english", 4), AgentStatus.BUSY, T0.plusSeconds(7),
        new AgentStats(12, Duration.ofMinutes(47).plusMillis(5), T0.minusSeconds(60)), 0);
    Agent sparse = new Agent(AgentId.of("sparse"), "Omar", null, null, Department.RECEPTION, Map.of(),
        AgentStatus.OFFLINE, T0, AgentStats.NONE, 0);

    store.insert(full);
    store.insert(sparse);

    assertThat(store.get(full.id())).isEqualTo(full.withVersion(1));
    assertThat(store.get(sparse.id())).isEqualTo(sparse.withVersion(1));
  }

  @Test
  void arabicTextRoundTrips() {
    Agent arabic = new Agent(AgentId.of("ar"), "فاطمة الزهراء", "فاطمة@مثال.مصر", "٢٠٠", Department.SALES,
        Map.of("arabic", 5), AgentStatus.AVAILABLE, T0, AgentStats.NONE, 0);

    store.insert(arabic);

    assertThat(store.get(arabic.id())).isEqualTo(arabic.withVersion(1));
  }

  @Test
  void listIsOrderedById() {
    store.insert(agent("c", Department.SALES, AgentStatus.AVAILABLE, Map.of()));
    store.insert(agent("a", Department.SALES, AgentStatus.AVAILABLE, Map.of()));
    store.insert(agent("Z", Department.SALES, AgentStatus.AVAILABLE, Map.of()));
    store.insert(agent("b", Department.SALES, AgentStatus.AVAILABLE, Map.of()));
    store.insert(agent("a-2", Department.SALES, AgentStatus.AVAILABLE, Map.of()));
    store.insert(agent("a1", Department.SALES, AgentStatus.AVAILABLE, Map.of()));

    // String order: code point by code point, as String.compareTo
    assertThat(ids(AgentQuery.ALL)).containsExactly("Z", "a", "a-2", "a1", "b", "c");
  }

  @Test
  void listPagesThroughEveryMatchWithTheTotal() {
    for (int i = 0; i < 5; i++) {
      store.insert(agent("p" + i, Department.SALES, AgentStatus.AVAILABLE, Map.of()));
    }
    store.insert(agent("q", Department.COMPLAINTS, AgentStatus.AVAILABLE, Map.of()));

    List<String> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    Page<Agent> page;
    do {
      page = store.list(AgentQuery.inDepartment(Department.SALES), request);
      assertThat(page.total()).isEqualTo(5);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      page.items().forEach(a -> seen.add(a.id().value()));
      request = request.next();
    } while (page.hasNext());

    assertThat(seen).containsExactly("p0", "p1", "p2", "p3", "p4");
    Page<Agent> beyond = store.list(AgentQuery.ALL, PageRequest.of(50, 10));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(6);
  }

  @Test
  void listFiltersByDepartment() {
    store.insert(agent("r1", Department.RECEPTION, AgentStatus.AVAILABLE, Map.of()));
    store.insert(agent("s1", Department.SALES, AgentStatus.AVAILABLE, Map.of()));
    store.insert(agent("s2", Department.SALES, AgentStatus.OFFLINE, Map.of()));

    assertThat(ids(AgentQuery.inDepartment(Department.SALES))).containsExactly("s1", "s2");
    assertThat(ids(AgentQuery.inDepartment(Department.COMPLAINTS))).isEmpty();
  }

  @Test
  void listFiltersByStatus() {
    store.insert(agent("x1", Department.SALES, AgentStatus.AVAILABLE, Map.of()));
    store.insert(agent("x2", Department.SALES, AgentStatus.BUSY, Map.of()));
    store.insert(agent("x3", Department.SALES, AgentStatus.ON_BREAK, Map.of()));
    store.insert(agent("x4", Department.RECEPTION, AgentStatus.AVAILABLE, Map.of()));

    assertThat(ids(AgentQuery.ALL.withStatus(AgentStatus.AVAILABLE))).containsExactly("x1", "x4");
    assertThat(ids(AgentQuery.ALL.withStatus(AgentStatus.BUSY, AgentStatus.ON_BREAK))).containsExactly("x2", "x3");
    assertThat(ids(AgentQuery.inDepartment(Department.SALES).withStatus(AgentStatus.AVAILABLE)))
        .containsExactly("x1");
    assertThat(ids(AgentQuery.ALL.withStatus(AgentStatus.OFFLINE))).isEmpty();
  }

  @Test
  void listFiltersBySkill() {
    store.insert(agent("k1", Department.SALES, AgentStatus.AVAILABLE, Map.of("arabic", 3, "billing", 2)));
    store.insert(agent("k2", Department.SALES, AgentStatus.AVAILABLE, Map.of("english", 5)));
    store.insert(agent("k3", Department.COMPLAINTS, AgentStatus.BUSY, Map.of("arabic", 1)));

    assertThat(ids(AgentQuery.ALL.withSkill("arabic"))).containsExactly("k1", "k3");
    assertThat(ids(AgentQuery.ALL.withSkill("billing"))).containsExactly("k1");
    assertThat(ids(AgentQuery.ALL.withSkill("french"))).isEmpty();
    assertThat(ids(new AgentQuery(Department.COMPLAINTS, java.util.Set.of(AgentStatus.BUSY), "arabic")))
        .containsExactly("k3");
  }

  @Test
  void skillFilterFollowsUpdatesAndDeletes() {
    Agent k1 = store.insert(agent("k1", Department.SALES, AgentStatus.AVAILABLE, Map.of("arabic", 3)));
    Agent k2 = store.insert(agent("k2", Department.SALES, AgentStatus.AVAILABLE, Map.of("arabic", 2)));

    store.update(k1.withSkills(Map.of("english", 4)));
    store.delete(k2);

    assertThat(ids(AgentQuery.ALL.withSkill("arabic"))).isEmpty();
    assertThat(ids(AgentQuery.ALL.withSkill("english"))).containsExactly("k1");
    assertThat(store.get(k1.id()).skills()).containsExactly(Map.entry("english", 4));
  }

  private List<String> ids(AgentQuery query) {
    return store.list(query, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
        .map(a -> a.id().value()).toList();
  }
}
