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
import dev.callcenter.core.acd.Acd;
import dev.callcenter.core.acd.Placement;
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
  private final Acd acd;

  CallsApi(Api api) {
    this.api = api;
    this.center = api.center();
    this.acd = api.acd();
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
    t.get("/api/calls/queue").role(Role.VIEWER).doc("calls", "Calls waiting in the queues, in serving order, with "
        + "their position and estimated wait")
        .query("department", "string", "only this department's queue").answersList(Views.QueuedCall.class)
        .handle(this::queue);
    t.get("/api/calls/{id}").role(Role.VIEWER).doc("calls", "One call").answers(200, Views.CallView.class)
        .handle(ctx -> ctx.json(Views.CallView.of(center.getCall(callId(ctx)))));
    t.post("/api/calls/{id}/ivr").role(Role.AGENT).callScoped().doc("calls", "Feed one caller input to the IVR; "
        + "answers the prompts that follow, the stage and the status").body(IvrBody.class)
        .answers(200, Views.IvrView.class).handle(this::ivr);
    t.post("/api/calls/{id}/status").role(Role.AGENT).doc("calls", "Change the status (IN_PROGRESS with agentId: "
        + "the agent accepts the call the ACD offered it)").body(StatusBody.class).answers(200, Views.CallView.class)
        .handle(this::status);
    t.post("/api/calls/{id}/route").role(Role.AGENT).doc("calls", "Route to a department (queues the call when it "
        + "is not queued or answered yet)").body(RouteBody.class).answers(200, Views.CallView.class)
        .handle(this::route);
    t.post("/api/calls/{id}/transfer").role(Role.AGENT).doc("calls", "Transfer an answered call through the ACD to "
        + "an idle agent (who is offered it) or a department's queue, or to a telephony target")
        .body(TransferBody.class).answers(200, Views.CallView.class).handle(this::transfer);
    t.post("/api/calls/{id}/end").role(Role.AGENT).doc("calls", "End the call (COMPLETED); its agent becomes "
        + "available (or wraps up)").answers(200, Views.CallView.class).handle(this::end);
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
    Instant now = center.clock().instant();
    List<Views.QueuedCall> answer = new ArrayList<>();
    for (Call c : waiting) {
      Instant since = c.queuedAt() == null ? c.createdAt() : c.queuedAt();
      long waited = Duration.between(since, now).toSeconds();
      Placement p = api.placement(c.id()).orElse(null);
      if (p == null || p.state() == Placement.State.CONNECTED) {
        // not in this node's ACD: with several nodes on one database (no recovery), queued on another node or
        // before this node restarted
        answer.add(new Views.QueuedCall(0, waited, 0, "UNTRACKED", Views.CallView.of(c)));
      } else {
        answer.add(new Views.QueuedCall(p.position(), waited, p.estimatedWait().toSeconds(), p.state().name(),
            Views.CallView.of(c)));
      }
    }
    // offered calls first (position 0), then by place; per department
    answer.sort(Comparator.comparing((Views.QueuedCall q) -> String.valueOf(q.call().department()))
        .thenComparing(q -> q.state().equals("UNTRACKED"))
        .thenComparingInt(Views.QueuedCall::position).thenComparing(q -> q.call().id()));
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
    if (status != CallStatus.IN_PROGRESS && body.agentId() != null) {
      throw InvalidInputException.of("agentId", "is only accepted with status IN_PROGRESS");
    }
    Call call = center.getCall(id);
    Call updated = switch (status) {
      case IN_PROGRESS -> {
        if (body.agentId() == null || body.agentId().isBlank()) {
          throw InvalidInputException.of("agentId", "is required to put a call IN_PROGRESS (the agent who answers)");
        }
        AgentId agentId = AgentId.of(body.agentId());
        Principal who = Api.principal(ctx);
        if (who.role() == Role.AGENT && !agentId.value().equals(who.subject())) {
          throw HttpProblem.forbidden("an agent token may answer calls only for its own agent");
        }
        center.getAgent(agentId);
        boolean offered = acd.reservation(agentId).map(r -> r.callId().equals(id)).orElse(false);
        if (!offered) {
          throw IllegalTransitionException.of("call " + id + " (not offered to agent " + agentId + "; queue it with "
              + "POST /api/calls/" + id + "/route and accept the offer)", call.status(), CallStatus.IN_PROGRESS);
        }
        yield acd.accept(agentId);
      }
      case IN_QUEUE -> {
        requireMove(call, CallStatus.IN_QUEUE);
        if (call.department() == null) {
          throw InvalidInputException.of("status", "call %s has no department yet; queue it with POST /route", id);
        }
        acd.enqueue(id, call.department(), call.priority());
        yield center.getCall(id);
      }
      case COMPLETED -> center.end(id); // through the ACD when it connected the call: the agent wraps up
      case ABANDONED -> {
        requireMove(call, CallStatus.ABANDONED);
        yield acd.abandon(id);
      }
      default -> center.changeStatus(id, status);
    };
    ctx.json(Views.CallView.of(updated));
  }

  private void end(Context ctx) {
    ctx.json(Views.CallView.of(center.end(callId(ctx))));
  }

  private static void requireMove(Call call, CallStatus to) {
    if (!call.status().canMoveTo(to)) {
      throw IllegalTransitionException.of("call " + call.id(), call.status(), to);
    }
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
    if (queueIt) {
      requireMove(call, CallStatus.IN_QUEUE);
      acd.enqueue(id, department, priority); // offered at once when an agent of the department is available
      ctx.json(Views.CallView.of(center.getCall(id)));
      return;
    }
    Department current = call.department();
    if (api.placement(id).isPresent() && !department.equals(current)) {
      throw IllegalTransitionException.of("call " + id + " (in the ACD for " + (current == null ? "?" : current.id())
          + "; transfer it to " + department.id() + " once answered)", call.status(), call.status());
    }
    ctx.json(Views.CallView.of(center.route(id, department, priority)));
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
    Department department = body.department() == null ? null : Department.of(body.department());
    AgentId agentId = body.agentId() == null ? null : AgentId.of(body.agentId());
    if (body.priority() != null) {
      Priority.parse(body.priority()); // validated; a transferred call keeps its priority
    }
    boolean connected = api.placement(id).map(p -> p.state() == Placement.State.CONNECTED).orElse(false);
    if (agentId != null || department != null) {
      if (!connected) {
        throw IllegalTransitionException.of("call " + id + " (only a call an agent answered through the ACD is "
            + "transferred to an agent or queue)", call.status(), CallStatus.TRANSFERRED);
      }
      if (agentId != null) {
        center.getAgent(agentId);
        acd.transferToAgent(id, agentId); // the target agent is offered the call and accepts it
      } else {
        acd.transferToQueue(id, department, null);
      }
      ctx.json(Views.CallView.of(center.getCall(id)));
      return;
    }
    String target = body.target().strip();
    if (target.isEmpty() || target.length() > 256) {
      throw InvalidInputException.of("target", "must be an extension, a number or a SIP URI of 1 to 256 characters");
    }
    Instant now = center.clock().instant();
    center.updateCall(id, c -> c.withCollectedData(java.util.Map.of("transfer.target", target), now));
    ctx.json(Views.CallView.of(center.changeStatus(id, CallStatus.TRANSFERRED)));
  }

  static CallId callId(Context ctx) {
    return CallId.of(ctx.pathParam("id"));
  }
}
