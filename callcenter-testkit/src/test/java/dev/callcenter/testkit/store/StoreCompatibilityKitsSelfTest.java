package dev.callcenter.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.NewEvent;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.AgentStore;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.CallRecordQuery;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.CallStore;
import dev.callcenter.core.store.EventLogStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The storage kits are worth something only if they fail for broken stores: run them against a few. */
class StoreCompatibilityKitsSelfTest {

  private static List<String> failedTests(Class<?> kitSubclass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kitSubclass)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFoundCount()).as("tests in the kit").isGreaterThanOrEqualTo(9);
    return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).sorted().toList();
  }

  @Test
  void catchesACallStoreWithoutCompareAndSet() {
    assertThat(failedTests(LastWriterWins.class)).containsExactly(
        "staleDeleteFailsWithVersionConflictAndKeepsTheRecord()",
        "staleUpdateFailsWithVersionConflictAndChangesNothing()",
        "twoThreadsRacingToUpdateOneRecordExactlyOneWins()");
  }

  @Test
  void catchesACallStoreThatIgnoresTheDepartment() {
    assertThat(failedTests(NoDepartmentFilter.class)).containsExactly("listCombinesEveryFilter()",
        "listFiltersByDepartment()");
  }

  @Test
  void catchesAnAgentStoreThatListsInReverse() {
    assertThat(failedTests(ReversedAgents.class)).contains("listIsOrderedById()",
        "listPagesThroughEveryMatchWithTheTotal()");
  }

  @Test
  void catchesACallRecordStoreWhoseForEachIgnoresTheQuery() {
    assertThat(failedTests(UnfilteredForEach.class)).containsExactly("forEachOfNoMatchCallsNothing()",
        "forEachStreamsEveryMatchInListOrder()");
  }

  @Test
  void catchesAnEventLogWithGaps() {
    assertThat(failedTests(GappyLog.class)).contains("concurrentAppendsGetDistinctGapFreeSequences()",
        "readAfterReturnsWhatWasAppendedInOrder()");
  }

  // ---- kit subclasses run by the launcher above, not by the build (surefire skips nested classes) ----

  /** Updates and deletes whatever version is stored. */
  static class LastWriterWins extends CallStoreCompatibilityKit {
    @Override
    protected CallStore newStore() {
      CallStore real = CallStore.inMemory();
      return new CallStoreDelegate(real) {
        @Override
        public Call update(Call call) {
          return real.update(real.find(call.id()).map(c -> call.withVersion(c.version())).orElse(call));
        }

        @Override
        public void delete(Call call) {
          real.delete(real.find(call.id()).map(c -> call.withVersion(c.version())).orElse(call));
        }
      };
    }
  }

  static class NoDepartmentFilter extends CallStoreCompatibilityKit {
    @Override
    protected CallStore newStore() {
      CallStore real = CallStore.inMemory();
      return new CallStoreDelegate(real) {
        @Override
        public Page<Call> list(CallQuery query, PageRequest page) {
          return real.list(query.inDepartment(null), page);
        }
      };
    }
  }

  static class ReversedAgents extends AgentStoreCompatibilityKit {
    @Override
    protected AgentStore newStore() {
      AgentStore real = AgentStore.inMemory();
      return new AgentStore() {
        @Override
        public Agent insert(Agent agent) {
          return real.insert(agent);
        }

        @Override
        public Optional<Agent> find(AgentId id) {
          return real.find(id);
        }

        @Override
        public Agent update(Agent agent) {
          return real.update(agent);
        }

        @Override
        public void delete(Agent agent) {
          real.delete(agent);
        }

        @Override
        public Page<Agent> list(AgentQuery query, PageRequest page) {
          List<Agent> all = new ArrayList<>(real.list(query, PageRequest.first(PageRequest.MAX_LIMIT)).items());
          all.sort(Comparator.comparing(Agent::id).reversed());
          List<Agent> slice = all.subList(Math.min(page.offset(), all.size()),
              Math.min(page.offset() + page.limit(), all.size()));
          return new Page<>(slice, all.size(), page.offset(), page.limit());
        }
      };
    }
  }

  static class UnfilteredForEach extends CallRecordStoreCompatibilityKit {
    @Override
    protected CallRecordStore newStore() {
      CallRecordStore real = CallRecordStore.inMemory();
      return new CallRecordStore() {
        @Override
        public CallRecord insert(CallRecord record) {
          return real.insert(record);
        }

        @Override
        public Optional<CallRecord> find(CallRecordId id) {
          return real.find(id);
        }

        @Override
        public CallRecord update(CallRecord record) {
          return real.update(record);
        }

        @Override
        public void delete(CallRecord record) {
          real.delete(record);
        }

        @Override
        public Page<CallRecord> list(CallRecordQuery query, PageRequest page) {
          return real.list(query, page);
        }

        @Override
        public void forEach(CallRecordQuery query, Consumer<? super CallRecord> sink) {
          real.forEach(CallRecordQuery.ALL, sink);
        }
      };
    }
  }

  /** Numbers like a database sequence that lost a value: every seventh number is skipped. */
  static class GappyLog extends EventLogStoreCompatibilityKit {
    @Override
    protected EventLogStore newStore() {
      return new EventLogStore() {
        private final List<Event> events = new ArrayList<>();
        private long last;

        @Override
        public synchronized Event append(NewEvent event) {
          last += last % 7 == 6 ? 2 : 1;
          Event sequenced = event.sequenced(last);
          events.add(sequenced);
          return sequenced;
        }

        @Override
        public synchronized List<Event> readAfter(long afterSequence, int limit) {
          return events.stream().filter(e -> e.sequence() > afterSequence).limit(limit).toList();
        }

        @Override
        public synchronized long lastSequence() {
          return last;
        }
      };
    }
  }

  /** Passes every call to the in-memory store; the broken stores above override one method. */
  private static class CallStoreDelegate implements CallStore {
    private final CallStore real;

    CallStoreDelegate(CallStore real) {
      this.real = real;
    }

    @Override
    public Call insert(Call call) {
      return real.insert(call);
    }

    @Override
    public Optional<Call> find(CallId id) {
      return real.find(id);
    }

    @Override
    public Call update(Call call) {
      return real.update(call);
    }

    @Override
    public void delete(Call call) {
      real.delete(call);
    }

    @Override
    public Page<Call> list(CallQuery query, PageRequest page) {
      return real.list(query, page);
    }
  }
}
