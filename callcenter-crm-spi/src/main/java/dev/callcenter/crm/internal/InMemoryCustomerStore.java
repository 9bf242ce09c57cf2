package dev.callcenter.crm.internal;

import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.InMemoryRecords;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Customer;
import dev.callcenter.crm.CustomerQuery;
import dev.callcenter.crm.CustomerStore;
import java.util.Comparator;
import java.util.Optional;

/** The customer store behind {@link CustomerStore#inMemory()}. */
public final class InMemoryCustomerStore implements CustomerStore {
  private final InMemoryRecords<Customer> records =
      new InMemoryRecords<>("customer", Comparator.comparing(Customer::id));

  @Override
  public Customer insert(Customer customer) {
    return records.insert(customer);
  }

  @Override
  public Optional<Customer> find(String id) {
    return records.find(Checks.notNull(id, "id"));
  }

  @Override
  public Customer update(Customer customer) {
    return records.update(customer);
  }

  @Override
  public void delete(Customer customer) {
    records.delete(customer);
  }

  @Override
  public Optional<Customer> findByPhone(PhoneNumber phone) {
    Checks.notNull(phone, "phone");
    return records.stream(c -> c.hasPhone(phone)).findFirst();
  }

  @Override
  public Page<Customer> list(CustomerQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return records.list(query::matches, Checks.notNull(page, "page"));
  }
}
