package dev.callcenter.server;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code /api/calls}: create calls, drive them through the IVR, route, transfer and end them. */
final class CallsApi implements Api.Endpoints {
  /** A new call, with the field names clients send. Every field is optional. */
  record NewCallBody(@Nullable String customerName, @Nullable String phone, @Nullable String email,
      @Nullable String source, @Nullable String language) {}

  /** One caller input: exactly one of {@code digits}, {@code text} or {@code event} (timeout, hangup). */
  record IvrBody(@Nullable String digits, @Nullable String text, @Nullable String event) {}

  /** A new status; {@code agentId} is needed for IN_PROGRESS (the agent who answers). */
  record StatusBody(String status, @Nullable String agentId) {}

  record RouteBody(String department, @Nullable String priority) {}

  /** Exactly one target: an agent, a department's queue, or a telephony endpoint (extension, number, SIP URI). */
  record TransferBody(@Nullable String agentId, @Nullable String department, @Nullable String target,
      @Nullable String priority) {}

  private final Api api;
  private final CallCenter center;

  CallsApi(Api api) {
    this.api = api;
    this.center = api.center();
  }

  @Override
  public void addTo(Route.Table t) {
    t.post("/api/calls").role(Role.ANYONE).doc("calls", "Start a call; answers a call-scoped token and the first "
        + "IVR prompts").body(NewCallBody.class).answers(201, Views.CreatedCall.class).handle(this::create);
    t.get("/api/calls").role(Role.VIEWER).doc("calls", "List calls, newest last")
        .query("status", "string", "comma-separated statuses").query("department", "string", "department id")
        .query("agentId", "string", "agent id").query("customerId", "string", "CRM customer id")
        .query("from", "string", "created at or after (date or instant)")
        .query("to", "string", "created before (date or instant)").paged()
        .answersPage(Views.CallView.class).handle(this::list);
    t.get("/api/calls/queue").role(Role.VIEWER).doc("calls", "Calls waiting in the queues, in serving order")
        .query("department", "string", "only this department's queue").answersList(Views.QueuedCall.class)
        .handle(this::queue);
    t.get("/api/calls/{id}").role(Role.VIEWER).doc("calls", "One call").answers(200, Views.CallView.class)
        .handle(ctx -> ctx.json(Views.CallView.of(center.getCall(callId(ctx)))));
    t.post("/api/calls/{id}/ivr").role(Role.AGENT).callScoped().doc("calls", "Feed one caller input to the IVR; "
        + "answers the prompts that follow, the stage and the status").body(IvrBody.class)
        .answers(200, Views.IvrView.class).handle(this::ivr);
    t.post("/api/calls/{id}/status").role(Role.AGENT).doc("calls", "Change the status (IN_PROGRESS with agentId: "
        + "the agent answers)").body(StatusBody.class).answers(200, Views.CallView.class).handle(this::status);
    t.post("/api/calls/{id}/route").role(Role.AGENT).doc("calls", "Route to a department (queues the call when it "
        + "is not queued or answered yet)").body(RouteBody.class).answers(200, Views.CallView.class)
        .handle(this::route);
    t.post("/api/calls/{id}/transfer").role(Role.AGENT).doc("calls", "Transfer to an agent, a department or a "
        + "telephony target").body(TransferBody.class).answers(200, Views.CallView.class).handle(this::transfer);
    t.post("/api/calls/{id}/end").role(Role.AGENT).doc("calls", "End the call (COMPLETED); its agent becomes "
        + "available").answers(200, Views.CallView.class)
        .handle(ctx -> ctx.json(Views.CallView.of(center.end(callId(ctx)))));
  }

  private void create(Context ctx) {
    NewCallBody body = api.bodies().read(ctx, NewCallBody.class);
    String userAgent = ctx.userAgent();
    NewCall request = new NewCall(body.customerName(), body.phone(), body.email(),
        body.source() == null ? "web" : body.source(), body.language(), ctx.ip(),
        userAgent == null ? null : userAgent.substring(0, Math.min(512, userAgent.length())));
    Call call = center.createCall(request);
    FlowStep first = center.startFlow(call.id());
    String token = api.tokens().issueForCall(call.id());
    ctx.status(201).header("Location", "/api/calls/" + call.id().value());
    ctx.json(new Views.CreatedCall(Views.CallView.of(first.call()), token, Views.IvrView.of(first)));
  }

  private void list(Context ctx) {
    Set<CallStatus> statuses = EnumSet.noneOf(CallStatus.class);
    String status = Api.param(ctx, "status");
    if (status != null) {
      for (String s : status.split(",")) {
        statuses.add(CallStatus.parse(s));
      }
    }
    String department = Api.param(ctx, "department");
    String agentId = Api.param(ctx, "agentId");
    CallQuery query = new CallQuery(statuses, department == null ? null : Department.of(department),
        agentId == null ? null : AgentId.of(agentId), Api.param(ctx, "customerId"),
        Api.instantParam(ctx, "from", false), Api.instantParam(ctx, "to", true));
    Page<Call> page = center.listCalls(query, Api.page(ctx));
    ctx.json(page.map(Views.CallView::of));
  }

