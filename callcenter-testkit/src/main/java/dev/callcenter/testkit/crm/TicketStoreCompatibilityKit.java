package dev.callcenter.testkit.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.Department;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Ticket;
import dev.callcenter.crm.TicketNote;
import dev.callcenter.crm.TicketPriority;
import dev.callcenter.crm.TicketQuery;
import dev.callcenter.crm.TicketStatus;
import dev.callcenter.crm.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TicketStore} must do: compare-and-set writes, every field kept exactly, lists newest first,
 * and every {@link TicketQuery} criterion applied as {@link TicketQuery#matches} says. Subclass it and return a
 * fresh, empty store from {@link #createStore()}.
 */
public abstract class TicketStoreCompatibilityKit {
  /** A timestamp with millisecond precision, which every database keeps exactly. */
  protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123Z");

  protected TicketStore store;

  /** A new, empty store; called before each test. */
  protected abstract TicketStore createStore();

  @BeforeEach
  void createTheStore() {
    store = createStore();
  }

  /** A ticket with every field set, created {@code minutes} after {@link #T0}. */
  protected static Ticket ticket(String id, int minutes) {
    Instant created = T0.plus(Duration.ofMinutes(minutes));
    return new Ticket(id, "customer-1", "call-" + id, "الطلب متأخر, \"urgent\"", "Order 1234\nstill missing",
        TicketStatus.OPEN, TicketPriority.HIGH, Department.COMPLAINTS, "agent-1",
        List.of(new TicketNote("agent-1", "Called the courier, twice", created)), Set.of("delivery", "auto:complaint"),
        created, created, null, created.plus(Duration.ofHours(24)), 0);
  }

  @Test
  void insertStoresAtVersionOneAndFindReturnsEveryField() {
    Ticket original = ticket("t-1", 0);
    Ticket stored = store.insert(original);
    assertThat(stored).isEqualTo(original.withVersion(1));
    assertThat(store.find("t-1")).contains(stored);
    Ticket bare = new Ticket("t-bare", null, null, "Subject", "", TicketStatus.OPEN, TicketPriority.LOW, null, null,
        List.of(), Set.of(), T0, T0, null, T0.plus(Duration.ofDays(7)), 0);
    assertThat(store.insert(bare)).isEqualTo(bare.withVersion(1));
    assertThat(store.get("t-bare")).isEqualTo(bare.withVersion(1));
  }

  @Test
  void insertRefusesATakenIdAndAStoredVersion() {
    store.insert(ticket("t-1", 0));
    assertThatThrownBy(() -> store.insert(ticket("t-1", 1))).isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> store.insert(ticket("t-2", 0).withVersion(2))).isInstanceOf(CallCenterException.class);
    assertThat(store.find("t-2")).isEmpty();
    assertThat(store.find("unknown")).isEmpty();
    assertThatThrownBy(() -> store.get("unknown")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void updateIsCompareAndSetAndKeepsResolvedTime() {
    Ticket v1 = store.insert(ticket("t-1", 0));
    Ticket v2 = store.update(v1.moveTo(TicketStatus.RESOLVED, T0.plusSeconds(90)));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.get("t-1")).isEqualTo(v2);
    assertThat(store.get("t-1").resolvedAt()).isEqualTo(T0.plusSeconds(90));
    assertThatThrownBy(() -> store.update(v1.withAssignee("stale", T0))).isInstanceOf(VersionConflictException.class);
    assertThat(store.get("t-1")).isEqualTo(v2);
    assertThatThrownBy(() -> store.update(ticket("ghost", 0).withVersion(1))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deleteIsCompareAndSet() {
    Ticket v1 = store.insert(ticket("t-1", 0));
    Ticket v2 = store.update(v1.withNote(new TicketNote("a", "b", T0), T0));
    assertThatThrownBy(() -> store.delete(v1)).isInstanceOf(VersionConflictException.class);
    store.delete(v2);
    assertThat(store.find("t-1")).isEmpty();
    assertThatThrownBy(() -> store.delete(v2)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void listIsNewestFirstAndPaged() {
    store.insert(ticket("t-b", 1));
    store.insert(ticket("t-a", 1));
    store.insert(ticket("t-c", 5));
    store.insert(ticket("t-d", 0));
    Page<Ticket> all = store.list(TicketQuery.ALL, PageRequest.first(10));
    assertThat(all.items()).extracting(Ticket::id).containsExactly("t-c", "t-a", "t-b", "t-d");
    Page<Ticket> page = store.list(TicketQuery.ALL, PageRequest.of(1, 2));
    assertThat(page.items()).extracting(Ticket::id).containsExactly("t-a", "t-b");
    assertThat(page.total()).isEqualTo(4);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void listFiltersLikeTheQuerySays() {
    List<Ticket> all = new ArrayList<>();
    all.add(store.insert(ticket("t-1", 0)));
    all.add(store.insert(ticket("t-2", 10).moveTo(TicketStatus.PENDING, T0.plusSeconds(700))
        .withPriority(TicketPriority.LOW, T0.plus(Duration.ofDays(7)), T0).withDepartment(Department.SALES, T0)
        .withAssignee(null, T0).withSubject("Buy a phone", T0)));
    all.add(store.insert(ticket("t-3", 20).withCustomer("customer-2", T0).withAssignee("agent-2", T0)
        .withTags(Set.of("vip"), T0).withDescription("nothing special", T0)));
    all.add(store.insert(new Ticket("t-4", null, null, "Plain", "", TicketStatus.OPEN, TicketPriority.URGENT, null,
        null, List.of(), Set.of(), T0.plus(Duration.ofMinutes(30)), T0, null, T0, 0)));
    Instant t10 = T0.plus(Duration.ofMinutes(10));
    List<TicketQuery> queries = List.of(
        TicketQuery.ALL.withStatus(TicketStatus.PENDING),
        TicketQuery.ALL.withStatus(TicketStatus.OPEN, TicketStatus.PENDING),
        TicketQuery.ALL.withPriority(TicketPriority.HIGH),
        TicketQuery.ALL.withPriority(TicketPriority.LOW, TicketPriority.URGENT),
        TicketQuery.ALL.inDepartment(Department.COMPLAINTS),
        TicketQuery.ALL.assignedTo("agent-1"),
        TicketQuery.ALL.forCustomer("customer-2"),
        TicketQuery.ALL.forCall("call-t-1"),
        TicketQuery.ALL.containing("PHONE"),
        TicketQuery.ALL.containing("courier"),
        TicketQuery.ALL.containing("vip"),
        TicketQuery.ALL.containing("متأخر"),
        TicketQuery.ALL.createdBetween(t10, null),
        TicketQuery.ALL.createdBetween(null, t10),
        TicketQuery.ALL.createdBetween(t10, T0.plus(Duration.ofMinutes(20))),
        TicketQuery.ALL.withStatus(TicketStatus.OPEN).inDepartment(Department.COMPLAINTS).assignedTo("agent-2"));
    for (TicketQuery q : queries) {
      List<String> expected = all.stream().filter(q::matches)
          .sorted((x, y) -> y.createdAt().compareTo(x.createdAt())).map(Ticket::id).toList();
      Page<Ticket> page = store.list(q, PageRequest.first(10));
      assertThat(page.items()).as("%s", q).extracting(Ticket::id).containsExactlyElementsOf(expected);
      assertThat(page.total()).as("%s", q).isEqualTo(expected.size());
    }
  }
}
