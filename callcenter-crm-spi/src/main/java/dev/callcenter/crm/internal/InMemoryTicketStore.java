package dev.callcenter.crm.internal;

import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.InMemoryRecords;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Ticket;
import dev.callcenter.crm.TicketQuery;
import dev.callcenter.crm.TicketStore;
import java.util.Comparator;
import java.util.Optional;

/** The ticket store behind {@link TicketStore#inMemory()}. */
public final class InMemoryTicketStore implements TicketStore {
  private final InMemoryRecords<Ticket> records = new InMemoryRecords<>("ticket",
      Comparator.comparing(Ticket::createdAt).reversed().thenComparing(Ticket::id));

  @Override
  public Ticket insert(Ticket ticket) {
    return records.insert(ticket);
  }

  @Override
  public Optional<Ticket> find(String id) {
    return records.find(Checks.notNull(id, "id"));
  }

  @Override
  public Ticket update(Ticket ticket) {
    return records.update(ticket);
  }

  @Override
  public void delete(Ticket ticket) {
    records.delete(ticket);
  }

  @Override
  public Page<Ticket> list(TicketQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return records.list(query::matches, Checks.notNull(page, "page"));
  }
}
