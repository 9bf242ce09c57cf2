package dev.callcenter.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallMetadata;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.CustomerInfo;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.Priority;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.CallStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Compatibility kit for {@link CallStore}: extend it and implement {@link #newStore()}.
 *
 * <p>Times in the kit are whole milliseconds, so a store may keep timestamps at millisecond precision or finer.
 */
public abstract class CallStoreCompatibilityKit extends RecordStoreCompatibilityKit<CallId, Call, CallStore> {
  /** A fixed instant the kit's calls are created around. */
  protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");

  @Override
  protected Call newRecord(int n) {
    return call("call-" + n, CallStatus.INITIATED, null, null, "cust-" + n, T0.plusSeconds(n));
  }

  @Override
  protected Call changed(Call record) {
    Instant now = record.updatedAt().plusMillis(1500);
    return record.withPriority(record.priority() == Priority.HIGH ? Priority.URGENT : Priority.HIGH, now)
        .withCollectedData(Map.of("step" + record.version(), "done"), now);
  }

  @Override
  protected CallId keyOf(Call record) {
    return record.id();
  }

  /** A call with the given queryable fields and some content in every other field. */
  protected static Call call(String id, CallStatus status, @Nullable Department department, @Nullable String agent,
      @Nullable String customerId, Instant createdAt) {
    return new Call(CallId.of(id), status,
        new CustomerInfo("Customer " + id, PhoneNumber.parse("+966501234567"), id + "@example.com", customerId),
        Language.ENGLISH, department, Priority.NORMAL, agent == null ? null : AgentId.of(agent), "GREETING",
        Map.of("orderNumber", "A-1"), Map.of("retries", "0"), Set.of("web"),
        new CallMetadata("web", "203.0.113.7", "kit"), createdAt, createdAt, null, null, null, 0);
  }

  @Test
  void everyFieldRoundTrips() {
    Instant t = T0.plusSeconds(30);
    Call full = new Call(CallId.of("full-1"), CallStatus.IN_PROGRESS,
        new CustomerInfo("Ahmed", PhoneNumber.parse("+971501234567"), "ahmed@example.com", "C-77"),
        Language.of("ar-eg"), Department.COMPLAINTS, Priority.URGENT, AgentId.of("agent-7"), "HANDOFF",
        Map.of("orderNumber", "ORD-1", "product", "router"), Map.of("retries", "2", "pending", "pin"),
        Set.of("vip", "callback"), new CallMetadata("sip", "198.51.100.4", "Linphone/5"), t,
        t.plusSeconds(90), t.plusSeconds(10), t.plusSeconds(40), t.plusSeconds(80), 0);
    Call sparse = new Call(CallId.of("sparse-1"), CallStatus.INITIATED, CustomerInfo.UNKNOWN, null, null,
        Priority.LOW, null, null, Map.of(), Map.of(), Set.of(), CallMetadata.NONE, t, t, null, null, null, 0);

    store.insert(full);
    store.insert(sparse);

    assertThat(store.get(full.id())).isEqualTo(full.withVersion(1));
    assertThat(store.get(sparse.id())).isEqualTo(sparse.withVersion(1));
  }

  @Test
  void arabicTextRoundTrips() {
    Instant t = T0.plusSeconds(5);
    Call arabic = new Call(CallId.of("ar-1"), CallStatus.IVR_PROCESSING,
        new CustomerInfo("محمد عبد الله", PhoneNumber.parse("+966 ٥٠ ١٢٣ ٤٥٦٧"), "محمد@مثال.السعودية", "عميل-١"),
        Language.ARABIC, Department.SALES, Priority.NORMAL, null, "INTENT",
        Map.of("السبب", "أريد الاستفسار عن فاتورتي 📞"), Map.of("مرحلة", "الهوية"), Set.of("عاجل"),
        new CallMetadata("ويب", null, "متصفح"), t, t, null, null, null, 0);

    store.insert(arabic);

    assertThat(store.get(arabic.id())).isEqualTo(arabic.withVersion(1));
    assertThat(store.list(CallQuery.ALL.forCustomer("عميل-١"), PageRequest.first(10)).items())
        .extracting(Call::id).containsExactly(arabic.id());
  }

  @Test
  void listIsOrderedByCreationTimeThenId() {
    store.insert(call("c", CallStatus.INITIATED, null, null, null, T0.plusSeconds(2)));
    store.insert(call("b", CallStatus.INITIATED, null, null, null, T0.plusSeconds(1)));
    store.insert(call("z", CallStatus.INITIATED, null, null, null, T0));
    store.insert(call("a", CallStatus.INITIATED, null, null, null, T0.plusSeconds(1)));

    Page<Call> page = store.list(CallQuery.ALL, PageRequest.first(10));

    assertThat(page.items()).extracting(c -> c.id().value()).containsExactly("z", "a", "b", "c");
    assertThat(page.total()).isEqualTo(4);
  }

  @Test
  void listPagesThroughEveryMatchWithTheTotal() {
    for (int i = 0; i < 7; i++) {
      store.insert(call("p" + i, CallStatus.IN_QUEUE, null, null, null, T0.plusSeconds(i)));
    }
    store.insert(call("other", CallStatus.COMPLETED, null, null, null, T0.plusSeconds(3)));

    CallQuery queued = CallQuery.withStatus(CallStatus.IN_QUEUE);
    List<String> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(3);
    Page<Call> page;
    int pages = 0;
    do {
      page = store.list(queued, request);
      assertThat(page.total()).isEqualTo(7);
      assertThat(page.offset()).isEqualTo(request.offset());
      assertThat(page.limit()).isEqualTo(3);
      page.items().forEach(c -> seen.add(c.id().value()));
      request = request.next();
      pages++;
    } while (page.hasNext());

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6");
    Page<Call> beyond = store.list(queued, PageRequest.of(20, 5));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(7);
    assertThat(beyond.hasNext()).isFalse();
  }

  @Test
  void listOfAnEmptyStoreIsEmpty() {
    Page<Call> page = store.list(CallQuery.ALL, PageRequest.first(10));

    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isZero();
  }

  @Test
  void listFiltersByStatus() {
    store.insert(call("s1", CallStatus.IN_QUEUE, null, null, null, T0));
    store.insert(call("s2", CallStatus.IN_PROGRESS, null, null, null, T0.plusSeconds(1)));
    store.insert(call("s3", CallStatus.COMPLETED, null, null, null, T0.plusSeconds(2)));
    store.insert(call("s4", CallStatus.IN_QUEUE, null, null, null, T0.plusSeconds(3)));

    assertThat(ids(CallQuery.withStatus(CallStatus.IN_QUEUE))).containsExactly("s1", "s4");
    assertThat(ids(CallQuery.withStatus(CallStatus.IN_QUEUE, CallStatus.COMPLETED)))
        .containsExactly("s1", "s3", "s4");
    assertThat(ids(CallQuery.withStatus(CallStatus.FAILED))).isEmpty();
    assertThat(ids(CallQuery.ALL)).containsExactly("s1", "s2", "s3", "s4");
  }

  @Test
  void listFiltersByDepartment() {
    store.insert(call("d1", CallStatus.IN_QUEUE, Department.SALES, null, null, T0));
    store.insert(call("d2", CallStatus.IN_QUEUE, Department.COMPLAINTS, null, null, T0.plusSeconds(1)));
    store.insert(call("d3", CallStatus.IN_QUEUE, null, null, null, T0.plusSeconds(2)));
    store.insert(call("d4", CallStatus.IN_QUEUE, Department.of("billing"), null, null, T0.plusSeconds(3)));

    assertThat(ids(CallQuery.ALL.inDepartment(Department.SALES))).containsExactly("d1");
    assertThat(ids(CallQuery.ALL.inDepartment(Department.of("billing")))).containsExactly("d4");
    assertThat(ids(CallQuery.ALL.inDepartment(Department.RECEPTION))).isEmpty();
  }

  @Test
  void listFiltersByAgent() {
    store.insert(call("a1", CallStatus.IN_PROGRESS, null, "agent-1", null, T0));
    store.insert(call("a2", CallStatus.IN_PROGRESS, null, "agent-2", null, T0.plusSeconds(1)));
    store.insert(call("a3", CallStatus.COMPLETED, null, "agent-1", null, T0.plusSeconds(2)));
    store.insert(call("a4", CallStatus.IN_QUEUE, null, null, null, T0.plusSeconds(3)));

    assertThat(ids(CallQuery.ALL.forAgent(AgentId.of("agent-1")))).containsExactly("a1", "a3");
    assertThat(ids(CallQuery.withStatus(CallStatus.IN_PROGRESS).forAgent(AgentId.of("agent-1"))))
        .containsExactly("a1");
  }

  @Test
  void listFiltersByCustomer() {
    store.insert(call("k1", CallStatus.COMPLETED, null, null, "cust-a", T0));
    store.insert(call("k2", CallStatus.COMPLETED, null, null, "cust-b", T0.plusSeconds(1)));
    store.insert(call("k3", CallStatus.IN_QUEUE, null, null, "cust-a", T0.plusSeconds(2)));
    store.insert(call("k4", CallStatus.IN_QUEUE, null, null, null, T0.plusSeconds(3)));

    assertThat(ids(CallQuery.ALL.forCustomer("cust-a"))).containsExactly("k1", "k3");
    assertThat(ids(CallQuery.ALL.forCustomer("cust-zz"))).isEmpty();
  }

  @Test
  void listFiltersByCreationTimeFromInclusiveToExclusive() {
    for (int i = 0; i < 5; i++) {
      store.insert(call("t" + i, CallStatus.INITIATED, null, null, null, T0.plusSeconds(60L * i)));
    }

    assertThat(ids(CallQuery.ALL.createdBetween(T0.plusSeconds(60), T0.plusSeconds(180))))
        .containsExactly("t1", "t2");
    assertThat(ids(CallQuery.ALL.createdBetween(T0.plusSeconds(180), null))).containsExactly("t3", "t4");
    assertThat(ids(CallQuery.ALL.createdBetween(null, T0.plusSeconds(60)))).containsExactly("t0");
    assertThat(ids(CallQuery.ALL.createdBetween(T0.plusSeconds(60).plusMillis(1), T0.plusSeconds(120))))
        .isEmpty();
  }

  @Test
  void listCombinesEveryFilter() {
    store.insert(call("m1", CallStatus.IN_PROGRESS, Department.SALES, "ag", "cu", T0));
    store.insert(call("m2", CallStatus.IN_PROGRESS, Department.SALES, "ag", "cu", T0.plusSeconds(10)));
    store.insert(call("m3", CallStatus.IN_PROGRESS, Department.SALES, "ag", "other", T0.plusSeconds(5)));
    store.insert(call("m4", CallStatus.IN_PROGRESS, Department.COMPLAINTS, "ag", "cu", T0.plusSeconds(5)));
    store.insert(call("m5", CallStatus.COMPLETED, Department.SALES, "ag", "cu", T0.plusSeconds(5)));
    store.insert(call("m6", CallStatus.IN_PROGRESS, Department.SALES, "ag2", "cu", T0.plusSeconds(5)));
    store.insert(call("m7", CallStatus.IN_PROGRESS, Department.SALES, "ag", "cu", T0.plusSeconds(5)));

    CallQuery query = new CallQuery(Set.of(CallStatus.IN_PROGRESS), Department.SALES, AgentId.of("ag"), "cu",
        T0.plusSeconds(1), T0.plusSeconds(10));

    assertThat(ids(query)).containsExactly("m7");
  }

  @Test
  void listSeesUpdatesAndDeletes() {
    Call c1 = store.insert(call("u1", CallStatus.INITIATED, null, null, null, T0));
    Call c2 = store.insert(call("u2", CallStatus.INITIATED, null, null, null, T0.plusSeconds(1)));

    store.update(c1.moveTo(CallStatus.IN_QUEUE, T0.plusSeconds(5)).withDepartment(Department.SALES,
        T0.plusSeconds(5)));
    store.delete(c2);

    assertThat(ids(CallQuery.withStatus(CallStatus.INITIATED))).isEmpty();
    assertThat(ids(CallQuery.withStatus(CallStatus.IN_QUEUE).inDepartment(Department.SALES)))
        .containsExactly("u1");
    assertThat(store.list(CallQuery.ALL, PageRequest.first(10)).total()).isEqualTo(1);
  }

  private List<String> ids(CallQuery query) {
    return store.list(query, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
        .map(c -> c.id().value()).toList();
  }
}
