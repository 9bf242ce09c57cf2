package dev.callcenter.sip;

import dev.callcenter.core.Agent;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's call as the bridge sees it. Every method but {@link #submit} runs on the session's serial queue,
 * one task at a time, so the fields need no locking.
 */
final class CallSession {
  private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);
  private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9\\u0660-\\u0669\\u06F0-\\u06F9 ().-]{3,39}");
  private static final int MAX_TYPE_AHEAD = 32;

  /** CLOSING: the call flow ended the call; the caller hears the step's last prompts before the hang-up. */
  private enum State { OFFERED, IN_FLOW, TRANSFERRING, CONNECTED, CLOSING, ENDING, ENDED }

  private final TelephonyBridge bridge;
  private final ChannelId channel;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  private @Nullable CallId callId;
  private State state = State.OFFERED;
  private int promptsPlaying;
  private @Nullable FlowAction collect;
  private final StringBuilder digits = new StringBuilder();
  private final StringBuilder typeAhead = new StringBuilder();
  private Scheduler.@Nullable Cancellable timer;
  private long timerGeneration;
  private boolean agentTransferAsked;

  CallSession(TelephonyBridge bridge, ChannelId channel) {
    this.bridge = bridge;
    this.channel = channel;
  }

  ChannelId channel() {
    return channel;
  }

  @Nullable CallId callId() {
    return callId;
  }

  /** Runs {@code task} after every task submitted before it; never runs two tasks of this session at once. */
  void submit(Runnable task) {
    tasks.add(task);
    while (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        Runnable next;
        while ((next = tasks.poll()) != null) {
          TelephonyBridge.fenced(next, "channel " + channel);
        }
      } finally {
        draining.set(false);
      }
    }
  }

  // ---- telephony events -------------------------------------------------------------------------------------

  void offered(TelephonyEvent.CallOffered offered) {
    CallCenter center = bridge.center();
    Call call;
    try {
      call = center.createCall(newCall(offered, true));
    } catch (InvalidInputException e) {
      try {
        call = center.createCall(newCall(offered, false));
      } catch (CallCenterException again) {
        LOG.warn("could not create a call for channel {}; refused: {}", channel, again.getMessage());
        refuse();
        return;
      }
    } catch (CallCenterException e) {
      LOG.warn("could not create a call for channel {}; refused: {}", channel, e.getMessage());
      refuse();
      return;
    }
    callId = call.id();
    bridge.bind(this, call.id());
    bridge.telephony().answer(channel);
  }

  private void refuse() {
    state = State.ENDING;
    bridge.telephony().hangUp(channel);
  }

  private static NewCall newCall(TelephonyEvent.CallOffered offered, boolean withPhone) {
    String phone = withPhone && PHONE_LIKE.matcher(offered.from()).matches() ? offered.from() : null;
    String name = offered.displayName();
    if (name != null) {
      name = name.strip();
      name = name.isEmpty() ? null : name.substring(0, Math.min(200, name.length()));
    }
    String address = offered.remoteAddress();
    if (address != null && address.length() > 64) {
      address = null;
    }
    return new NewCall(name, phone, null, TelephonyBridge.CALL_SOURCE, null, address, null);
  }

  void handle(TelephonyEvent event) {
    if (state == State.ENDED) {
      return;
    }
    if (event instanceof TelephonyEvent.CallAnswered) {
      answered();
    } else if (event instanceof TelephonyEvent.DtmfReceived dtmf) {
      digit(dtmf.digit());
    } else if (event instanceof TelephonyEvent.PromptFinished) {
      promptFinished();
    } else if (event instanceof TelephonyEvent.TransferCompleted done) {
      if (state == State.TRANSFERRING) {
        state = State.CONNECTED;
      }
      LOG.debug("channel {} connected to {}", channel, done.target());
    } else if (event instanceof TelephonyEvent.TransferFailed failed) {
      transferFailed(failed);
    } else if (event instanceof TelephonyEvent.HungUp hungUp) {
      hungUp(hungUp.by());
    }
  }

  private void answered() {
    if (state != State.OFFERED || callId == null) {
      return;
    }
    state = State.IN_FLOW;
    CallId id = callId;
    Call call = bridge.center().getCall(id);
    if (!call.isActive()) { // ended through the call center while it rang
      refuse();
      return;
    }
    FlowStep first;
    try {
      first = bridge.center().startFlow(id);
    } catch (RuntimeException e) {
      fail("the call flow failed to start", e);
      return;
    }
    perform(first);
  }

  /** The call flow or the call center failed on this call: it is marked FAILED and hung up. */
  private void fail(String why, RuntimeException e) {
    CallId id = callId;
    LOG.warn("{} for call {} on channel {}; the call is ended", why, id, channel, e);
    if (id != null) {
      try {
        bridge.center().findCall(id).filter(c -> c.status().canMoveTo(CallStatus.FAILED))
            .ifPresent(c -> bridge.center().changeStatus(id, CallStatus.FAILED));
      } catch (RuntimeException again) {
        LOG.warn("could not mark call {} as failed", id, again);
      }
    }
    stopCollecting();
    refuse();
  }

  private void digit(char key) {
    if (state != State.IN_FLOW && state != State.OFFERED) {
      return; // keys pressed while talking to an agent are not the call flow's
    }
    if (collect == null || state == State.OFFERED) {
      if (typeAhead.length() < MAX_TYPE_AHEAD) {
        typeAhead.append(key);
      }
      return;
    }
    cancelTimer();
    if (collect instanceof FlowAction.CollectDigits c) {
      Character terminator = c.terminator();
      if (terminator != null && Character.toUpperCase(terminator) == key) {
        submitInput(FlowInput.digits(digits.length() == 0 ? String.valueOf(key) : digits.toString()));
        return;
      }
      digits.append(key);
      if (digits.length() >= c.maxDigits()) {
        submitInput(FlowInput.digits(digits.toString()));
      } else {
        armTimer(c.interDigitTimeout());
      }
    } else {
      submitInput(FlowInput.digits(String.valueOf(key))); // a key while text is collected
    }
  }

  private void promptFinished() {
    promptsPlaying = Math.max(0, promptsPlaying - 1);
    if (promptsPlaying == 0 && state == State.CLOSING) {
      cancelTimer();
      refuse();
    } else if (promptsPlaying == 0 && collect != null && timer == null && digits.length() == 0) {
      armFirstTimer();
    }
  }

  /** The call flow ended the call: hang up now, or once the prompts still playing (a goodbye) have played. */
  private void hangUpAfterPrompts() {
    if (promptsPlaying == 0) {
      refuse();
      return;
    }
    state = State.CLOSING;
    cancelTimer();
    long generation = ++timerGeneration;
    timer = bridge.scheduler().schedule(bridge.finalPromptsTimeout(), () -> submit(() -> {
      if (generation == timerGeneration && state == State.CLOSING) {
        LOG.debug("the last prompts of channel {} did not finish in time; hanging up", channel);
        refuse();
      }
    }));
  }

  private void transferFailed(TelephonyEvent.TransferFailed failed) {
    LOG.warn("transfer of channel {} to {} failed: {}; the call is ended", channel, failed.target(), failed.reason());
    CallId id = callId;
    if (id != null) {
      bridge.center().findCall(id).filter(c -> c.status().canMoveTo(CallStatus.FAILED))
          .ifPresent(c -> bridge.center().changeStatus(id, CallStatus.FAILED));
    }
    refuse();
  }

  private void hungUp(Party by) {
    state = State.ENDED;
    cancelTimer();
    collect = null;
    bridge.forget(this);
    CallId id = callId;
    if (id == null) {
      return;
    }
    CallCenter center = bridge.center();
    Optional<Call> found = center.findCall(id);
    if (found.isEmpty() || !found.get().isActive()) {
      return;
    }
    Call call = found.get();
    switch (call.status()) {
      case IN_PROGRESS, TRANSFERRED -> center.end(id);
      case INITIATED -> center.abandon(id);
      default -> {
        if (by == Party.CALLER
            && (call.status() == CallStatus.IVR_PROCESSING || call.status() == CallStatus.IN_QUEUE)) {
          try {
            center.handleInput(id, FlowInput.hangUp()); // the flow may record why
          } catch (CallCenterException e) {
            LOG.debug("call flow refused the hang-up of {}: {}", id, e.getMessage());
          }
        }
        Call after = center.getCall(id);
        if (after.isActive()) {
          center.changeStatus(id, by == Party.TRANSPORT ? CallStatus.FAILED : CallStatus.ABANDONED);
        }
      }
    }
  }

  // ---- call-center events -----------------------------------------------------------------------------------

  void callChanged() {
    CallId id = callId;
    if (id == null || state == State.ENDED || state == State.ENDING || state == State.CLOSING) {
      return; // CLOSING: the hang-up follows the last prompts
    }
    CallCenter center = bridge.center();
    Optional<Call> found = center.findCall(id);
    if (found.isEmpty() || !found.get().isActive()) {
      LOG.debug("call {} ended through the call center; hanging up channel {}", id, channel);
      refuse();
      return;
    }
    Call call = found.get();
    if (call.status() == CallStatus.IN_PROGRESS && call.agentId() != null && !agentTransferAsked
        && state != State.OFFERED) {
      agentTransferAsked = true;
      Agent agent = center.getAgent(call.agentId());
      String extension = agent.extension();
      if (extension == null || extension.isBlank()) {
        LOG.warn("agent {} has no extension; call {} cannot be transferred and is ended", agent.id(), id);
        center.changeStatus(id, CallStatus.FAILED);
        refuse();
        return;
      }
      stopCollecting();
      state = State.TRANSFERRING;
      bridge.telephony().transfer(channel, extension);
    }
  }

  // ---- carrying out a step ----------------------------------------------------------------------------------

  private void perform(FlowStep step) {
    for (FlowAction action : step.actions()) {
      if (state == State.ENDING || state == State.ENDED || state == State.CLOSING) {
        return;
      }
      if (action instanceof FlowAction.PlayPrompt prompt) {
        promptsPlaying++;
        bridge.telephony().playPrompt(channel, prompt);
      } else if (action instanceof FlowAction.CollectDigits) {
        stopCollecting();
        collect = action;
      } else if (action instanceof FlowAction.CollectText) {
        if (!(collect instanceof FlowAction.CollectDigits)) { // a phone sends keys: digits win when both are asked
          stopCollecting();
          collect = action;
        }
      } else if (action instanceof FlowAction.Transfer transfer) {
        stopCollecting();
        state = State.TRANSFERRING;
        bridge.telephony().transfer(channel, transfer.target());
      } else if (action instanceof FlowAction.Complete || action instanceof FlowAction.HangUp) {
        stopCollecting();
        hangUpAfterPrompts();
      }
      // Enqueue: the call waits in its queue until the call center connects it to an agent
    }
    if (collect != null && state == State.IN_FLOW) {
      if (typeAhead.length() > 0) {
        String keys = typeAhead.toString();
        typeAhead.setLength(0);
        for (int i = 0; i < keys.length() && collect != null; i++) {
          digit(keys.charAt(i));
        }
        if (collect != null && timer == null && digits.length() == 0 && promptsPlaying == 0) {
          armFirstTimer();
        }
      } else if (promptsPlaying == 0) {
        armFirstTimer();
      }
    }
  }

  private void submitInput(FlowInput input) {
    stopCollecting();
    CallId id = callId;
    if (id == null) {
      return;
    }
    FlowStep step;
    try {
      step = bridge.center().handleInput(id, input);
    } catch (RuntimeException e) {
      if (bridge.center().findCall(id).map(Call::isActive).orElse(false)) {
        fail("the call flow failed on " + input.getClass().getSimpleName(), e);
      } else {
        LOG.debug("call {} has ended and takes no more input; hanging up", id);
        refuse();
      }
      return;
    }
    perform(step);
  }

  private void stopCollecting() {
    collect = null;
    digits.setLength(0);
    cancelTimer();
  }

  private void armFirstTimer() {
    FlowAction c = collect;
    if (c instanceof FlowAction.CollectDigits digitsCollect) {
      armTimer(digitsCollect.firstDigitTimeout());
    } else if (c instanceof FlowAction.CollectText text) {
      armTimer(text.timeout());
    }
  }

  private void armTimer(Duration delay) {
    cancelTimer();
    long generation = ++timerGeneration;
    timer = bridge.scheduler().schedule(delay, () -> submit(() -> timerFired(generation)));
  }

  private void cancelTimer() {
    Scheduler.Cancellable t = timer;
    timer = null;
    timerGeneration++;
    if (t != null) {
      t.cancel();
    }
  }

  private void timerFired(long generation) {
    if (generation != timerGeneration || collect == null || state != State.IN_FLOW) {
      return;
    }
    timer = null;
    submitInput(digits.length() > 0 ? FlowInput.digits(digits.toString()) : FlowInput.timeout());
  }
}
