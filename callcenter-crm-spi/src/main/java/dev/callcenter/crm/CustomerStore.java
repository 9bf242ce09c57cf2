package dev.callcenter.crm;

import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.core.store.RecordStore;
import dev.callcenter.crm.internal.InMemoryCustomerStore;
import java.util.Optional;

/**
 * Stores customers: the SPI a team implements to plug in its own CRM. Lists are ordered by id. Check an
 * implementation with {@code CustomerStoreCompatibilityKit} from {@code callcenter-testkit}.
 */
public interface CustomerStore extends RecordStore<String, Customer> {
  /** The customer one of whose {@link Customer#phones()} is {@code phone}; the one with the lowest id if several. */
  Optional<Customer> findByPhone(PhoneNumber phone);

  Page<Customer> list(CustomerQuery query, PageRequest page);

  @Override
  default String kind() {
    return "customer";
  }

  /** A thread-safe store in this process's memory. */
  static CustomerStore inMemory() {
    return new InMemoryCustomerStore();
  }
}
