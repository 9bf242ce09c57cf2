package dev.callcenter.server;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.store.AgentQuery;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;

/** {@code /api/agents}: list agents and change their status. */
final class AgentsApi implements Api.Endpoints {
  record AgentStatusBody(String status) {}

  private final Api api;
  private final CallCenter center;

  AgentsApi(Api api) {
    this.api = api;
    this.center = api.center();
  }

  @Override
  public void addTo(Route.Table t) {
    t.get("/api/agents").role(Role.VIEWER).doc("agents", "List agents")
        .query("department", "string", "department id").query("status", "string", "comma-separated statuses")
        .query("skill", "string", "agents with this skill").paged().answersPage(Views.AgentView.class)
        .handle(this::list);
    t.get("/api/agents/{id}").role(Role.VIEWER).doc("agents", "One agent").answers(200, Views.AgentView.class)
        .handle(ctx -> ctx.json(Views.AgentView.of(center.getAgent(AgentId.of(ctx.pathParam("id"))))));
    t.patch("/api/agents/{id}/status").role(Role.AGENT).doc("agents", "Change an agent's status (an agent token "
        + "only its own)").body(AgentStatusBody.class).answers(200, Views.AgentView.class).handle(this::status);
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
    ctx.json(center.listAgents(query, Api.page(ctx)).map(Views.AgentView::of));
  }

  private void status(Context ctx) {
    AgentId id = AgentId.of(ctx.pathParam("id"));
    AgentStatusBody body = api.bodies().read(ctx, AgentStatusBody.class);
    if (body.status() == null) {
      throw InvalidInputException.of("status", "is required");
    }
    AgentStatus status = AgentStatus.parse(body.status());
    Principal who = Api.principal(ctx);
    if (who.role() == Role.AGENT && !id.value().equals(who.subject())) {
      throw HttpProblem.forbidden("an agent token may change only its own agent's status");
    }
    Agent agent = center.getAgent(id);
    ctx.json(Views.AgentView.of(agent.status() == status ? agent : center.setAgentStatus(id, status)));
  }

}
