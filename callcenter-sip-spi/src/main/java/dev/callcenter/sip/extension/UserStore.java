package dev.callcenter.sip.extension;

import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.core.store.RecordStore;

/** Stores users. Lists are ordered by id. */
public interface UserStore extends RecordStore<String, User> {
  Page<User> list(UserQuery query, PageRequest page);

  @Override
  default String kind() {
    return "user";
  }

  /** A thread-safe store in this process's memory. */
  static UserStore inMemory() {
    return new InMemoryUserStore();
  }
}
