package dev.callcenter.sip;

import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory {@link Telephony} for tests: the test plays the caller and the agents ({@link #offerCall},
 * {@link #pressKeys}, {@link #hangUpAsCaller}, {@link #hangUpAsAgent}, {@link #registerExtension}) and inspects what
 * the system did ({@link #state}, {@link #prompts}, {@link #connectedTo}). Events are delivered on the calling
 * thread. Transfers reach registered extensions and numbers marked {@link #reachable}; prompts are reported as
 * played at once unless {@link #holdPrompts(boolean)} keeps them playing until {@link #finishPrompts}.
 */
public final class LoopbackTelephony implements Telephony {
  private static final Logger LOG = LoggerFactory.getLogger(LoopbackTelephony.class);

  /** Where a loopback channel is. */
  public enum ChannelState { RINGING, ANSWERED, CONNECTED, ENDED }

  private final Clock clock;
  private final Registrations registrations;
  private final AtomicLong ids = new AtomicLong();
  private final Map<ChannelId, Channel> channels = new ConcurrentHashMap<>();
  private final Map<String, Boolean> reachable = new ConcurrentHashMap<>();
  private volatile @Nullable TelephonyListener listener;
  private volatile boolean holdPrompts;
  private volatile boolean closed;

  private static final class Channel {
    ChannelState state = ChannelState.RINGING;
    final List<FlowAction.PlayPrompt> prompts = new ArrayList<>();
    final List<String> playing = new ArrayList<>();
    @Nullable String connectedTo;
    @Nullable Party endedBy;
  }

  public LoopbackTelephony() {
    this(Clock.systemUTC());
  }

  /** Registrations expire by {@code clock}. */
  public LoopbackTelephony(Clock clock) {
    this.clock = Checks.notNull(clock, "clock");
    this.registrations = Registrations.inMemory(clock);
  }

  // ---- Telephony -------------------------------------------------------------------------------------------

  @Override
  public synchronized void start(TelephonyListener value) {
    Checks.notNull(value, "listener");
    if (listener != null || closed) {
      throw new CallCenterException("the loopback telephony was already started or closed");
    }
    listener = value;
  }

  @Override
  public void answer(ChannelId channel) {
    synchronized (this) {
      Channel c = channels.get(channel);
      if (c == null || c.state != ChannelState.RINGING) {
        return;
      }
      c.state = ChannelState.ANSWERED;
    }
    emit(new TelephonyEvent.CallAnswered(channel));
  }

  @Override
  public void playPrompt(ChannelId channel, FlowAction.PlayPrompt prompt) {
    Checks.notNull(prompt, "prompt");
    synchronized (this) {
      Channel c = channels.get(channel);
      if (c == null || c.state == ChannelState.ENDED) {
        return;
      }
      c.prompts.add(prompt);
      if (holdPrompts) {
        c.playing.add(prompt.promptId());
        return;
      }
    }
    emit(new TelephonyEvent.PromptFinished(channel, prompt.promptId()));
  }

  @Override
  public void transfer(ChannelId channel, String target) {
    Checks.notBlank(target, "target");
    boolean reached;
    synchronized (this) {
      Channel c = channels.get(channel);
      if (c == null || c.state == ChannelState.ENDED) {
        return;
      }
      reached = reachable.containsKey(target) || registrations.findFirst(target).isPresent();
      if (reached) {
        c.state = ChannelState.CONNECTED;
        c.connectedTo = target;
        c.playing.clear();
      }
    }
    emit(reached ? new TelephonyEvent.TransferCompleted(channel, target)
        : new TelephonyEvent.TransferFailed(channel, target, "not registered"));
  }

  @Override
  public void hangUp(ChannelId channel) {
    end(channel, Party.TRANSPORT);
  }

  @Override
  public void close() {
    List<ChannelId> up;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      up = channels.entrySet().stream().filter(e -> e.getValue().state != ChannelState.ENDED)
          .map(Map.Entry::getKey).toList();
    }
    up.forEach(this::hangUp);
  }

  // ---- the far end: callers and agents -------------------------------------------------------------------------

  /** A caller dials {@code to}; returns the new ringing channel. */
  public ChannelId offerCall(String from, String to) {
    return offerCall(from, null, to);
  }

  /** A caller with a display name dials {@code to}. */
  public ChannelId offerCall(String from, @Nullable String displayName, String to) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    ChannelId channel = ChannelId.of("loopback-" + ids.incrementAndGet());
    synchronized (this) {
      if (listener == null || closed) {
        throw new CallCenterException("the loopback telephony is not started or already closed");
      }
      channels.put(channel, new Channel());
    }
    emit(new TelephonyEvent.CallOffered(channel, from, displayName, to, "127.0.0.1"));
    return channel;
  }

  /** The caller keys {@code keys} ({@code 0-9 * # A-D}), one DTMF event each. */
  public void pressKeys(ChannelId channel, String keys) {
    Checks.notNull(keys, "keys");
    for (char key : keys.toCharArray()) {
      if ("0123456789*#ABCDabcd".indexOf(key) < 0) {
        throw InvalidInputException.of("keys", "must be DTMF keys 0-9, *, #, A-D, was '%s'", keys);
      }
    }
    require(channel);
    for (char key : keys.toCharArray()) {
      synchronized (this) {
        if (channels.get(channel).state == ChannelState.ENDED) {
          return;
        }
      }
      emit(new TelephonyEvent.DtmfReceived(channel, key));
    }
  }

  /** The caller hangs up (or cancels while it rings). */
  public void hangUpAsCaller(ChannelId channel) {
    require(channel);
    end(channel, Party.CALLER);
  }

  /** The agent the caller was transferred to hangs up; both legs end. */
  public void hangUpAsAgent(ChannelId channel) {
    synchronized (this) {
      if (require(channel).state != ChannelState.CONNECTED) {
        throw new CallCenterException("channel " + channel + " is not connected to an agent");
      }
    }
    end(channel, Party.AGENT);
  }

  /** Reports every prompt still playing on {@code channel} as finished, in order. */
  public void finishPrompts(ChannelId channel) {
    List<String> finished;
    synchronized (this) {
      Channel c = require(channel);
      finished = List.copyOf(c.playing);
      c.playing.clear();
    }
    finished.forEach(id -> emit(new TelephonyEvent.PromptFinished(channel, id)));
  }

  /** When true, prompts keep playing until {@link #finishPrompts}; when false (the default) they finish at once. */
  public void holdPrompts(boolean hold) {
    holdPrompts = hold;
  }

  /** An extension registers at a loopback contact for {@code expires}. */
  public Registration registerExtension(String extension, Duration expires) {
    Registration registration = new Registration(extension, "loopback:" + extension, clock.instant().plus(expires));
    registrations.register(registration);
    emit(new TelephonyEvent.ExtensionRegistered(registration));
    return registration;
  }

  /** Transfers to {@code target} (a number or URI) succeed from now on. */
  public void reachable(String target) {
    reachable.put(Checks.notBlank(target, "target"), Boolean.TRUE);
  }

  public Registrations registrations() {
    return registrations;
  }

  // ---- inspection -------------------------------------------------------------------------------------------

  /** @throws NotFoundException when the channel was never offered */
  public synchronized ChannelState state(ChannelId channel) {
    return require(channel).state;
  }

  /** Every prompt played on the channel, in order. */
  public synchronized List<FlowAction.PlayPrompt> prompts(ChannelId channel) {
    return List.copyOf(require(channel).prompts);
  }

  /** The transfer target the caller is connected to, if any. */
  public synchronized Optional<String> connectedTo(ChannelId channel) {
    return Optional.ofNullable(require(channel).connectedTo);
  }

  /** Who ended the channel, once it ended. */
  public synchronized Optional<Party> endedBy(ChannelId channel) {
    return Optional.ofNullable(require(channel).endedBy);
  }

  // ---- plumbing ------------------------------------------------------------------------------------------------

  private void end(ChannelId channel, Party by) {
    synchronized (this) {
      Channel c = channels.get(channel);
      if (c == null || c.state == ChannelState.ENDED) {
        return;
      }
      c.state = ChannelState.ENDED;
      c.endedBy = by;
      c.playing.clear();
    }
    emit(new TelephonyEvent.HungUp(channel, by));
  }

  private synchronized Channel require(ChannelId channel) {
    Checks.notNull(channel, "channel");
    Channel c = channels.get(channel);
    if (c == null) {
      throw NotFoundException.of("channel", channel.value());
    }
    return c;
  }

  private void emit(TelephonyEvent event) {
    TelephonyListener l = listener;
    if (l == null) {
      return;
    }
    try {
      l.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("telephony listener failed on {}", event, e);
    }
  }
}