  private void queue(Context ctx) {
    String department = Api.param(ctx, "department");
    CallQuery query = CallQuery.withStatus(CallStatus.IN_QUEUE)
        .inDepartment(department == null ? null : Department.of(department));
    List<Call> waiting = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    Page<Call> slice;
    do {
      slice = center.listCalls(query, page);
      waiting.addAll(slice.items());
      page = page.next();
    } while (slice.hasNext() && waiting.size() < 10_000);
    waiting.sort(Comparator.comparing((Call c) -> -c.priority().level())
        .thenComparing(c -> c.queuedAt() == null ? c.createdAt() : c.queuedAt()).thenComparing(Call::id));
    Instant now = center.clock().instant();
    List<Views.QueuedCall> answer = new ArrayList<>();
    java.util.Map<String, Integer> positions = new java.util.HashMap<>();
    for (Call c : waiting) {
      String dept = c.department() == null ? "" : c.department().id();
      int position = positions.merge(dept, 1, Integer::sum);
      Instant since = c.queuedAt() == null ? c.createdAt() : c.queuedAt();
      answer.add(new Views.QueuedCall(position, Duration.between(since, now).toSeconds(), Views.CallView.of(c)));
    }
    ctx.json(answer);
  }

  private void ivr(Context ctx) {
    CallId id = callId(ctx);
    IvrBody body = api.bodies().read(ctx, IvrBody.class);
    int given = (body.digits() != null ? 1 : 0) + (body.text() != null ? 1 : 0) + (body.event() != null ? 1 : 0);
    if (given != 1) {
      throw InvalidInputException.of("digits", "give exactly one of digits, text or event");
    }
    FlowInput input;
    if (body.digits() != null) {
      input = FlowInput.digits(body.digits());
    } else if (body.text() != null) {
      input = FlowInput.text(body.text());
    } else {
      input = switch (body.event().strip().toLowerCase(Locale.ROOT)) {
        case "timeout" -> FlowInput.timeout();
        case "hangup", "hang_up", "hang-up" -> FlowInput.hangUp();
        default -> throw InvalidInputException.of("event", "must be timeout or hangup, was '%s'", body.event());
      };
    }
    center.getCall(id); // 404 before anything else
    ctx.json(Views.IvrView.of(center.handleInput(id, input)));
  }

  private void status(Context ctx) {
    CallId id = callId(ctx);
    StatusBody body = api.bodies().read(ctx, StatusBody.class);
    if (body.status() == null) {
      throw InvalidInputException.of("status", "is required");
    }
    CallStatus status = CallStatus.parse(body.status());
    Call updated;
    if (status == CallStatus.IN_PROGRESS) {
      if (body.agentId() == null || body.agentId().isBlank()) {
        throw InvalidInputException.of("agentId", "is required to put a call IN_PROGRESS (the agent who answers)");
      }
      updated = center.connect(id, AgentId.of(body.agentId()));
    } else {
      if (body.agentId() != null) {
        throw InvalidInputException.of("agentId", "is only accepted with status IN_PROGRESS");
      }
      updated = center.changeStatus(id, status);
    }
    ctx.json(Views.CallView.of(updated));
  }

  private void route(Context ctx) {
    CallId id = callId(ctx);
    RouteBody body = api.bodies().read(ctx, RouteBody.class);
    if (body.department() == null) {
      throw InvalidInputException.of("department", "is required");
    }
    Department department = Department.of(body.department());
    Call call = center.getCall(id);
    Priority priority = body.priority() == null ? call.priority() : Priority.parse(body.priority());
    boolean queueIt = call.status() != CallStatus.IN_QUEUE && call.status() != CallStatus.IN_PROGRESS;
    if (queueIt && !call.status().canMoveTo(CallStatus.IN_QUEUE)) {
      throw IllegalTransitionException.of("call " + id, call.status(), CallStatus.IN_QUEUE);
    }
    Call updated = queueIt ? center.enqueue(id, department, priority) : center.route(id, department, priority);
    ctx.json(Views.CallView.of(updated));
  }

  private void transfer(Context ctx) {
    CallId id = callId(ctx);
    TransferBody body = api.bodies().read(ctx, TransferBody.class);
    int given = (body.agentId() != null ? 1 : 0) + (body.department() != null ? 1 : 0)
        + (body.target() != null ? 1 : 0);
    if (given != 1) {
      throw InvalidInputException.of("agentId", "give exactly one of agentId, department or target");
    }
    Call call = center.getCall(id);
    if (!call.status().canMoveTo(CallStatus.TRANSFERRED)) {
      throw IllegalTransitionException.of("call " + id, call.status(), CallStatus.TRANSFERRED);
    }
    Priority priority = body.priority() == null ? call.priority() : Priority.parse(body.priority());
    Department department = body.department() == null ? null : Department.of(body.department());
    AgentId agentId = body.agentId() == null ? null : AgentId.of(body.agentId());
    if (agentId != null) {
      AgentStatus status = center.getAgent(agentId).status();
      if (status != AgentStatus.AVAILABLE) {
        throw IllegalTransitionException.of("agent " + agentId + " (to take call " + id + ")", status,
            AgentStatus.BUSY);
      }
    }
    AgentId previous = call.agentId();
    Call updated = center.changeStatus(id, CallStatus.TRANSFERRED);
    if (previous != null && call.status() == CallStatus.IN_PROGRESS) {
      center.setAgentStatus(previous, AgentStatus.AVAILABLE);
    }
    if (agentId != null) {
      updated = center.connect(id, agentId);
    } else if (department != null) {
      updated = center.enqueue(id, department, priority);
    }
    ctx.json(Views.CallView.of(updated));
  }

  static CallId callId(Context ctx) {
    return CallId.of(ctx.pathParam("id"));
  }
}
