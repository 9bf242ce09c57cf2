package dev.callcenter.server;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Priority;
import dev.callcenter.core.acd.Acd;
import dev.callcenter.core.acd.Reservation;
import dev.callcenter.core.acd.RoutingState;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The JSON shapes the API answers with. */
final class Views {
  private Views() {}

  /** A call as clients see it (the call flow's private state left out). */
  record CallView(String id, CallStatus status, @Nullable String customerName, @Nullable String phone,
      @Nullable String email, @Nullable String customerId, @Nullable String language, @Nullable String department,
      Priority priority, @Nullable String agentId, @Nullable String ivrStage, Map<String, String> collectedData,
      Set<String> tags, @Nullable String source, Instant createdAt, Instant updatedAt, @Nullable Instant queuedAt,
      @Nullable Instant answeredAt, @Nullable Instant endedAt, long version) {
    static CallView of(Call c) {
      return new CallView(c.id().value(), c.status(), c.customer().name(),
          c.customer().phone() == null ? null : c.customer().phone().e164(), c.customer().email(),
          c.customer().customerId(), c.language() == null ? null : c.language().tag(),
          c.department() == null ? null : c.department().id(), c.priority(),
          c.agentId() == null ? null : c.agentId().value(), c.ivrStage(), c.collectedData(), c.tags(),
          c.metadata().source(), c.createdAt(), c.updatedAt(), c.queuedAt(), c.answeredAt(), c.endedAt(),
          c.version());
    }
  }

  /** A prompt to play or show. */
  record PromptView(String promptId, String language, String text, @Nullable String audio) {}

  /**
   * Where a call stands in the IVR after an input.
   *
   * @param expects {@code digits}, {@code text} or null when the IVR waits for nothing
   * @param done whether the IVR waits for nothing more from the caller (a queued caller may still be offered a
   *     callback: then it is not done)
   */
  record IvrView(String callId, @Nullable String stage, CallStatus status, @Nullable String department,
      List<PromptView> prompts, @Nullable String expects, @Nullable Integer maxDigits, boolean done) {
    static IvrView of(FlowStep step) {
      Call call = step.call();
      List<PromptView> prompts = new ArrayList<>();
      String expects = null;
      Integer maxDigits = null;
      for (FlowAction action : step.actions()) {
        if (action instanceof FlowAction.PlayPrompt p) {
          prompts.add(new PromptView(p.promptId(), p.language().tag(), p.text(), p.audio()));
        } else if (action instanceof FlowAction.CollectDigits d) {
          expects = "digits";
          maxDigits = d.maxDigits();
        } else if (action instanceof FlowAction.CollectText) {
          expects = "text";
        }
      }
      boolean done = !call.isActive() || expects == null;
      return new IvrView(call.id().value(), call.ivrStage(), call.status(),
          call.department() == null ? null : call.department().id(), prompts, done ? null : expects,
          done ? null : maxDigits, done);
    }
  }

  /**
   * The answer to creating a call.
   *
   * @param token a call-scoped token: it may drive only this call's IVR and transcript; shown once
   */
  record CreatedCall(CallView call, String token, IvrView ivr) {}

  /**
   * A waiting call with its place in its department's queue, as the ACD sees it.
   *
   * @param state WAITING, CALLBACK or OFFERED (to an agent, not answered yet)
   * @param estimatedWaitSeconds how much longer the caller is expected to wait
   */
  record QueuedCall(int position, long waitSeconds, long estimatedWaitSeconds, String state, CallView call) {}

  /**
   * An agent, with the ACD's view of it: {@code routingState} (AVAILABLE, RESERVED, BUSY, WRAP_UP, ON_BREAK,
   * OFFLINE) and, while a call is offered to it, the {@code reservation} to accept or reject.
   */
  record AgentView(String id, String name, @Nullable String email, @Nullable String extension, String department,
      Map<String, Integer> skills, AgentStatus status, Instant statusSince, long callsHandled,
      long talkTimeSeconds, @Nullable Instant lastCallEndedAt, long version, @Nullable String routingState,
      @Nullable ReservationView reservation) {
    static AgentView of(Agent a, Acd acd) {
      RoutingState state = acd.routingState(a.id());
      Reservation r = state == RoutingState.RESERVED ? acd.reservation(a.id()).orElse(null) : null;
      return new AgentView(a.id().value(), a.name(), a.email(), a.extension(), a.department().id(), a.skills(),
          a.status(), a.statusSince(), a.stats().callsHandled(), a.stats().talkTime().toSeconds(),
          a.stats().lastCallEndedAt(), a.version(), state.wireName(), r == null ? null : ReservationView.of(r));
    }
  }

  /** A call offered to an agent, who accepts or rejects it before {@code expiresAt}. */
  record ReservationView(String callId, String queue, Instant offeredAt, Instant expiresAt, boolean callback) {
    static ReservationView of(Reservation r) {
      return new ReservationView(r.callId().value(), r.queue().id(), r.offeredAt(), r.expiresAt(), r.callback());
    }
  }

  /** A call-history entry, with the field names clients send; durations in seconds. */
  record CallRecordView(String id, @Nullable String callId, @Nullable String extensionId, @Nullable String userId,
      CallDirection direction, String number, CallOutcome status, Instant startedAt, long ringDuration,
      long duration, long version) {
    static CallRecordView of(CallRecord r) {
      return new CallRecordView(r.id().value(), r.callId() == null ? null : r.callId().value(), r.extension(),
          r.userId(), r.direction(), r.remoteNumber(), r.outcome(), r.startedAt(), r.ringDuration().toSeconds(),
          r.talkDuration().toSeconds(), r.version());
    }
  }

  record Health(String status, String version, String storage, boolean persistent, long lastEventSequence,
      List<String> modules) {}
}
