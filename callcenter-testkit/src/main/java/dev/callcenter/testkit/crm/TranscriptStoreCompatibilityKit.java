package dev.callcenter.testkit.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.Language;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Message;
import dev.callcenter.crm.Speaker;
import dev.callcenter.crm.Transcript;
import dev.callcenter.crm.TranscriptQuery;
import dev.callcenter.crm.TranscriptStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TranscriptStore} must do: compare-and-set writes, messages kept exactly and in order, lists
 * newest first, and every {@link TranscriptQuery} criterion applied as {@link TranscriptQuery#matches} says.
 */
public abstract class TranscriptStoreCompatibilityKit {
  /** A timestamp with millisecond precision, which every database keeps exactly. */
  protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00.123Z");

  protected TranscriptStore store;

  /** A new, empty store; called before each test. */
  protected abstract TranscriptStore createStore();

  @BeforeEach
  void createTheStore() {
    store = createStore();
  }

  /** A transcript of two messages, created {@code minutes} after {@link #T0}. */
  protected static Transcript transcript(String id, int minutes) {
    Instant created = T0.plus(Duration.ofMinutes(minutes));
    return new Transcript(id, "call-" + id, "customer-" + id, List.of(
        new Message(1, created, Speaker.CUSTOMER, "الطلب متأخر, \"جداً\"\nوأنا غاضب", Language.ARABIC, -1.0),
        new Message(2, created.plusMillis(1500), Speaker.AGENT, "Sorry, let me check order 1234", Language.ENGLISH,
            0.25)), created, created, 0);
  }

  @Test
  void insertStoresAtVersionOneAndFindReturnsEveryField() {
    Transcript original = transcript("x-1", 0);
    Transcript stored = store.insert(original);
    assertThat(stored).isEqualTo(original.withVersion(1));
    assertThat(store.find("x-1")).contains(stored);
    Transcript empty = new Transcript("x-empty", null, null, List.of(), T0, T0, 0);
    assertThat(store.insert(empty)).isEqualTo(empty.withVersion(1));
    assertThat(store.get("x-empty")).isEqualTo(empty.withVersion(1));
  }

  @Test
  void insertRefusesATakenIdAndAStoredVersion() {
    store.insert(transcript("x-1", 0));
    assertThatThrownBy(() -> store.insert(transcript("x-1", 1))).isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> store.insert(transcript("x-2", 0).withVersion(5)))
        .isInstanceOf(CallCenterException.class);
    assertThat(store.find("x-2")).isEmpty();
    assertThatThrownBy(() -> store.get("unknown")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aCallHasAtMostOneTranscript() {
    Transcript first = store.insert(transcript("x-1", 0));
    Transcript second = new Transcript("x-2", first.callId(), "customer-x-2", List.of(), T0, T0, 0);
    assertThatThrownBy(() -> store.insert(second)).isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining(first.callId());
    assertThat(store.find("x-2")).isEmpty();
    Transcript other = store.insert(transcript("x-3", 1));
    assertThatThrownBy(() -> store.update(new Transcript(other.id(), first.callId(), other.customerId(),
        other.messages(), other.createdAt(), other.updatedAt(), other.version())))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(store.get("x-3")).isEqualTo(other);
    store.insert(new Transcript("x-free-1", null, null, List.of(), T0, T0, 0));
    store.insert(new Transcript("x-free-2", null, null, List.of(), T0, T0, 0));
    assertThat(store.list(TranscriptQuery.ALL, PageRequest.first(10)).total()).as("no limit without a call")
        .isEqualTo(4);
  }

  @Test
  void updateAppendsMessagesWithCompareAndSet() {
    Transcript v1 = store.insert(transcript("x-1", 0));
    Message third = new Message(3, T0.plusSeconds(5), Speaker.SYSTEM, "Transferring you now", null, 0);
    Transcript v2 = store.update(v1.withMessage(third, T0.plusSeconds(5)));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.get("x-1").messages()).hasSize(3).last().isEqualTo(third);
    Message stale = new Message(3, T0.plusSeconds(6), Speaker.CUSTOMER, "stale", null, 0);
    assertThatThrownBy(() -> store.update(v1.withMessage(stale, T0))).isInstanceOf(VersionConflictException.class);
    assertThat(store.get("x-1")).isEqualTo(v2);
    assertThatThrownBy(() -> store.update(transcript("ghost", 0).withVersion(1)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deleteIsCompareAndSet() {
    Transcript v1 = store.insert(transcript("x-1", 0));
    Transcript v2 = store.update(v1.withMessage(new Message(3, T0, Speaker.AGENT, "bye", null, 0), T0));
    assertThatThrownBy(() -> store.delete(v1)).isInstanceOf(VersionConflictException.class);
    store.delete(v2);
    assertThat(store.find("x-1")).isEmpty();
    assertThatThrownBy(() -> store.delete(v2)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void listIsNewestFirstPagedAndFiltered() {
    List<Transcript> all = List.of(store.insert(transcript("x-a", 0)), store.insert(transcript("x-b", 10)),
        store.insert(new Transcript("x-c", null, "customer-x-a", List.of(new Message(1, T0, Speaker.CUSTOMER,
            "I want to buy a phone", Language.ENGLISH, 0)), T0.plus(Duration.ofMinutes(20)), T0, 0)));
    Page<Transcript> page = store.list(TranscriptQuery.ALL, PageRequest.of(1, 1));
    assertThat(page.items()).extracting(Transcript::id).containsExactly("x-b");
    assertThat(page.total()).isEqualTo(3);
    Instant t10 = T0.plus(Duration.ofMinutes(10));
    for (TranscriptQuery q : List.of(TranscriptQuery.ALL, TranscriptQuery.ALL.forCall("call-x-a"),
        TranscriptQuery.ALL.forCustomer("customer-x-a"), TranscriptQuery.ALL.containing("PHONE"),
        TranscriptQuery.ALL.containing("متأخر"), TranscriptQuery.ALL.createdBetween(t10, null),
        TranscriptQuery.ALL.createdBetween(null, t10), TranscriptQuery.ALL.containing("order").forCall("call-x-b"))) {
      List<String> expected = all.stream().filter(q::matches)
          .sorted((x, y) -> y.createdAt().compareTo(x.createdAt())).map(Transcript::id).toList();
      Page<Transcript> result = store.list(q, PageRequest.first(10));
      assertThat(result.items()).as("%s", q).extracting(Transcript::id).containsExactlyElementsOf(expected);
      assertThat(result.total()).as("%s", q).isEqualTo(expected.size());
    }
  }
}
