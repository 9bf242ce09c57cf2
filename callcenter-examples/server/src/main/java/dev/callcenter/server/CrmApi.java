package dev.callcenter.server;

import dev.callcenter.core.CallId;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.crm.CrmService;
import dev.callcenter.crm.CustomerQuery;
import dev.callcenter.crm.Message;
import dev.callcenter.crm.NewTicket;
import dev.callcenter.crm.SlaPolicy;
import dev.callcenter.crm.Speaker;
import dev.callcenter.crm.Ticket;
import dev.callcenter.crm.TicketNote;
import dev.callcenter.crm.TicketPriority;
import dev.callcenter.crm.TicketQuery;
import dev.callcenter.crm.TicketStatus;
import dev.callcenter.crm.Transcript;
import dev.callcenter.crm.TranscriptAnalysis;
import dev.callcenter.crm.TranscriptQuery;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** {@code /api/tickets}, {@code /api/customers} and {@code /api/transcripts}: the CRM module's endpoints. */
final class CrmApi implements Api.Endpoints {
  /** A new ticket, with the field names clients send. */
  record NewTicketBody(String subject, @Nullable String description, @Nullable String priority,
      @Nullable String department, @Nullable String customerId, @Nullable String callId,
      @Nullable String assignee, @Nullable List<String> tags) {}

  /**
   * Changes to a ticket, applied together or not at all; fields left out stay.
   *
   * @param version the version read, for compare-and-set (409 when the ticket changed since)
   * @param note a note to add, written by the token's subject
   */
  record TicketPatch(@Nullable String status, @Nullable String priority, @Nullable String department,
      @Nullable String assignee, @Nullable String subject, @Nullable String description, @Nullable String note,
      @Nullable List<String> tags, @Nullable Long version) {}

  /** A message of a call's transcript; a call-scoped token always writes as the customer. */
  record MessageBody(String text, @Nullable String speaker, @Nullable String language) {}

  /** A call's transcript with its analysis. */
  record TranscriptView(String id, @Nullable String callId, @Nullable String customerId, List<Message> messages,
      double sentiment, List<String> summary, List<String> keywords, Instant createdAt, Instant updatedAt,
      long version) {}

  private final Api api;
  private final CrmService crm;
  private final SlaPolicy sla;

  CrmApi(Api api, SlaPolicy sla) {
    this.api = api;
    this.crm = api.crm();
    this.sla = sla;
  }

  @Override
  public void addTo(Route.Table t) {
    t.post("/api/tickets").role(Role.AGENT).doc("tickets", "Open a ticket").body(NewTicketBody.class)
        .answers(201, Ticket.class).handle(this::openTicket);
    t.get("/api/tickets").role(Role.VIEWER).doc("tickets", "Search tickets, newest first")
        .query("status", "string", "comma-separated statuses").query("priority", "string", "comma-separated")
        .query("department", "string", "department id").query("assignee", "string", "assignee")
        .query("customerId", "string", "customer id").query("callId", "string", "call id")
        .query("q", "string", "text in subject or description").paged().answersPage(Ticket.class)
        .handle(this::searchTickets);
    t.get("/api/tickets/{id}").role(Role.VIEWER).doc("tickets", "One ticket").answers(200, Ticket.class)
        .handle(ctx -> ctx.json(crm.tickets().get(ctx.pathParam("id"))));
    t.patch("/api/tickets/{id}").role(Role.AGENT).doc("tickets", "Change a ticket (status, priority, department, "
        + "assignee, note, tags) in one compare-and-set").body(TicketPatch.class).answers(200, Ticket.class)
        .handle(this::patchTicket);

    t.get("/api/customers").role(Role.AGENT).doc("customers", "Search customers")
        .query("q", "string", "text in name, e-mail, phone or notes").query("tier", "string", "tier")
        .query("tag", "string", "tag").paged().answersPage(dev.callcenter.crm.Customer.class)
        .handle(ctx -> ctx.json(crm.customers().search(new CustomerQuery(Api.param(ctx, "q"),
            Api.param(ctx, "tier"), Api.param(ctx, "tag")), Api.page(ctx))));
    t.get("/api/customers/{id}").role(Role.AGENT).doc("customers", "One customer")
        .answers(200, dev.callcenter.crm.Customer.class)
        .handle(ctx -> ctx.json(crm.customers().get(ctx.pathParam("id"))));

    t.get("/api/transcripts/{callId}").role(Role.AGENT).callScoped().doc("transcripts", "A call's transcript with "
        + "sentiment, summary and keywords").answers(200, TranscriptView.class).handle(this::transcript);
    t.post("/api/transcripts/{callId}/messages").role(Role.AGENT).callScoped().doc("transcripts", "Add a message "
        + "to a call's transcript").body(MessageBody.class).answers(201, Message.class).handle(this::addMessage);
  }

  private void openTicket(Context ctx) {
    NewTicketBody b = api.bodies().read(ctx, NewTicketBody.class);
    if (b.callId() != null) {
      api.center().getCall(CallId.of(b.callId()));
    }
    NewTicket request = new NewTicket(b.subject(), b.description(),
        b.priority() == null ? null : TicketPriority.parse(b.priority()),
        b.department() == null ? null : Department.of(b.department()), blank(b.customerId()), blank(b.callId()),
        blank(b.assignee()), b.tags() == null ? Set.of() : new LinkedHashSet<>(b.tags()));
    Ticket ticket = crm.tickets().open(request);
    ctx.status(201).header("Location", "/api/tickets/" + ticket.id()).json(ticket);
  }

