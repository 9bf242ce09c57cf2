package dev.callcenter.crm;

import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.core.store.RecordStore;
import dev.callcenter.crm.internal.InMemoryTicketStore;

/**
 * Stores tickets. Lists are ordered newest first: by {@link Ticket#createdAt()} descending, then id. Check an
 * implementation with {@code TicketStoreCompatibilityKit} from {@code callcenter-testkit}.
 */
public interface TicketStore extends RecordStore<String, Ticket> {
  Page<Ticket> list(TicketQuery query, PageRequest page);

  @Override
  default String kind() {
    return "ticket";
  }

  /** A thread-safe store in this process's memory. */
  static TicketStore inMemory() {
    return new InMemoryTicketStore();
  }
}
