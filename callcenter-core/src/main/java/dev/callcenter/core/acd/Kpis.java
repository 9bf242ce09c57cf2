package dev.callcenter.core.acd;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Computes KPIs from the event log, so any node (or a report run later) gets the same figures. Every formula is
 * written in {@code docs/kpis.md}. Events are read in sequence order; those after the window's end are ignored,
 * those before it only set the state at its start.
 */
public final class Kpis {
  private static final int BATCH = 5_000;

  private Kpis() {}

  /** KPIs over [from, to] from the call center's event log. */
  public static KpiReport compute(CallCenter center, Instant from, Instant to, KpiSettings settings) {
    Checks.notNull(center, "center");
    Calculator calculator = new Calculator(from, to, settings);
    long after = 0;
    while (true) {
      List<Event> batch = center.eventsAfter(after, BATCH);
      for (Event e : batch) {
        if (e.timestamp().isAfter(to)) {
          return calculator.report();
        }
        calculator.accept(e);
        after = e.sequence();
      }
      if (batch.size() < BATCH) {
        return calculator.report();
      }
    }
  }

  /** KPIs over [from, to] from {@code events}, in sequence order. */
  public static KpiReport compute(Iterable<Event> events, Instant from, Instant to, KpiSettings settings) {
    Checks.notNull(events, "events");
    Calculator calculator = new Calculator(from, to, settings);
    for (Event e : events) {
      if (!e.timestamp().isAfter(to)) {
        calculator.accept(e);
      }
    }
    return calculator.report();
  }

  private static final class CallTrack {
    @Nullable String status;
    @Nullable Instant waitStart;
    @Nullable Instant talkStart;
    @Nullable String talkAgent;
    @Nullable String talkQueue;
  }

  private static final class AgentTrack {
    final String id;
    String state = "offline";
    @Nullable Instant since;
    @Nullable String queue;

    AgentTrack(String id) {
      this.id = id;
    }
  }

  private static final class QueueAcc {
    long answered;
    long answeredWithin;
    long abandoned;
    long abandonedWithin;
    long shortAbandons;
    Duration answerWait = Duration.ZERO;
    long handled;
    Duration talk = Duration.ZERO;
    Duration wrapUp = Duration.ZERO;
    Duration longestWait = Duration.ZERO;
    Duration staffed = Duration.ZERO;
    Duration handling = Duration.ZERO;
    int availableAtEnd;
  }

  private static final class AgentAcc {
    long answered;
    long handled;
    Duration talk = Duration.ZERO;
    Duration wrapUp = Duration.ZERO;
    Duration staffed = Duration.ZERO;
    Duration handling = Duration.ZERO;
  }

  private static final class Calculator {
    private final Instant from;
    private final Instant to;
    private final KpiSettings settings;
    private final Map<String, CallTrack> calls = new HashMap<>();
    private final Map<String, AgentTrack> agents = new TreeMap<>();
    private final Map<String, QueueAcc> queues = new TreeMap<>();
    private final Map<String, AgentAcc> agentAccs = new TreeMap<>();
    private final Map<String, String> waitingQueue = new HashMap<>();

    Calculator(Instant from, Instant to, KpiSettings settings) {
      Checks.notNull(from, "from");
      Checks.notNull(to, "to");
      Checks.notNull(settings, "settings");
      if (to.isBefore(from)) {
        throw InvalidInputException.of("to", "must not be before from (%s), was %s", from, to);
      }
      this.from = from;
      this.to = to;
      this.settings = settings;
    }

    void accept(Event e) {
      if (e.type() == EventType.AGENT_STATUS_CHANGED) {
        agentEvent(e);
      } else if (e.type().wireName().startsWith("call:")) {
        callEvent(e);
      }
    }

    private boolean inWindow(Instant t) {
      return !t.isBefore(from) && !t.isAfter(to);
    }

    private void callEvent(Event e) {
      String status = text(e.data().get("status"));
      if (status == null) {
        return;
      }
      CallTrack track = calls.computeIfAbsent(e.subject(), k -> new CallTrack());
      String previous = track.status;
      String department = text(e.data().get("department"));
      Instant t = e.timestamp();
      if ("IN_QUEUE".equals(status) && department != null) {
        waitingQueue.put(e.subject(), department); // follows overflows
      }
      if ("IN_QUEUE".equals(status) && !"IN_QUEUE".equals(previous)) {
        String queuedAt = text(e.data().get("queuedAt"));
        track.waitStart = queuedAt != null ? Instant.parse(queuedAt) : t;
      }
      if ("IN_PROGRESS".equals(previous) && !"IN_PROGRESS".equals(status) && track.talkStart != null) {
        endTalk(track, t);
      }
      if ("IN_QUEUE".equals(previous) && !"IN_QUEUE".equals(status) && track.waitStart != null) {
        leaveQueue(e, track, status, t);
      }
      if ("IN_PROGRESS".equals(status) && !"IN_PROGRESS".equals(previous)) {
        track.talkStart = t;
        track.talkAgent = text(e.data().get("agentId"));
        track.talkQueue = department;
      }
      track.status = status;
    }

