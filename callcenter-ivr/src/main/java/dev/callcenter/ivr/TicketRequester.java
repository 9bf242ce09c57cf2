package dev.callcenter.ivr;

import dev.callcenter.core.internal.Checks;
import java.util.Optional;

/**
 * Opens a ticket for a call the IVR closes without an agent (HANDOFF: "or create a ticket and close"). Called while a
 * step is computed, and possibly again for the same step when the runtime re-runs it after a concurrent change: an
 * implementation must return the same ticket for the same call and reason rather than open a second one.
 */
@FunctionalInterface
public interface TicketRequester {
  /** Opens the ticket (or finds the one already opened for this call and reason) and returns its id. */
  Optional<String> request(TicketRequest request);

  /** Opens no ticket: callback requests are kept only in the call's collected data. */
  static TicketRequester none() {
    return request -> Optional.empty();
  }

  /**
   * Tickets in the CRM module: subject and description from the collected data, the call's department, priority
   * and customer, tagged {@code ivr} and {@code ivr-<reason>}; one per call and reason.
   */
  static TicketRequester fromCrm(dev.callcenter.crm.CrmService crm) {
    Checks.notNull(crm, "crm");
    return new dev.callcenter.ivr.internal.CrmTickets(crm);
  }
}
