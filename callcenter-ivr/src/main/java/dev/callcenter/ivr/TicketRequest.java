package dev.callcenter.ivr;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.Priority;
import dev.callcenter.core.internal.Checks;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ticket the IVR asks for when a caller leaves the queue without an agent (a callback request), with everything
 * the IVR collected.
 *
 * @param callId the call's id; the same call and reason ask for the same ticket
 * @param reason why: {@code callback}
 * @param department the department the call was routed to
 * @param priority the call's queue priority
 * @param customerId the identified customer, or null for an anonymous caller
 * @param callerPhone the caller's number, if known
 * @param language the language the caller used
 * @param collectedData what the caller said and keyed (utterance, order number, contact phone, ...)
 */
public record TicketRequest(String callId, String reason, Department department, Priority priority,
    @Nullable String customerId, @Nullable PhoneNumber callerPhone, Language language,
    Map<String, String> collectedData) {
  public TicketRequest {
    Checks.notBlank(callId, "callId");
    Checks.notBlank(reason, "reason");
    Checks.notNull(department, "department");
    Checks.notNull(priority, "priority");
    Checks.notNull(language, "language");
    collectedData = Map.copyOf(Checks.notNull(collectedData, "collectedData"));
  }

  /** A one-line subject: {@code Callback requested (complaints)}. */
  public String subject() {
    String what = reason.equals("callback") ? "Callback requested" : reason;
    return what + " (" + department.id() + ")";
  }

  /** The collected data as text, one {@code name: value} line each, in name order, for the ticket's description. */
  public String description() {
    StringBuilder out = new StringBuilder("Opened by the IVR for call ").append(callId);
    if (callerPhone != null) {
      out.append(" from ").append(callerPhone);
    }
    out.append(" (").append(language.tag()).append(").");
    new java.util.TreeMap<>(collectedData).forEach((k, v) -> out.append('\n').append(k).append(": ").append(v));
    return out.toString();
  }
}
