package dev.callcenter.sip.extension;

import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.InMemoryRecords;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.util.Comparator;
import java.util.Optional;

/** The user store behind {@link UserStore#inMemory()}. */
final class InMemoryUserStore implements UserStore {
  private final InMemoryRecords<User> records = new InMemoryRecords<>("user", Comparator.comparing(User::id));

  @Override
  public User insert(User user) {
    return records.insert(user);
  }

  @Override
  public Optional<User> find(String id) {
    return records.find(Checks.notNull(id, "id"));
  }

  @Override
  public User update(User user) {
    return records.update(user);
  }

  @Override
  public void delete(User user) {
    records.delete(user);
  }

  @Override
  public Page<User> list(UserQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return records.list(query::matches, Checks.notNull(page, "page"));
  }
}
