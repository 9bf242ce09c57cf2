package dev.callcenter.server;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@code /api/analytics}: KPIs per queue (department) and per agent over a time window. */
final class AnalyticsApi implements Api.Endpoints {
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
  static final Duration DEFAULT_SERVICE_LEVEL = Duration.ofSeconds(20);

  /**
   * KPIs of one queue over the window.
   *
   * @param offered calls routed to this department that were created in the window
   * @param serviceLevel share of offered calls answered within {@code serviceLevelSeconds}, 0..1
   * @param abandonRate share of offered calls abandoned, 0..1
   * @param waitingNow calls waiting in this queue now
   */
  record QueueKpis(String department, long offered, long answered, long abandoned, long completedWithoutAgent,
      double averageWaitSeconds, long longestWaitSeconds, double serviceLevel, double abandonRate,
      long waitingNow) {}

  /**
   * KPIs of one agent over the window.
   *
   * @param occupancy talk time over the window's length, 0..1
   */
  record AgentKpis(String agentId, String name, String department, AgentStatus status, long callsHandled,
      long talkTimeSeconds, double averageHandleSeconds, double occupancy) {}

  record Analytics(Instant from, Instant to, long serviceLevelSeconds, long calls, List<QueueKpis> queues,
      List<AgentKpis> agents) {}

  private final CallCenter center;

  AnalyticsApi(Api api) {
    this.center = api.center();
  }

  @Override
  public void addTo(Route.Table t) {
    t.get("/api/analytics").role(Role.SUPERVISOR).doc("analytics", "KPIs per queue and agent over a window")
        .query("from", "string", "window start (date or instant; default 24 h ago)")
        .query("to", "string", "window end (date inclusive, or instant; default now)")
        .query("serviceLevelSeconds", "integer", "answer-time target of the service level (default 20)")
        .answers(200, Analytics.class).handle(this::analytics);
  }

  private void analytics(Context ctx) {
    Instant now = center.clock().instant();
    Instant to = orElse(Api.instantParam(ctx, "to", true), now);
    Instant from = orElse(Api.instantParam(ctx, "from", false), to.minus(DEFAULT_WINDOW));
    if (!from.isBefore(to)) {
      throw InvalidInputException.of("to", "must be after from");
    }
    int target = Api.intParam(ctx, "serviceLevelSeconds", (int) DEFAULT_SERVICE_LEVEL.toSeconds());
    if (target < 1 || target > 3600) {
      throw InvalidInputException.of("serviceLevelSeconds", "must be 1-3600, was %d", target);
    }
    Map<String, long[]> queues = new TreeMap<>(); // offered, answered, abandoned, completedNoAgent, waitSum, waitMax, withinTarget, waitCount
    Map<String, long[]> agents = new TreeMap<>(); // handled, talkSeconds
    long[] total = {0};
    forEachCall(CallQuery.ALL.createdBetween(from, to), c -> {
      total[0]++;
      if (c.department() != null) {
        long[] q = queues.computeIfAbsent(c.department().id(), k -> new long[8]);
        q[0]++;
        if (c.answeredAt() != null) {
          q[1]++;
        }
        if (c.status() == CallStatus.ABANDONED) {
          q[2]++;
        }
        if (c.status() == CallStatus.COMPLETED && c.answeredAt() == null) {
          q[3]++;
        }
        Duration wait = c.waitTime(center.clock());
        if (wait != null) {
          q[4] += wait.toSeconds();
          q[5] = Math.max(q[5], wait.toSeconds());
          q[7]++;
          if (c.answeredAt() != null && wait.compareTo(Duration.ofSeconds(target)) <= 0) {
            q[6]++;
          }
        }
      }
      if (c.agentId() != null && c.answeredAt() != null) {
        long[] a = agents.computeIfAbsent(c.agentId().value(), k -> new long[2]);
        if (c.endedAt() != null) {
          a[0]++;
        }
        Instant end = c.endedAt() != null ? c.endedAt() : now;
        a[1] += Duration.between(c.answeredAt(), end).toSeconds();
      }
    });
    Map<String, Long> waiting = new TreeMap<>();
    forEachCall(CallQuery.withStatus(CallStatus.IN_QUEUE), c -> {
      if (c.department() != null) {
        waiting.merge(c.department().id(), 1L, Long::sum);
        queues.computeIfAbsent(c.department().id(), k -> new long[8]);
      }
    });
    List<QueueKpis> queueKpis = new ArrayList<>();
    queues.forEach((dept, q) -> queueKpis.add(new QueueKpis(dept, q[0], q[1], q[2], q[3],
        q[7] == 0 ? 0 : (double) q[4] / q[7], q[5], q[0] == 0 ? 0 : (double) q[6] / q[0],
        q[0] == 0 ? 0 : (double) q[2] / q[0], waiting.getOrDefault(dept, 0L))));
    List<AgentKpis> agentKpis = new ArrayList<>();
    double windowSeconds = Duration.between(from, to).toSeconds();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    Page<Agent> slice;
    do {
      slice = center.listAgents(AgentQuery.ALL, page);
      for (Agent agent : slice.items()) {
        long[] a = agents.getOrDefault(agent.id().value(), new long[2]);
        agentKpis.add(new AgentKpis(agent.id().value(), agent.name(), agent.department().id(), agent.status(), a[0],
            a[1], a[0] == 0 ? 0 : (double) a[1] / a[0], windowSeconds <= 0 ? 0 : Math.min(1, a[1] / windowSeconds)));
      }
      page = page.next();
    } while (slice.hasNext());
    ctx.json(new Analytics(from, to, target, total[0], queueKpis, agentKpis));
  }

  private void forEachCall(CallQuery query, Consumer<Call> sink) {
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    Page<Call> slice;
    do {
      slice = center.listCalls(query, page);
      slice.items().forEach(sink);
      page = page.next();
    } while (slice.hasNext());
  }

  private static Instant orElse(@Nullable Instant value, Instant fallback) {
    return value == null ? fallback : value;
  }
}
