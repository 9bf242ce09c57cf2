package dev.callcenter.nats;

import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventListener;
import dev.callcenter.core.event.ResumableEventPublisher;
import dev.callcenter.core.event.Subscription;
import dev.callcenter.core.store.EventLogStore;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares events between several nodes that share one event log (for example PostgreSQL through the JDBC store),
 * over a NATS subject. Each node's listeners get every event of every node, in strictly increasing sequence order,
 * each once and without gaps:
 *
 * <ul>
 *   <li>{@link #publish} sends the event to the subject and hands it to this node's listeners too;
 *   <li>events from the subject wait in a reorder buffer until the events before them have been delivered;
 *   <li>when a gap does not fill within the {@linkplain Builder#gapTimeout gap timeout} (a lost message, a node
 *       that was disconnected), the missing events are read from the shared {@link EventLogStore}; sequences
 *       the log does not hold either (a publisher on another log) are skipped with a warning rather than
 *       stalling the node;
 *   <li>once per gap timeout the log's {@link EventLogStore#lastSequence() last sequence} is read, so that a node
 *       whose last messages were lost (nothing came after them) catches up too;
 *   <li>a node starts after the log's last sequence when it is built.
 * </ul>
 *
 * <pre>{@code
 * EventLogStore log = JdbcStores...eventLog();               // shared by every node
 * NatsEventPublisher bus = NatsEventPublisher.builder()
 *     .url("nats://127.0.0.1:4222").eventLog(log).build();
 * CallCenter center = CallCenter.builder().eventLog(log).events(bus).build();
 * }</pre>
 *
 * <p>Listeners are called on one background thread (the {@linkplain Builder#scheduler scheduler}), never on the
 * publishing thread; a listener that throws is logged and skipped. A subscriber gets the events this node
 * delivers after it subscribed. {@link #close()} stops delivery and releases what the publisher created.
 */
public final class NatsEventPublisher implements ResumableEventPublisher, AutoCloseable {
  /** The subject events are sent to unless {@link Builder#subject} says otherwise. */
  public static final String DEFAULT_SUBJECT = "callcenter.events";
  /** How long events wait for a missing one before it is read from the event log. */
  public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofSeconds(2);
  /** The longest gap timeout a builder accepts. */
  public static final Duration MAX_GAP_TIMEOUT = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(NatsEventPublisher.class);
  /** Events read from the log per call when a gap is filled. */
  static final int FETCH_BATCH = 500;
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MIN_GAP_CHECK = Duration.ofMillis(10);

  private final Connection connection;
  private final boolean ownsConnection;
  private final String subject;
  private final EventLogStore eventLog;
  private final Duration gapTimeout;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  /** A test hook: messages from the subject it matches are dropped as if the broker had lost them. */
  private final Predicate<Event> lost;

  private final Object lock = new Object();
  /** Guarded by {@link #lock}. */
  private final ReorderBuffer buffer;
  /** The highest sequence published from this node; guarded by {@link #lock}. */
  private long lastPublished;
  /** When the log's last sequence was last asked for; guarded by {@link #lock}. */
  private Instant lastProbe;
  /** Guarded by {@link #lock} for writes. */
  private volatile boolean closed;

  private final CopyOnWriteArrayList<Subscribed> listeners = new CopyOnWriteArrayList<>();
  /** True while a delivery task is queued or running: listeners are called by one task at a time, in order. */
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Dispatcher dispatcher;
  private final ScheduledFuture<?> gapCheck;

  private NatsEventPublisher(Builder b, Connection connection, boolean ownsConnection) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.subject = b.subject != null ? b.subject : DEFAULT_SUBJECT;
    this.eventLog = required(b.eventLog, "eventLog");
    this.gapTimeout = b.gapTimeout != null ? b.gapTimeout : DEFAULT_GAP_TIMEOUT;
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.lost = b.lost != null ? b.lost : event -> false;
    this.ownsScheduler = b.scheduler == null;
    this.scheduler = b.scheduler != null ? b.scheduler : Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "callcenter-nats-events");
      thread.setDaemon(true);
      return thread;
    });
    this.buffer = new ReorderBuffer(eventLog.lastSequence(), gapTimeout);
    this.lastProbe = clock.instant();
    this.dispatcher = connection.createDispatcher(this::onMessage);
    dispatcher.subscribe(subject);
    flushQuietly();
    long checkMillis = Math.max(MIN_GAP_CHECK.toMillis(), gapTimeout.toMillis() / 4);
    this.gapCheck = scheduler.scheduleWithFixedDelay(this::checkGapQuietly, checkMillis, checkMillis,
        TimeUnit.MILLISECONDS);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The subject this publisher sends to and listens on. */
  public String subject() {
    return subject;
  }

  /**
   * Sends the event to the subject for the other nodes and hands it to this node's listeners (after every event
   * before it). A failure to send is logged: the event is in the log, and other nodes read it from there.
   *
   * @throws CallCenterException when this publisher is closed
   */
  @Override
  public void publish(Event event) {
    if (event == null) {
      throw InvalidInputException.of("event", "must not be null");
    }
    byte[] json = event.toJson().getBytes(StandardCharsets.UTF_8);
    synchronized (lock) {
      if (closed) {
        throw new CallCenterException("the NATS event publisher on '" + subject + "' is closed");
      }
      lastPublished = Math.max(lastPublished, event.sequence());
    }
    offer(List.of(event));
    try {
      connection.publish(subject, json);
    } catch (RuntimeException e) {
      LOG.warn("could not send event {} #{} to NATS subject '{}'; other nodes will read it from the event log",
          event.type(), event.sequence(), subject, e);
    }
  }

  /** Delivers every event this node delivers from now on, in sequence order, on the publisher's thread. */
  @Override
  public Subscription subscribe(EventListener listener) {
    return add(listener, null);
  }

  /**
   * Delivers every event with a sequence greater than {@code afterSequence}: first those of the event log, then
   * every new one, in order, none missed and none twice, even while other nodes keep writing. For a subscriber
   * that reconnects with the last sequence it saw. Events the log cannot give (it fails) are logged and skipped.
   *
   * @throws InvalidInputException when {@code afterSequence} is negative
   */
  @Override
  public Subscription subscribeAfter(long afterSequence, EventListener listener) {
    if (afterSequence < 0) {
      throw InvalidInputException.of("afterSequence", "must not be negative, was %d", afterSequence);
    }
    Subscription subscription = add(listener, afterSequence);
    scheduleDelivery(); // replays the log up to this node's position even when no new event comes
    return subscription;
  }

  private Subscription add(EventListener listener, @Nullable Long afterSequence) {
    if (listener == null) {
      throw InvalidInputException.of("listener", "must not be null");
    }
    Subscribed subscribed;
    synchronized (lock) {
      if (closed) {
        throw new CallCenterException("the NATS event publisher on '" + subject + "' is closed");
      }
      long after = afterSequence != null ? afterSequence : Math.max(buffer.delivered(), lastPublished);
      subscribed = new Subscribed(listener, after);
      listeners.add(subscribed);
    }
    return () -> {
      subscribed.active = false;
      listeners.remove(subscribed);
    };
  }

  /** Stops delivery, leaves the subject, and closes the connection and scheduler if this publisher made them. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    gapCheck.cancel(false);
    listeners.forEach(subscribed -> subscribed.active = false);
    listeners.clear();
    try {
      connection.closeDispatcher(dispatcher);
    } catch (IllegalStateException e) {
      LOG.debug("NATS connection already closed", e);
    }
    if (ownsScheduler) {
      scheduler.shutdown();
    }
    if (ownsConnection) {
      try {
        connection.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- receiving ---------------------------------------------------------------------------------------------

  private void onMessage(Message message) {
    Event event;
    try {
      event = Event.fromJson(new String(message.getData(), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // the payload may carry personal data: never log it, only its size
      LOG.warn("ignored a message on '{}' that is not an event ({} bytes): {}", subject, message.getData().length,
          e.getClass().getSimpleName());
      return;
    }
    if (!lost.test(event)) {
      offer(List.of(event));
    }
  }

  private void offer(List<Event> events) {
    boolean ready;
    synchronized (lock) {
      if (closed) {
        return;
      }
      for (Event event : events) {
        buffer.offer(event, clock.instant());
      }
      ready = buffer.hasReady();
    }
    if (ready) {
      scheduleDelivery();
    }
  }

  // ---- delivering --------------------------------------------------------------------------------------------

  private void scheduleDelivery() {
    if (closed || !draining.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.execute(this::deliverReady);
    } catch (RejectedExecutionException e) {
      draining.set(false);
      if (!closed) {
        LOG.warn("the scheduler of the NATS event publisher on '{}' refused delivery", subject, e);
      }
    }
  }

  /** Runs on the scheduler, one task at a time: the only place listeners are called. */
  private void deliverReady() {
    try {
      long delivered;
      synchronized (lock) {
        delivered = buffer.delivered();
      }
      for (Subscribed subscribed : listeners) { // those that subscribed after a sequence behind this node's
        catchUp(subscribed, delivered);
      }
      List<Event> ready;
      while (!(ready = takeReady()).isEmpty()) {
        for (Event event : ready) {
          for (Subscribed subscribed : listeners) {
            if (closed) {
              return;
            }
            if (subscribed.active && event.sequence() > subscribed.cursor) {
              catchUp(subscribed, event.sequence() - 1);
              deliverFenced(subscribed.listener, event);
              subscribed.cursor = event.sequence();
            }
          }
        }
      }
    } finally {
      draining.set(false);
    }
    boolean more;
    synchronized (lock) {
      more = !closed && buffer.hasReady();
    }
    if (more) { // offered while this task was finishing
      scheduleDelivery();
    }
  }

  /** Delivers the logged events after the subscriber's cursor up to {@code upTo} to that subscriber. */
  private void catchUp(Subscribed subscribed, long upTo) {
    while (subscribed.cursor < upTo && subscribed.active && !closed) {
      List<Event> batch;
      try {
        batch = eventLog.readAfter(subscribed.cursor, (int) Math.min(FETCH_BATCH, upTo - subscribed.cursor));
      } catch (RuntimeException e) {
        LOG.warn("could not read events #{} to #{} from the event log for listener {}; skipped",
            subscribed.cursor + 1, upTo, subscribed.listener, e);
        subscribed.cursor = upTo;
        return;
      }
      if (batch.isEmpty()) { // the log does not hold them: skipped by this node too
        subscribed.cursor = upTo;
        return;
      }
      for (Event event : batch) {
        if (event.sequence() > upTo || !subscribed.active || closed) {
          return;
        }
        deliverFenced(subscribed.listener, event);
        subscribed.cursor = event.sequence();
      }
    }
  }

  private List<Event> takeReady() {
    synchronized (lock) {
      return closed ? List.of() : buffer.takeReady(clock.instant());
    }
  }

  private static void deliverFenced(EventListener listener, Event event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("event listener {} failed on {} #{}; skipped", listener, event.type(), event.sequence(), e);
    }
  }

  // ---- filling gaps from the event log -----------------------------------------------------------------------

  private void checkGapQuietly() {
    try {
      probeLogEnd();
      fillOverdueGap();
    } catch (RuntimeException e) { // a periodic task that throws would never run again
      LOG.warn("could not read missing events from the event log; will try again", e);
      synchronized (lock) {
        buffer.restartGapTimer(clock.instant());
      }
    }
  }

  /**
   * Once per gap timeout, while no gap is known, asks the log for its last sequence: events that never arrived
   * with nothing after them (the last messages lost) become a gap like any other.
   */
  private void probeLogEnd() {
    synchronized (lock) {
      Instant now = clock.instant();
      if (closed || buffer.hasGap() || now.isBefore(lastProbe.plus(gapTimeout))) {
        return;
      }
      lastProbe = now;
    }
    long last = eventLog.lastSequence();
    synchronized (lock) {
      buffer.expect(last, clock.instant());
    }
  }

  /**
   * Reads the events of an overdue gap from the event log and delivers them; returns how many were read. Reads
   * up to the highest sequence known, so that every hole between waiting events is filled in one go (events
   * already here are dropped as duplicates).
   */
  private int fillOverdueGap() {
    long after;
    long gapEnd;
    long readUpTo;
    int waiting;
    synchronized (lock) {
      if (closed || !buffer.gapOverdue(clock.instant())) {
        return 0;
      }
      after = buffer.delivered();
      gapEnd = buffer.gapEnd();
      readUpTo = buffer.knownEnd();
      waiting = buffer.waiting();
    }
    LOG.info("events #{} to #{} on '{}' did not arrive within {} ({} later ones waiting); reading #{} to #{} from "
        + "the event log", after + 1, gapEnd, subject, gapTimeout, waiting, after + 1, readUpTo);
    int read = 0;
    long position = after;
    while (position < readUpTo) {
      List<Event> batch = eventLog.readAfter(position, (int) Math.min(FETCH_BATCH, readUpTo - position));
      if (batch.isEmpty()) {
        break;
      }
      offer(batch);
      read += batch.size();
      position = batch.get(batch.size() - 1).sequence();
    }
    synchronized (lock) {
      if (read == 0) {
        // the log holds nothing after this node's position: these sequences were never appended to it (each
        // event is committed to the log before its message is sent), so waiting longer would stall the node
        buffer.skipGap(gapEnd, clock.instant());
      } else {
        buffer.restartGapTimer(clock.instant()); // a rest the log did not have is looked for once more
      }
    }
    if (read == 0) {
      LOG.warn("events #{} to #{} on '{}' are missing from the event log too; skipped", after + 1, gapEnd, subject);
    }
    scheduleDelivery();
    return read;
  }

  private void flushQuietly() {
    try {
      connection.flush(FLUSH_TIMEOUT);
    } catch (TimeoutException e) {
      LOG.warn("NATS did not confirm the subscription to '{}' within {}; missing events will be read from the "
          + "event log", subject, FLUSH_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw InvalidInputException.of(field, "is required");
    }
    return value;
  }

  /**
   * One subscription, compared by identity, so that one listener subscribed twice is two subscriptions. Its
   * cursor is read and written only by the delivery task, which runs one at a time.
   */
  private static final class Subscribed {
    final EventListener listener;
    /** The sequence of the last event this listener got (or is not to get). */
    long cursor;
    volatile boolean active = true;

    Subscribed(EventListener listener, long after) {
      this.listener = listener;
      this.cursor = after;
    }
  }

  /**
   * Configures a {@link NatsEventPublisher}. The event log and either a connection or a URL are required; each
   * setting may be given once.
   */
  public static final class Builder {
    /** NATS subjects: dot-separated tokens without wildcards or white space. */
    private static final Pattern SUBJECT = Pattern.compile("[^.*>\\s]+(\\.[^.*>\\s]+)*");

    private @Nullable Connection connection;
    private @Nullable String url;
    private @Nullable String subject;
    private @Nullable EventLogStore eventLog;
    private @Nullable Duration gapTimeout;
    private @Nullable Clock clock;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable Predicate<Event> lost;

    private Builder() {}

    /** For tests: messages from the subject that {@code value} matches are dropped, as if NATS had lost them. */
    Builder loseMessages(Predicate<Event> value) {
      lost = once(lost, value, "loseMessages");
      return this;
    }

    /** A connection the caller owns: {@link #close()} leaves it open. Excludes {@link #url}. */
    public Builder connection(Connection value) {
      connection = once(connection, value, "connection");
      return this;
    }

    /** The NATS server to connect to, for example {@code nats://127.0.0.1:4222}; closed with the publisher. */
    public Builder url(String value) {
      if (value != null) {
        options(value); // fails here, naming the field, rather than in build()
      }
      url = once(url, value, "url");
      return this;
    }

    /** The subject events are sent to and read from; every node of one call center uses the same. */
    public Builder subject(String value) {
      if (value != null && !SUBJECT.matcher(value).matches()) {
        throw InvalidInputException.of("subject",
            "must be dot-separated tokens without wildcards or white space, was '%s'", abbreviate(value));
      }
      subject = once(subject, value, "subject");
      return this;
    }

    /** The event log every node shares; gaps are filled from it. Required. */
    public Builder eventLog(EventLogStore value) {
      eventLog = once(eventLog, value, "eventLog");
      return this;
    }

    /** How long events wait for a missing one before it is read from the event log; default 2 seconds. */
    public Builder gapTimeout(Duration value) {
      if (value != null && (value.isNegative() || value.isZero() || value.compareTo(MAX_GAP_TIMEOUT) > 0)) {
        throw InvalidInputException.of("gapTimeout", "must be positive and at most %s, was %s", MAX_GAP_TIMEOUT,
            value);
      }
      gapTimeout = once(gapTimeout, value, "gapTimeout");
      return this;
    }

    /** The clock gap timeouts are measured with; default the system clock. */
    public Builder clock(Clock value) {
      clock = once(clock, value, "clock");
      return this;
    }

    /**
     * Runs delivery to listeners and the periodic gap check; the caller owns it. Default: one daemon thread of
     * the publisher's own, stopped on {@link #close()}.
     */
    public Builder scheduler(ScheduledExecutorService value) {
      scheduler = once(scheduler, value, "scheduler");
      return this;
    }

    /**
     * Connects (when given a URL), subscribes to the subject and starts after the log's last sequence.
     *
     * @throws InvalidInputException when a required setting is missing or both a connection and a URL are given
     * @throws CallCenterException when the NATS server cannot be reached
     */
    public NatsEventPublisher build() {
      required(eventLog, "eventLog");
      Connection given = connection;
      String target = url;
      if (given != null && target != null) {
        throw InvalidInputException.of("url", "give either a connection or a url, not both");
      }
      if (given != null) {
        return new NatsEventPublisher(this, given, false);
      }
      if (target == null) {
        throw InvalidInputException.of("connection", "a connection or a url is required");
      }
      Connection opened = connect(target);
      try {
        return new NatsEventPublisher(this, opened, true);
      } catch (RuntimeException e) {
        try {
          opened.close();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        throw e;
      }
    }

    private static Options options(String url) {
      if (url.isBlank()) {
        throw InvalidInputException.of("url", "must not be blank");
      }
      try {
        return Options.builder().server(url).connectionName("callcenter-events").maxReconnects(-1).build();
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("url", "is not a NATS server URL: '%s'", withoutCredentials(url));
      }
    }

    private static Connection connect(String url) {
      Options options = options(url);
      try {
        return Nats.connect(options);
      } catch (IOException e) {
        throw new CallCenterException("could not connect to NATS at " + withoutCredentials(url), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CallCenterException("interrupted while connecting to NATS at " + withoutCredentials(url), e);
      }
    }

    private static <T> T once(@Nullable T current, @Nullable T value, String field) {
      if (value == null) {
        throw InvalidInputException.of(field, "must not be null");
      }
      if (current != null) {
        throw InvalidInputException.of(field, "was already set");
      }
      return value;
    }
  }

  /** The URL with any user name, password or token taken out, for messages. */
  static String withoutCredentials(String url) {
    return abbreviate(url.replaceAll("(?<=://)[^@/]*@", "***@"));
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 61) + "...";
  }
}