  private void searchTickets(Context ctx) {
    Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
    Set<TicketPriority> priorities = EnumSet.noneOf(TicketPriority.class);
    String s = Api.param(ctx, "status");
    if (s != null) {
      for (String part : s.split(",")) {
        statuses.add(TicketStatus.parse(part));
      }
    }
    String p = Api.param(ctx, "priority");
    if (p != null) {
      for (String part : p.split(",")) {
        priorities.add(TicketPriority.parse(part));
      }
    }
    String department = Api.param(ctx, "department");
    TicketQuery query = new TicketQuery(statuses, priorities, department == null ? null : Department.of(department),
        Api.param(ctx, "assignee"), Api.param(ctx, "customerId"), Api.param(ctx, "callId"), Api.param(ctx, "q"),
        Api.instantParam(ctx, "from", false), Api.instantParam(ctx, "to", true));
    ctx.json(crm.tickets().search(query, Api.page(ctx)));
  }

  private void patchTicket(Context ctx) {
    String id = ctx.pathParam("id");
    TicketPatch b = api.bodies().read(ctx, TicketPatch.class);
    // parse everything first: a bad field changes nothing
    TicketStatus status = b.status() == null ? null : TicketStatus.parse(b.status());
    TicketPriority priority = b.priority() == null ? null : TicketPriority.parse(b.priority());
    Department department = b.department() == null ? null : Department.of(b.department());
    Principal who = Api.principal(ctx);
    String author = who.subject() == null ? who.role().name().toLowerCase(java.util.Locale.ROOT) : who.subject();
    Instant now = api.center().clock().instant();
    TicketNote note = b.note() == null ? null : new TicketNote(author, b.note(), now);
    Ticket current = crm.tickets().get(id);
    if (b.version() != null && b.version() != current.version()) {
      throw VersionConflictException.of("ticket", id, b.version(), current.version());
    }
    UnaryOperator<Ticket> change = t -> {
      if (b.version() != null && b.version() != t.version()) {
        throw VersionConflictException.of("ticket", id, b.version(), t.version());
      }
      Instant at = api.center().clock().instant();
      Ticket next = t;
      if (status != null && status != t.status()) {
        next = next.moveTo(status, at);
      }
      if (priority != null) {
        next = next.withPriority(priority, sla.dueAt(priority, t.createdAt()), at);
      }
      if (department != null) {
        next = next.withDepartment(department, at);
      }
      if (b.assignee() != null) {
        next = next.withAssignee(b.assignee().isBlank() ? null : b.assignee().strip(), at);
      }
      if (b.subject() != null) {
        next = next.withSubject(b.subject(), at);
      }
      if (b.description() != null) {
        next = next.withDescription(b.description(), at);
      }
      if (b.tags() != null) {
        next = next.withTags(new LinkedHashSet<>(b.tags()), at);
      }
      if (note != null) {
        next = next.withNote(note, at);
      }
      return next;
    };
    change.apply(current); // validates against the snapshot read (transition, lengths) before any write
    ctx.json(crm.tickets().update(id, change));
  }

  private void transcript(Context ctx) {
    CallId callId = CallId.of(ctx.pathParam("callId"));
    Transcript t = findTranscript(callId)
        .orElseThrow(() -> NotFoundException.of("transcript of call", callId.value()));
    TranscriptAnalysis a = crm.transcripts().analyse(t.id());
    ctx.json(new TranscriptView(t.id(), t.callId(), t.customerId(), t.messages(), a.overallSentiment(), a.summary(),
        a.keywords(), t.createdAt(), t.updatedAt(), t.version()));
  }

  private void addMessage(Context ctx) {
    CallId callId = CallId.of(ctx.pathParam("callId"));
    MessageBody b = api.bodies().read(ctx, MessageBody.class);
    if (b.text() == null || b.text().isBlank()) {
      throw InvalidInputException.of("text", "must not be blank");
    }
    Speaker speaker = b.speaker() == null ? null : Speaker.parse(b.speaker());
    Language language = b.language() == null ? null : Language.of(b.language());
    if (Api.principal(ctx).role() == Role.CALLER) {
      if (speaker != null && speaker != Speaker.CUSTOMER) {
        throw HttpProblem.forbidden("a call token writes only as the customer");
      }
      speaker = Speaker.CUSTOMER;
    } else if (speaker == null) {
      speaker = Speaker.AGENT;
    }
    if (b.text().length() > Message.MAX_LENGTH) {
      throw InvalidInputException.of("text", "must be at most %d characters", Message.MAX_LENGTH);
    }
    var call = api.center().getCall(callId);
    // the store keeps one transcript per call, also across nodes: start returns the one another request began
    Transcript t = findTranscript(callId).orElseGet(() -> crm.transcripts().start(callId.value(),
        call.customer().customerId()));
    Message message = crm.transcripts().addMessage(t.id(), speaker, b.text(),
        language != null ? language : call.language());
    ctx.status(201).json(message);
  }

  private java.util.Optional<Transcript> findTranscript(CallId callId) {
    Page<Transcript> page = crm.transcripts().search(new TranscriptQuery(callId.value(), null, null, null, null),
        PageRequest.first(1));
    return page.items().stream().findFirst();
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
