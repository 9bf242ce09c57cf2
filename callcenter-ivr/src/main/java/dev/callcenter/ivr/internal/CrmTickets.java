package dev.callcenter.ivr.internal;

import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.CrmService;
import dev.callcenter.crm.NewTicket;
import dev.callcenter.crm.Ticket;
import dev.callcenter.crm.TicketPriority;
import dev.callcenter.crm.TicketQuery;
import dev.callcenter.ivr.TicketRequest;
import dev.callcenter.ivr.TicketRequester;
import java.util.Optional;

/** Opens IVR tickets in the CRM module, one per call and reason (a re-run step finds the ticket it opened). */
public final class CrmTickets implements TicketRequester {
  private final CrmService crm;

  public CrmTickets(CrmService crm) {
    this.crm = crm;
  }

  @Override
  public Optional<String> request(TicketRequest request) {
    String tag = "ivr-" + request.reason();
    Optional<Ticket> existing = crm.tickets().search(TicketQuery.ALL.forCall(request.callId()), PageRequest.first(100))
        .items().stream().filter(t -> t.tags().contains(tag)).findFirst();
    if (existing.isPresent()) {
      return Optional.of(existing.get().id());
    }
    NewTicket.Builder ticket = NewTicket.builder(request.subject())
        .description(request.description())
        .priority(TicketPriority.of(request.priority()))
        .department(request.department())
        .callId(request.callId())
        .tag("ivr")
        .tag(tag);
    if (request.customerId() != null) {
      ticket.customerId(request.customerId());
    }
    return Optional.of(crm.tickets().open(ticket.build()).id());
  }
}
