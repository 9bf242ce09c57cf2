package dev.callcenter.sip;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The location service: which contacts each extension is registered at. A registrar writes it, transfers read it.
 * Implementations are thread-safe; a store shared by several nodes lets any node reach any agent.
 */
public interface Registrations {
  /** Adds or refreshes {@code registration} (same extension and contact). */
  void register(Registration registration);

  /** Removes one contact of an extension; nothing happens when it is not registered. */
  void unregister(String extension, String contact);

  /** Removes every contact of an extension. */
  void unregisterAll(String extension);

  /** The extension's unexpired contacts, most recently registered first. */
  List<Registration> find(String extension);

  /** The most recently registered unexpired contact of the extension. */
  default Optional<Registration> findFirst(String extension) {
    return find(extension).stream().findFirst();
  }

  /** In memory, expiring entries by {@code clock}. */
  static Registrations inMemory(Clock clock) {
    return new InMemoryRegistrations(clock);
  }
}
