package dev.callcenter.sip;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.Subscription;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link CallCenter} and its call flow from a {@link Telephony} transport.
 *
 * <pre>{@code
 * TelephonyBridge bridge = TelephonyBridge.builder().callCenter(center).telephony(telephony).build();
 * bridge.start();   // offered calls are answered, walk the call flow, and reach agents
 * }</pre>
 *
 * <p>For each offered call it creates a call (the caller's number when it is one), answers, starts the call flow
 * and carries out each step on the telephony side: prompts are played, DTMF keys are buffered until the collect's
 * maximum, its terminator key or its timeout (the first-digit timeout counts from the end of the step's prompts;
 * keys pressed before a collect begins are kept as type-ahead), a transfer or hang-up is passed on. When the call
 * is connected to an agent ({@link CallCenter#connect}, by the ACD or an API) the caller is transferred to the
 * agent's extension. A hang-up from either side ends the call: ABANDONED when the caller left before an agent
 * answered, COMPLETED after. A call ended through the {@code CallCenter} is hung up. When the call flow ends the call
 * after prompts (a goodbye), the caller is hung up once they have played, or after
 * {@link Builder#finalPromptsTimeout} at the latest.
 *
 * <p>Events for one channel are handled one at a time, in order; different channels run in parallel.
 */
public final class TelephonyBridge implements AutoCloseable {
  /** The {@code source} of the calls the bridge creates, so that an application can tell them from others. */
  public static final String CALL_SOURCE = "telephony";
  private static final Logger LOG = LoggerFactory.getLogger(TelephonyBridge.class);

  private final CallCenter center;
  private final Telephony telephony;
  private final Scheduler scheduler;
  private final Executor executor;
  private final Duration finalPromptsTimeout;
  private final @Nullable ScheduledExecutorService ownedTimer;
  private final ConcurrentMap<ChannelId, CallSession> byChannel = new ConcurrentHashMap<>();
  private final ConcurrentMap<CallId, CallSession> byCall = new ConcurrentHashMap<>();
  private volatile @Nullable Subscription subscription;
  private volatile boolean closed;

  private TelephonyBridge(Builder b) {
    this.center = Checks.notNull(b.center, "callCenter");
    this.telephony = Checks.notNull(b.telephony, "telephony");
    if (b.scheduler != null) {
      this.scheduler = b.scheduler;
      this.ownedTimer = null;
    } else {
      this.ownedTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telephony-bridge-timer");
        t.setDaemon(true);
        return t;
      });
      this.scheduler = Scheduler.of(ownedTimer);
    }
    this.executor = b.executor != null ? b.executor : center.executor();
    this.finalPromptsTimeout = b.finalPromptsTimeout != null ? b.finalPromptsTimeout
        : Builder.DEFAULT_FINAL_PROMPTS_TIMEOUT;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the telephony transport with this bridge as its listener, and follows the call center's events.
   *
   * @throws dev.callcenter.core.CallCenterException when started twice or after {@link #close()}
   */
  public synchronized TelephonyBridge start() {
    if (subscription != null || closed) {
      throw new dev.callcenter.core.CallCenterException("the telephony bridge was already started or closed");
    }
    subscription = center.subscribe(this::onCallCenterEvent);
    telephony.start(this::onTelephonyEvent);
    return this;
  }

  /** The call created for a channel, while the channel is up. */
  public Optional<CallId> callOf(ChannelId channel) {
    CallSession session = byChannel.get(Checks.notNull(channel, "channel"));
    return session == null ? Optional.empty() : Optional.ofNullable(session.callId());
  }

  /** The channels that are up. */
  public Set<ChannelId> channels() {
    return Set.copyOf(byChannel.keySet());
  }

  /** Stops following events and hangs up every channel that is still up. The transport stays open. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    for (ChannelId channel : byChannel.keySet()) {
      fenced(() -> telephony.hangUp(channel), "hang up " + channel);
    }
    if (ownedTimer != null) {
      ownedTimer.shutdownNow();
    }
  }

  // ---- telephony side ---------------------------------------------------------------------------------------

  private void onTelephonyEvent(TelephonyEvent event) {
    if (event instanceof TelephonyEvent.CallOffered offered) {
      if (closed) {
        fenced(() -> telephony.hangUp(offered.channel()), "refuse " + offered.channel());
        return;
      }
      CallSession session = new CallSession(this, offered.channel());
      if (byChannel.putIfAbsent(offered.channel(), session) != null) {
        LOG.warn("call offered twice on channel {}; ignored", offered.channel());
        return;
      }
      session.submit(() -> session.offered(offered));
    } else if (event instanceof TelephonyEvent.ExtensionRegistered registered) {
      LOG.debug("extension {} registered at {}", registered.registration().extension(),
          registered.registration().contact());
    } else if (event instanceof TelephonyEvent.ExtensionUnregistered || event instanceof TelephonyEvent.RegistrationRefused) {
      LOG.debug("{}", event);
    } else {
      ChannelId channel = channelOf(event);
      CallSession session = channel == null ? null : byChannel.get(channel);
      if (session == null) {
        LOG.debug("event for unknown channel ignored: {}", event);
        return;
      }
      session.submit(() -> session.handle(event));
    }
  }

  private static @Nullable ChannelId channelOf(TelephonyEvent event) {
    if (event instanceof TelephonyEvent.CallAnswered e) {
      return e.channel();
    } else if (event instanceof TelephonyEvent.DtmfReceived e) {
      return e.channel();
    } else if (event instanceof TelephonyEvent.PromptFinished e) {
      return e.channel();
    } else if (event instanceof TelephonyEvent.TransferCompleted e) {
      return e.channel();
    } else if (event instanceof TelephonyEvent.TransferFailed e) {
      return e.channel();
    } else if (event instanceof TelephonyEvent.HungUp e) {
      return e.channel();
    }
    return null;
  }

  // ---- call-center side -------------------------------------------------------------------------------------

  private void onCallCenterEvent(Event event) {
    if (event.type() == EventType.AGENT_STATUS_CHANGED || event.type() == EventType.CALL_NEW) {
      return;
    }
    CallSession session;
    try {
      session = byCall.get(CallId.of(event.subject()));
    } catch (InvalidInputException e) {
      return; // not a call
    }
    if (session != null) {
      executor.execute(() -> session.submit(session::callChanged));
    }
  }

  // ---- for sessions ------------------------------------------------------------------------------------------

  CallCenter center() {
    return center;
  }

  Telephony telephony() {
    return telephony;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  Duration finalPromptsTimeout() {
    return finalPromptsTimeout;
  }

  void bind(CallSession session, CallId callId) {
    byCall.put(callId, session);
  }

  void forget(CallSession session) {
    byChannel.remove(session.channel(), session);
    CallId callId = session.callId();
    if (callId != null) {
      byCall.remove(callId, session);
    }
  }

  static void fenced(Runnable action, String what) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed", what, e);
    }
  }

  /** Assembles a {@link TelephonyBridge}; {@code callCenter} and {@code telephony} are required. */
  public static final class Builder {
    public static final Duration DEFAULT_FINAL_PROMPTS_TIMEOUT = Duration.ofSeconds(30);

    private @Nullable CallCenter center;
    private @Nullable Telephony telephony;
    private @Nullable Scheduler scheduler;
    private @Nullable Executor executor;
    private @Nullable Duration finalPromptsTimeout;

    private Builder() {}

    public Builder callCenter(CallCenter value) {
      center = once(center, value, "callCenter");
      return this;
    }

    public Builder telephony(Telephony value) {
      telephony = once(telephony, value, "telephony");
      return this;
    }

    /** Runs the DTMF collect timeouts; by default a daemon thread of the bridge's own. */
    public Builder scheduler(Scheduler value) {
      scheduler = once(scheduler, value, "scheduler");
      return this;
    }

    /** Hands call-center events over to the channels' handlers; by default the call center's executor. */
    public Builder executor(Executor value) {
      executor = once(executor, value, "executor");
      return this;
    }

    /**
     * The longest a hang-up asked by the call flow (its Complete or HangUp action) waits for the prompts of the same
     * step, such as a goodbye, to finish playing (default {@link #DEFAULT_FINAL_PROMPTS_TIMEOUT}).
     */
    public Builder finalPromptsTimeout(Duration value) {
      finalPromptsTimeout = once(finalPromptsTimeout, value, "finalPromptsTimeout");
      if (value.isNegative() || value.isZero()) {
        throw InvalidInputException.of("finalPromptsTimeout", "must be a positive duration, was %s", value);
      }
      return this;
    }

    /** @throws InvalidInputException naming {@code callCenter} or {@code telephony} when missing */
    public TelephonyBridge build() {
      return new TelephonyBridge(this);
    }

    private static <T> T once(@Nullable T current, @Nullable T value, String field) {
      Checks.notNull(value, field);
      if (current != null) {
        throw InvalidInputException.of(field, "was already set");
      }
      return value;
    }
  }
}
