package dev.callcenter.testkit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.sip.extension.Extension;
import dev.callcenter.sip.extension.ExtensionQuery;
import dev.callcenter.sip.extension.ExtensionStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The kit is worth something only if it fails for broken stores: run it against a few. */
class ExtensionStoreCompatibilityKitSelfTest {

  private static List<String> failedTests(Class<?> kitSubclass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kitSubclass)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFoundCount()).as("tests in the kit").isGreaterThanOrEqualTo(8);
    return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).sorted().toList();
  }

  @Test
  void passesForTheInMemoryStore() {
    assertThat(failedTests(InMemory.class)).isEmpty();
  }

  @Test
  void catchesAStoreThatAllowsDuplicateCodes() {
    assertThat(failedTests(DuplicateCodes.class)).contains(
        "insertRefusesATakenIdATakenCodeAndAStoredVersion()", "concurrentInsertsOfOneCodeLetExactlyOneWin()");
  }

  @Test
  void catchesAStoreThatDropsCredentials() {
    assertThat(failedTests(DropsCredentials.class))
        .contains("insertStoresAtVersionOneAndKeepsCredentialsExactly()");
  }

  // ---- kit subclasses run by the launcher above, not by the build (surefire skips nested classes) ----

  static class InMemory extends ExtensionStoreCompatibilityKit {
    @Override
    protected ExtensionStore createStore() {
      return ExtensionStore.inMemory();
    }
  }

  static class DuplicateCodes extends ExtensionStoreCompatibilityKit {
    @Override
    protected ExtensionStore createStore() {
      return new NoCodeIndex();
    }
  }

  static class DropsCredentials extends ExtensionStoreCompatibilityKit {
    @Override
    protected ExtensionStore createStore() {
      ExtensionStore real = ExtensionStore.inMemory();
      return new Delegating(real) {
        @Override
        public Extension insert(Extension e) {
          return real.insert(e.withCredentials(List.of(), e.updatedAt()));
        }
      };
    }
  }

  /** Keys by id only: a second extension with a taken code is accepted. */
  static final class NoCodeIndex implements ExtensionStore {
    private final Map<String, Extension> byId = new ConcurrentHashMap<>();

    @Override
    public Extension insert(Extension e) {
      Extension stored = e.withVersion(1);
      if (byId.putIfAbsent(e.id(), stored) != null) {
        throw dev.callcenter.core.AlreadyExistsException.of("extension", e.id());
      }
      return stored;
    }

    @Override
    public Optional<Extension> find(String id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Extension> findByCode(String extcode) {
      return byId.values().stream().filter(e -> e.extcode().equals(extcode)).findFirst();
    }

    @Override
    public Extension update(Extension e) {
      Extension next = e.withVersion(e.version() + 1);
      byId.put(e.id(), next);
      return next;
    }

    @Override
    public void delete(Extension e) {
      byId.remove(e.id());
    }

    @Override
    public Page<Extension> list(ExtensionQuery query, PageRequest page) {
      List<Extension> all = byId.values().stream().filter(query::matches)
          .sorted(java.util.Comparator.comparing(Extension::extcode)).toList();
      int from = Math.min(page.offset(), all.size());
      return new Page<>(all.subList(from, Math.min(all.size(), from + page.limit())), all.size(), page.offset(),
          page.limit());
    }
  }

  static class Delegating implements ExtensionStore {
    private final ExtensionStore delegate;

    Delegating(ExtensionStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Extension insert(Extension e) {
      return delegate.insert(e);
    }

    @Override
    public Optional<Extension> find(String id) {
      return delegate.find(id);
    }

    @Override
    public Optional<Extension> findByCode(String extcode) {
      return delegate.findByCode(extcode);
    }

    @Override
    public Extension update(Extension e) {
      return delegate.update(e);
    }

    @Override
    public void delete(Extension e) {
      delegate.delete(e);
    }

    @Override
    public Page<Extension> list(ExtensionQuery query, PageRequest page) {
      return delegate.list(query, page);
    }
  }
}
