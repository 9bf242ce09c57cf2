package dev.callcenter.core.store;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;

/** Stores calls. Lists are ordered by {@link Call#createdAt()}, then id. */
public interface CallStore extends RecordStore<CallId, Call> {
  Page<Call> list(CallQuery query, PageRequest page);

  @Override
  default String kind() {
    return "call";
  }

  /** A thread-safe store in this process's memory. */
  static CallStore inMemory() {
    return new InMemoryStores.Calls();
  }
}