    private void leaveQueue(Event e, CallTrack track, String status, Instant t) {
      String queue = waitingQueue.remove(e.subject());
      Instant start = track.waitStart;
      track.waitStart = null;
      if (queue == null || start == null || !inWindow(t)) {
        return;
      }
      Duration wait = Duration.between(start, t);
      QueueAcc q = queue(queue);
      if (wait.compareTo(q.longestWait) > 0) {
        q.longestWait = wait;
      }
      boolean within = wait.compareTo(settings.serviceLevelThreshold()) <= 0;
      if ("IN_PROGRESS".equals(status)) {
        q.answered++;
        q.answerWait = q.answerWait.plus(wait);
        if (within) {
          q.answeredWithin++;
        }
        String agent = text(e.data().get("agentId"));
        if (agent != null) {
          agent(agent).answered++;
        }
      } else if ("ABANDONED".equals(status)) {
        q.abandoned++;
        if (within) {
          q.abandonedWithin++;
        }
        if (wait.compareTo(settings.shortAbandonThreshold()) < 0) {
          q.shortAbandons++;
        }
      }
    }

    private void endTalk(CallTrack track, Instant t) {
      Instant start = track.talkStart;
      track.talkStart = null;
      if (start == null || !inWindow(t)) {
        return;
      }
      Duration talk = Duration.between(start, t);
      if (track.talkQueue != null) {
        QueueAcc q = queue(track.talkQueue);
        q.handled++;
        q.talk = q.talk.plus(talk);
      }
      if (track.talkAgent != null) {
        AgentAcc a = agent(track.talkAgent);
        a.handled++;
        a.talk = a.talk.plus(talk);
      }
    }

    private void agentEvent(Event e) {
      AgentTrack track = agents.computeIfAbsent(e.subject(), AgentTrack::new);
      String routing = text(e.data().get("routingState"));
      String status = text(e.data().get("status"));
      String state = routing != null ? routing : status != null ? status.toLowerCase(Locale.ROOT) : track.state;
      String queue = text(e.data().get("queue"));
      if (queue == null) {
        queue = text(e.data().get("department"));
      }
      closeInterval(track, e.timestamp());
      track.state = state;
      track.since = e.timestamp();
      if (queue != null) {
        track.queue = queue;
      }
    }

    /** Adds the part of the track's current state interval up to {@code until} that lies in the window. */
    private void closeInterval(AgentTrack track, Instant until) {
      if (track.since == null) {
        return;
      }
      Instant start = track.since.isBefore(from) ? from : track.since;
      Instant end = until.isAfter(to) ? to : until;
      if (!end.isAfter(start)) {
        return;
      }
      Duration d = Duration.between(start, end);
      boolean staffed = switch (track.state) {
        case "available", "reserved", "busy", "wrap_up" -> true;
        default -> false;
      };
      boolean handling = track.state.equals("busy") || track.state.equals("wrap_up");
      if (!staffed) {
        return;
      }
      AgentAcc a = agent(track.id);
      a.staffed = a.staffed.plus(d);
      QueueAcc q = track.queue == null ? null : queue(track.queue);
      if (q != null) {
        q.staffed = q.staffed.plus(d);
      }
      if (handling) {
        a.handling = a.handling.plus(d);
        if (q != null) {
          q.handling = q.handling.plus(d);
        }
      }
      if (track.state.equals("wrap_up")) {
        a.wrapUp = a.wrapUp.plus(d);
        if (q != null) {
          q.wrapUp = q.wrapUp.plus(d);
        }
      }
    }

    KpiReport report() {
      for (AgentTrack track : agents.values()) {
        closeInterval(track, to);
        agent(track.id);
        if (track.state.equals("available") && track.queue != null) {
          queue(track.queue).availableAtEnd++;
        }
      }
      for (Map.Entry<String, String> waiting : new ArrayList<>(waitingQueue.entrySet())) {
        CallTrack track = calls.get(waiting.getKey());
        if (track != null && track.waitStart != null && !track.waitStart.isAfter(to)) {
          Duration wait = Duration.between(track.waitStart, to);
          QueueAcc q = queue(waiting.getValue());
          if (wait.compareTo(q.longestWait) > 0) {
            q.longestWait = wait;
          }
        }
      }
      Map<Department, QueueKpis> queueKpis = new HashMap<>();
      queues.forEach((id, q) -> queueKpis.put(Department.of(id), new QueueKpis(Department.of(id), q.answered,
          q.answeredWithin, q.abandoned, q.abandonedWithin, q.shortAbandons, q.answerWait, q.handled, q.talk,
          q.wrapUp, q.longestWait, q.staffed, q.handling, q.availableAtEnd)));
      Map<AgentId, AgentKpis> agentKpis = new HashMap<>();
      agentAccs.forEach((id, a) -> {
        AgentTrack track = agents.get(id);
        boolean available = track != null && track.state.equals("available");
        agentKpis.put(AgentId.of(id), new AgentKpis(AgentId.of(id), a.answered, a.handled, a.talk, a.wrapUp,
            a.staffed, a.handling, available));
      });
      return new KpiReport(from, to, settings, queueKpis, agentKpis);
    }

    private QueueAcc queue(String id) {
      return queues.computeIfAbsent(id, k -> new QueueAcc());
    }

    private AgentAcc agent(String id) {
      return agentAccs.computeIfAbsent(id, k -> new AgentAcc());
    }

    private static @Nullable String text(@Nullable Object value) {
      return value == null ? null : value.toString();
    }
  }
}
