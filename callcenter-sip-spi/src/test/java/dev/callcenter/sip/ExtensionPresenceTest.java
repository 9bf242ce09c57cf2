package dev.callcenter.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.sip.extension.Extension;
import dev.callcenter.sip.extension.ExtensionQuery;
import dev.callcenter.sip.extension.ExtensionStatus;
import dev.callcenter.sip.extension.ExtensionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExtensionPresenceTest {
  private final ManualTime time = new ManualTime();
  private final Registrations registrations = Registrations.inMemory(time);
  private final ExtensionStore store = ExtensionStore.inMemory();
  private final ExtensionPresence presence = ExtensionPresence.of(store, registrations, time);

  private Extension extension(String code, ExtensionStatus status) {
    return store.insert(new Extension("ext-" + code, code, "Desk " + code, null, status, List.of(), time.instant(),
        time.instant(), 0));
  }

  private ExtensionStatus status(String code) {
    return store.findByCode(code).orElseThrow().status();
  }

  private void register(String code, String contact, Duration expires) {
    registrations.register(new Registration(code, contact, time.instant().plus(expires)));
    presence.registered(code);
  }

  @Test
  void aRegistrationMarksTheExtensionRegisteredAndRemovingItsLastContactUnregistered() {
    extension("1001", ExtensionStatus.UNREGISTERED);

    register("1001", "sip:1001@192.0.2.1", Duration.ofMinutes(10));
    assertThat(status("1001")).isEqualTo(ExtensionStatus.REGISTERED);

    register("1001", "sip:1001@192.0.2.2", Duration.ofMinutes(10));
    registrations.unregister("1001", "sip:1001@192.0.2.1");
    presence.unregistered("1001");
    assertThat(status("1001")).as("one contact is left").isEqualTo(ExtensionStatus.REGISTERED);

    registrations.unregister("1001", "sip:1001@192.0.2.2");
    presence.unregistered("1001");
    assertThat(status("1001")).isEqualTo(ExtensionStatus.UNREGISTERED);
  }

  @Test
  void expiredRegistrationsAreMarkedUnregisteredByExpire() {
    extension("1001", ExtensionStatus.UNREGISTERED);
    extension("1002", ExtensionStatus.UNREGISTERED);
    register("1001", "sip:1001@192.0.2.1", Duration.ofMinutes(1));
    register("1002", "sip:1002@192.0.2.2", Duration.ofMinutes(10));

    assertThat(presence.expire()).isZero();
    time.advance(Duration.ofMinutes(2));

    assertThat(presence.expire()).isEqualTo(1);
    assertThat(status("1001")).isEqualTo(ExtensionStatus.UNREGISTERED);
    assertThat(status("1002")).isEqualTo(ExtensionStatus.REGISTERED);
    assertThat(store.findByCode("1001").orElseThrow().updatedAt()).isEqualTo(time.instant());
  }

  @Test
  void anExtensionInACallStaysInTheCallOnARefresh() {
    extension("1001", ExtensionStatus.IN_CALL);

    register("1001", "sip:1001@192.0.2.1", Duration.ofMinutes(10));

    assertThat(status("1001")).isEqualTo(ExtensionStatus.IN_CALL);
  }

  @Test
  void aConcurrentWriterIsRetriedAndItsChangeKept() {
    extension("1001", ExtensionStatus.UNREGISTERED);
    AtomicInteger interruptions = new AtomicInteger(2);
    ExtensionStore racing = new DelegatingStore(store) {
      @Override
      public Optional<Extension> findByCode(String extcode) {
        Optional<Extension> found = super.findByCode(extcode);
        if (interruptions.getAndDecrement() > 0) { // someone renames the desk between our read and our write
          Extension e = found.orElseThrow();
          store.update(e.withDisplayName(e.displayName() + "!", time.instant()));
        }
        return found;
      }
    };
    registrations.register(new Registration("1001", "sip:1001@192.0.2.1", time.instant().plusSeconds(600)));

    ExtensionPresence.of(racing, registrations, time).registered("1001");

    Extension stored = store.findByCode("1001").orElseThrow();
    assertThat(stored.status()).isEqualTo(ExtensionStatus.REGISTERED);
    assertThat(stored.displayName()).isEqualTo("Desk 1001!!");
    assertThat(stored.version()).isEqualTo(4);
  }

  @Test
  void aFailingStoreIsLoggedNotThrownAndUnknownExtensionsAreIgnored() {
    ExtensionStore broken = new DelegatingStore(store) {
      @Override
      public Optional<Extension> findByCode(String extcode) {
        throw new IllegalStateException("database down");
      }
    };
    ExtensionPresence.of(broken, registrations, time).registered("1001");
    presence.registered("9999");
    assertThat(store.findByCode("9999")).isEmpty();
  }

  /** A store that hands every call on, for tests to override one. */
  private static class DelegatingStore implements ExtensionStore {
    private final ExtensionStore delegate;

    DelegatingStore(ExtensionStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Extension> findByCode(String extcode) {
      return delegate.findByCode(extcode);
    }

    @Override
    public Page<Extension> list(ExtensionQuery query, PageRequest page) {
      return delegate.list(query, page);
    }

    @Override
    public Extension insert(Extension record) {
      return delegate.insert(record);
    }

    @Override
    public Optional<Extension> find(String key) {
      return delegate.find(key);
    }

    @Override
    public Extension update(Extension record) {
      return delegate.update(record);
    }

    @Override
    public void delete(Extension record) {
      delegate.delete(record);
    }
  }
}
