package dev.callcenter.server;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.acd.Acd;
import dev.callcenter.core.store.AgentQuery;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code /api/agents}: list agents, log them in and out through the ACD, and let them accept or reject the call the
 * ACD offers them.
 */
final class AgentsApi implements Api.Endpoints {
  record AgentStatusBody(String status) {}

  private final Api api;
  private final CallCenter center;
  private final Acd acd;

  AgentsApi(Api api) {
    this.api = api;
    this.center = api.center();
    this.acd = api.acd();
  }

  @Override
  public void addTo(Route.Table t) {
    t.get("/api/agents").role(Role.VIEWER).doc("agents", "List agents")
        .query("department", "string", "department id").query("status", "string", "comma-separated statuses")
        .query("skill", "string", "agents with this skill").paged().answersPage(Views.AgentView.class)
        .handle(this::list);
    t.get("/api/agents/{id}").role(Role.VIEWER).doc("agents", "One agent, with its routing state and the call "
        + "offered to it (reservation)").answers(200, Views.AgentView.class)
        .handle(ctx -> ctx.json(view(AgentId.of(ctx.pathParam("id")))));
    t.patch("/api/agents/{id}/status").role(Role.AGENT).doc("agents", "Log an agent in (available), out (offline) "
        + "or on a break through the ACD (an agent token only its own)").body(AgentStatusBody.class)
        .answers(200, Views.AgentView.class).handle(this::status);
    t.post("/api/agents/{id}/accept").role(Role.AGENT).doc("agents", "The agent answers the call offered to it: "
        + "the call goes IN_PROGRESS (an agent token only its own)").answers(200, Views.CallView.class)
        .handle(ctx -> ctx.json(Views.CallView.of(acd.accept(ownAgent(ctx)))));
    t.post("/api/agents/{id}/reject").role(Role.AGENT).doc("agents", "The agent declines the call offered to it: "
        + "the call keeps its place and is offered to another agent (an agent token only its own)")
        .answers(200, Views.AgentView.class).handle(ctx -> {
          AgentId id = ownAgent(ctx);
          acd.reject(id);
          ctx.json(view(id));
        });
  }

  private void list(Context ctx) {
    Set<AgentStatus> statuses = EnumSet.noneOf(AgentStatus.class);
    String status = Api.param(ctx, "status");
    if (status != null) {
      for (String s : status.split(",")) {
        statuses.add(AgentStatus.parse(s));
      }
    }
    String department = Api.param(ctx, "department");
    AgentQuery query = new AgentQuery(department == null ? null : Department.of(department), statuses,
        Api.param(ctx, "skill"));
    ctx.json(center.listAgents(query, Api.page(ctx)).map(a -> Views.AgentView.of(a, acd)));
  }

  private void status(Context ctx) {
    AgentStatusBody body = api.bodies().read(ctx, AgentStatusBody.class);
    if (body.status() == null) {
      throw InvalidInputException.of("status", "is required");
    }
    AgentStatus status = AgentStatus.parse(body.status());
    AgentId id = ownAgent(ctx);
    if (status == AgentStatus.BUSY) {
      throw InvalidInputException.of("status", "an agent becomes busy by accepting the call offered to it "
          + "(POST /api/agents/%s/accept); give available, on_break or offline", id.value());
    }
    center.getAgent(id); // 404 before anything changes
    acd.setAgentStatus(id, status);
    ctx.json(view(id));
  }

  /** The agent of the path; an agent token may act only for its own agent. */
  private static AgentId ownAgent(Context ctx) {
    AgentId id = AgentId.of(ctx.pathParam("id"));
    Principal who = Api.principal(ctx);
    if (who.role() == Role.AGENT && !id.value().equals(who.subject())) {
      throw HttpProblem.forbidden("an agent token may act only for its own agent");
    }
    return id;
  }

  private Views.AgentView view(AgentId id) {
    return Views.AgentView.of(center.getAgent(id), acd);
  }
}
