package dev.callcenter.sip;

import dev.callcenter.core.internal.Checks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link Registrations} in a map, expired entries dropped on access. */
final class InMemoryRegistrations implements Registrations {
  private final Clock clock;
  private final ConcurrentMap<String, List<Registration>> byExtension = new ConcurrentHashMap<>();

  InMemoryRegistrations(Clock clock) {
    this.clock = Checks.notNull(clock, "clock");
  }

  @Override
  public void register(Registration registration) {
    Checks.notNull(registration, "registration");
    byExtension.compute(registration.extension(), (k, old) -> {
      List<Registration> next = new ArrayList<>();
      next.add(registration);
      if (old != null) {
        Instant now = clock.instant();
        for (Registration r : old) {
          if (!r.contact().equals(registration.contact()) && r.isActive(now)) {
            next.add(r);
          }
        }
      }
      return List.copyOf(next);
    });
  }

  @Override
  public void unregister(String extension, String contact) {
    Checks.notBlank(extension, "extension");
    Checks.notBlank(contact, "contact");
    byExtension.computeIfPresent(extension, (k, old) -> {
      List<Registration> next = old.stream().filter(r -> !r.contact().equals(contact)).toList();
      return next.isEmpty() ? null : next;
    });
  }

  @Override
  public void unregisterAll(String extension) {
    byExtension.remove(Checks.notBlank(extension, "extension"));
  }

  @Override
  public List<Registration> find(String extension) {
    Checks.notBlank(extension, "extension");
    List<Registration> all = byExtension.getOrDefault(extension, List.of());
    Instant now = clock.instant();
    return all.stream().filter(r -> r.isActive(now)).toList();
  }
}
