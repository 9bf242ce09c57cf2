package dev.callcenter.sip;

import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.sip.extension.Extension;
import dev.callcenter.sip.extension.ExtensionQuery;
import dev.callcenter.sip.extension.ExtensionStatus;
import dev.callcenter.sip.extension.ExtensionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Extension#status()} in an {@link ExtensionStore} in step with the {@link Registrations}: an extension
 * is {@link ExtensionStatus#REGISTERED} once a registration succeeds, and {@link ExtensionStatus#UNREGISTERED} when
 * its last contact is removed or has expired. A registrar calls {@link #registered} and {@link #unregistered};
 * {@link #expire()}, run every so often, catches registrations that lapsed. An extension {@code IN_CALL} stays so on
 * a refresh.
 *
 * <pre>{@code
 * ExtensionPresence presence = ExtensionPresence.of(extensionStore, registrations, clock);
 * presence.registered("1001");
 * }</pre>
 *
 * <p>Each change is a compare-and-set, retried on a version conflict with another writer (up to
 * {@link #MAX_ATTEMPTS} times); a store that fails is logged, never thrown to the registrar.
 */
public final class ExtensionPresence {
  /** How often one change is tried against concurrent writers. */
  public static final int MAX_ATTEMPTS = 8;
  private static final Logger LOG = LoggerFactory.getLogger(ExtensionPresence.class);
  private static final int PAGE = 500;

  private final ExtensionStore store;
  private final Registrations registrations;
  private final Clock clock;

  private ExtensionPresence(ExtensionStore store, Registrations registrations, Clock clock) {
    this.store = store;
    this.registrations = registrations;
    this.clock = clock;
  }

  public static ExtensionPresence of(ExtensionStore store, Registrations registrations, Clock clock) {
    return new ExtensionPresence(Checks.notNull(store, "store"), Checks.notNull(registrations, "registrations"),
        Checks.notNull(clock, "clock"));
  }

  /** A registration of {@code extcode} succeeded: it is REGISTERED (or stays IN_CALL). */
  public void registered(String extcode) {
    Checks.notBlank(extcode, "extcode");
    change(extcode, true);
  }

  /**
   * A contact of {@code extcode} was removed: it is UNREGISTERED when no unexpired contact is left (checked again on
   * every attempt, so a registration racing this one wins).
   */
  public void unregistered(String extcode) {
    Checks.notBlank(extcode, "extcode");
    change(extcode, false);
  }

  /** Marks UNREGISTERED every registered extension whose contacts have all expired; returns how many changed. */
  public int expire() {
    List<String> candidates = new ArrayList<>();
    try {
      ExtensionQuery query = ExtensionQuery.ALL.withStatus(ExtensionStatus.REGISTERED, ExtensionStatus.IN_CALL);
      PageRequest request = PageRequest.first(PAGE);
      while (true) {
        Page<Extension> page = store.list(query, request);
        for (Extension e : page.items()) {
          candidates.add(e.extcode());
        }
        if (!page.hasNext()) {
          break;
        }
        request = request.next();
      }
    } catch (RuntimeException e) {
      LOG.warn("listing registered extensions failed", e);
      return 0;
    }
    int changed = 0;
    for (String extcode : candidates) {
      if (registrations.find(extcode).isEmpty() && change(extcode, false)) {
        changed++;
      }
    }
    return changed;
  }

  /** Moves the extension towards its registration state; returns whether the store was changed. */
  private boolean change(String extcode, boolean registered) {
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        Optional<Extension> found = store.findByCode(extcode);
        if (found.isEmpty()) {
          return false;
        }
        Extension current = found.get();
        ExtensionStatus target;
        if (registered) {
          target = current.status() == ExtensionStatus.IN_CALL ? ExtensionStatus.IN_CALL : ExtensionStatus.REGISTERED;
        } else {
          target = registrations.find(extcode).isEmpty() ? ExtensionStatus.UNREGISTERED : current.status();
        }
        if (target == current.status()) {
          return false;
        }
        try {
          store.update(current.withStatus(target, clock.instant()));
          return true;
        } catch (VersionConflictException conflict) {
          LOG.debug("extension {} changed meanwhile (attempt {})", extcode, attempt);
        }
      }
      LOG.warn("extension {} kept changing; its status was left as it is", extcode);
    } catch (RuntimeException e) {
      LOG.warn("updating the status of extension {} failed", extcode, e);
    }
    return false;
  }
}
