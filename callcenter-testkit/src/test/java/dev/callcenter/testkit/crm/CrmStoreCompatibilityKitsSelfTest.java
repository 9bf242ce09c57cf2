package dev.callcenter.testkit.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Customer;
import dev.callcenter.crm.CustomerQuery;
import dev.callcenter.crm.CustomerStore;
import dev.callcenter.crm.Ticket;
import dev.callcenter.crm.TicketQuery;
import dev.callcenter.crm.TicketStore;
import dev.callcenter.crm.Transcript;
import dev.callcenter.crm.TranscriptQuery;
import dev.callcenter.crm.TranscriptStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The CRM kits are worth something only if they fail for broken stores: run them against a few. */
class CrmStoreCompatibilityKitsSelfTest {

  private static List<String> failedTests(Class<?> kitSubclass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kitSubclass)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFoundCount()).as("tests in the kit").isGreaterThanOrEqualTo(5);
    return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).sorted().toList();
  }

  @Test
  void catchesACustomerStoreWithAStalePhoneIndex() {
    assertThat(failedTests(StalePhones.class)).contains("findByPhoneFollowsEveryChange()",
        "deleteIsCompareAndSet()");
  }

  @Test
  void catchesACustomerStoreWithoutCompareAndSet() {
    assertThat(failedTests(LastWriterWins.class)).contains("updateIsCompareAndSet()",
        "concurrentWritersNeverLoseAnUpdate()");
  }

  @Test
  void catchesATicketStoreThatListsOldestFirst() {
    assertThat(failedTests(OldestFirst.class)).contains("listIsNewestFirstAndPaged()",
        "listFiltersLikeTheQuerySays()");
  }

  @Test
  void catchesATranscriptStoreThatIgnoresTheTextFilter() {
    assertThat(failedTests(NoTextFilter.class)).containsExactly("listIsNewestFirstPagedAndFiltered()");
  }

  // ---- kit subclasses run by the launcher above, not by the build (surefire skips nested classes) ----

  static class StalePhones extends CustomerStoreCompatibilityKit {
    @Override
    protected CustomerStore createStore() {
      CustomerStore real = CustomerStore.inMemory();
      Map<PhoneNumber, Customer> index = new ConcurrentHashMap<>();
      return new CustomerStoreDelegate(real) {
        @Override
        public Customer insert(Customer c) {
          Customer stored = real.insert(c);
          c.phones().forEach(p -> index.put(p, stored));
          return stored;
        }

        @Override
        public Optional<Customer> findByPhone(PhoneNumber phone) {
          return Optional.ofNullable(index.get(phone));
        }
      };
    }
  }

  static class LastWriterWins extends CustomerStoreCompatibilityKit {
    @Override
    protected CustomerStore createStore() {
      CustomerStore real = CustomerStore.inMemory();
      return new CustomerStoreDelegate(real) {
        @Override
        public synchronized Customer update(Customer c) {
          Customer current = real.get(c.id());
          return real.update(c.withVersion(current.version()));
        }
      };
    }
  }

  static class OldestFirst extends TicketStoreCompatibilityKit {
    @Override
    protected TicketStore createStore() {
      TicketStore real = TicketStore.inMemory();
      return new TicketStore() {
        @Override
        public Page<Ticket> list(TicketQuery query, PageRequest page) {
          List<Ticket> all = real.list(query, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
              .sorted(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::id)).toList();
          int from = Math.min(page.offset(), all.size());
          return new Page<>(all.subList(from, Math.min(all.size(), from + page.limit())), all.size(),
              page.offset(), page.limit());
        }

        @Override
        public Ticket insert(Ticket t) {
          return real.insert(t);
        }

        @Override
        public Optional<Ticket> find(String id) {
          return real.find(id);
        }

        @Override
        public Ticket update(Ticket t) {
          return real.update(t);
        }

        @Override
        public void delete(Ticket t) {
          real.delete(t);
        }
      };
    }
  }

  static class NoTextFilter extends TranscriptStoreCompatibilityKit {
    @Override
    protected TranscriptStore createStore() {
      TranscriptStore real = TranscriptStore.inMemory();
      return new TranscriptStore() {
        @Override
        public Page<Transcript> list(TranscriptQuery q, PageRequest page) {
          return real.list(new TranscriptQuery(q.callId(), q.customerId(), null, q.createdFrom(), q.createdTo()),
              page);
        }

        @Override
        public Transcript insert(Transcript t) {
          return real.insert(t);
        }

        @Override
        public Optional<Transcript> find(String id) {
          return real.find(id);
        }

        @Override
        public Transcript update(Transcript t) {
          return real.update(t);
        }

        @Override
        public void delete(Transcript t) {
          real.delete(t);
        }
      };
    }
  }

  static class CustomerStoreDelegate implements CustomerStore {
    private final CustomerStore delegate;

    CustomerStoreDelegate(CustomerStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Customer> findByPhone(PhoneNumber phone) {
      return delegate.findByPhone(phone);
    }

    @Override
    public Page<Customer> list(CustomerQuery query, PageRequest page) {
      return delegate.list(query, page);
    }

    @Override
    public Customer insert(Customer c) {
      return delegate.insert(c);
    }

    @Override
    public Optional<Customer> find(String id) {
      return delegate.find(id);
    }

    @Override
    public Customer update(Customer c) {
      return delegate.update(c);
    }

    @Override
    public void delete(Customer c) {
      delegate.delete(c);
    }
  }
}
