package dev.callcenter.server;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.acd.AgentKpis;
import dev.callcenter.core.acd.KpiReport;
import dev.callcenter.core.acd.KpiSettings;
import dev.callcenter.core.acd.Kpis;
import dev.callcenter.core.acd.QueueKpis;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/analytics}: KPIs per queue (department) and per agent over a time window, computed by the ACD's
 * {@link Kpis} from the event log (formulas in {@code docs/kpis.md}). A ratio over nothing is left out (null),
 * never shown as 0 or 100 %.
 */
final class AnalyticsApi implements Api.Endpoints {
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  record QueueView(String department, long answered, long answeredWithinThreshold, long abandoned,
      long shortAbandons, long handled, @Nullable Double serviceLevel, @Nullable Double abandonmentRate,
      @Nullable Double averageSpeedOfAnswerSeconds, @Nullable Double averageHandleSeconds,
      long longestWaitSeconds, @Nullable Double occupancy, int agentsAvailable) {
    static QueueView of(QueueKpis q) {
      return new QueueView(q.queue().id(), q.answered(), q.answeredWithinThreshold(), q.abandoned(),
          q.shortAbandons(), q.handled(), value(q.serviceLevel()), value(q.abandonmentRate()),
          seconds(q.averageSpeedOfAnswer()), seconds(q.averageHandleTime()), q.longestWait().toSeconds(),
          value(q.occupancy()), q.agentsAvailable());
    }
  }

  record AgentView(String agentId, String name, String department, AgentStatus status, long answered,
      long handled, long talkTimeSeconds, @Nullable Double averageHandleSeconds, @Nullable Double occupancy) {}

  record Analytics(Instant from, Instant to, long serviceLevelSeconds, List<QueueView> queues,
      List<AgentView> agents) {}

  private final CallCenter center;

  AnalyticsApi(Api api) {
    this.center = api.center();
  }

  @Override
  public void addTo(Route.Table t) {
    t.get("/api/analytics").role(Role.SUPERVISOR).doc("analytics", "KPIs per queue and agent over a window")
        .query("from", "string", "window start (date or instant; default 24 h before the end)")
        .query("to", "string", "window end (date inclusive, or instant; default now)")
        .query("serviceLevelSeconds", "integer", "answer-time target of the service level (default 20)")
        .answers(200, Analytics.class).handle(this::analytics);
  }

  private void analytics(Context ctx) {
    Instant now = center.clock().instant();
    Instant end = Api.instantParam(ctx, "to", true);
    Instant to = end == null ? now : end;
    Instant start = Api.instantParam(ctx, "from", false);
    Instant from = start == null ? to.minus(DEFAULT_WINDOW) : start;
    if (!from.isBefore(to)) {
      throw InvalidInputException.of("to", "must be after from");
    }
    int target = Api.intParam(ctx, "serviceLevelSeconds",
        (int) KpiSettings.DEFAULT_SERVICE_LEVEL_THRESHOLD.toSeconds());
    if (target < 1 || target > 3600) {
      throw InvalidInputException.of("serviceLevelSeconds", "must be 1-3600, was %d", target);
    }
    KpiReport report = Kpis.compute(center, from, to,
        new KpiSettings(Duration.ofSeconds(target), KpiSettings.DEFAULT_SHORT_ABANDON_THRESHOLD));
    List<QueueView> queues = report.queues().values().stream()
        .sorted(Comparator.comparing(q -> q.queue().id())).map(QueueView::of).toList();
    List<AgentView> agents = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    Page<Agent> slice;
    do {
      slice = center.listAgents(AgentQuery.ALL, page);
      for (Agent agent : slice.items()) {
        AgentKpis k = report.agents().get(agent.id());
        agents.add(k == null ? idle(agent) : new AgentView(agent.id().value(), agent.name(),
            agent.department().id(), agent.status(), k.answered(), k.handled(), k.talkTime().toSeconds(),
            seconds(k.averageHandleTime()), value(k.occupancy())));
      }
      page = page.next();
    } while (slice.hasNext());
    ctx.json(new Analytics(from, to, target, queues, agents));
  }

  private static AgentView idle(Agent agent) {
    return new AgentView(agent.id().value(), agent.name(), agent.department().id(), agent.status(), 0, 0, 0, null,
        null);
  }

  private static @Nullable Double value(OptionalDouble d) {
    return d.isPresent() ? d.getAsDouble() : null;
  }

  private static @Nullable Double seconds(Optional<Duration> d) {
    return d.map(x -> x.toMillis() / 1000.0).orElse(null);
  }
}
