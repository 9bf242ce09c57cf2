package dev.callcenter.sipjain;

import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.DigestCredentialSource;
import dev.callcenter.sip.ExtensionPresence;
import dev.callcenter.sip.Party;
import dev.callcenter.sip.Registration;
import dev.callcenter.sip.Registrations;
import dev.callcenter.sip.Telephony;
import dev.callcenter.sip.TelephonyEvent;
import dev.callcenter.sip.TelephonyListener;
import dev.callcenter.sip.extension.ExtensionStore;
import gov.nist.javax.sip.message.SIPMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Telephony} on JAIN-SIP: a SIP user agent server and registrar on UDP and TCP.
 *
 * <pre>{@code
 * JainSipTelephony sip = JainSipTelephony.builder().port(5060).realm("callcenter.example")
 *     .credentials(extensions::ha1).build();
 * TelephonyBridge.builder().callCenter(center).telephony(sip).build().start();
 * }</pre>
 *
 * <ul>
 *   <li>Calls: INVITE is answered 100, 180, then 200 with an SDP answer when the bridge answers; the call flow
 *       starts at the ACK. BYE ends the call, CANCEL while ringing is answered 200 and the INVITE 487. OPTIONS is
 *       answered 200 outside calls.
 *   <li>DTMF: SIP INFO with {@code application/dtmf-relay} (or {@code application/dtmf}), and RFC 4733
 *       telephone-events in RTP when the offer carries them; the answer echoes the offered payload type.
 *   <li>Registrar: REGISTER with digest authentication (see the rules in the builder's settings; the digest
 *       {@code uri} must name the Request-URI), registrations written to {@link Registrations}, and extension
 *       statuses kept by {@link ExtensionPresence} when the builder has an {@link ExtensionStore}.
 *   <li>Transfer: the caller is bridged, back to back, to the target's registered contact (or a SIP URI): a new
 *       INVITE carrying the caller's SDP; when the agent answers, the caller is re-INVITEd with the agent's SDP, so
 *       media flows between the two ends (a caller refusing it keeps the call). BYE from either side ends both legs.
 *       With {@link Builder#referTransfers referTransfers(true)}, an answered caller whose INVITE listed REFER in
 *       {@code Allow} is instead sent a REFER (RFC 3515) in its dialog, {@code Refer-To} the target's contact and
 *       {@code Referred-By} (RFC 3892) us, and calls the target itself: its NOTIFYs are answered 200, and a final
 *       {@code message/sipfrag} 2xx reports {@link TelephonyEvent.TransferCompleted}, says BYE to the caller and
 *       reports {@link TelephonyEvent.HungUp} by {@link Party#TRANSPORT}: the call is handed off, and we no longer
 *       see it. A REFER refused (e.g. 405, 501, 603) or unanswered, a final sipfrag that is not 2xx, or no final
 *       NOTIFY within {@link Builder#referTimeout referTimeout} falls back to the back-to-back transfer to the same
 *       target. A caller's BYE while a REFER is under way ends the call as before. Incoming REFERs are answered 405,
 *       and a NOTIFY outside a REFER of ours 481.
 *   <li>Prompts: with a {@code promptAudio} directory, a prompt whose {@link FlowAction.PlayPrompt#audio() audio}
 *       names a G.711 WAV file there is streamed to the caller as RTP from the call's own RTP port, 20 ms a packet,
 *       in the G.711 law the caller negotiated (transcoded when the file has the other one). Prompts play in the
 *       order asked for and each is reported played when its last packet is sent; one without playable audio is
 *       reported at once (or when the ones before it are done), a missing or bad file logged once. A key does not
 *       cut a prompt short (no barge-in): the flow hears the key at once and its next prompts play after this one.
 *       Streaming stops, unreported, when the call ends or the caller is connected to an agent.
 *   <li>No Server or User-Agent header carries a software version.
 * </ul>
 */
public final class JainSipTelephony implements Telephony {
  private static final Logger LOG = LoggerFactory.getLogger(JainSipTelephony.class);
  private static final AtomicLong STACKS = new AtomicLong();
  private static final List<String> ALLOW = List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
      Request.OPTIONS, Request.INFO, Request.REGISTER);
  private static final String PRODUCT = "callcenter";

  private final String host;
  private final int port;
  private final Set<String> transports;
  private final Clock clock;
  private final Registrations registrations;
  private final DigestChallenges digest;
  private final Duration maxExpires;
  private final Duration ringing;
  private final ScheduledExecutorService timer;
  private final @Nullable ExtensionPresence presence;
  private final Duration presenceSweep;
  private final Map<String, SipCall> calls = new ConcurrentHashMap<>();
  private final Map<String, SipCall> agentLegs = new ConcurrentHashMap<>();
  private final boolean referTransfers;
  private final ReferTransfer refers;
  private final PromptAudio promptAudio;
  private final @Nullable PromptPlayer player;

  private volatile @Nullable TelephonyListener listener;
  private volatile boolean closed;
  private @Nullable SipStack stack;
  private @Nullable SipProvider provider;
  private @Nullable RtpListener rtp;
  private @Nullable AddressFactory addresses;
  private @Nullable HeaderFactory headers;
  private @Nullable MessageFactory messages;

  private JainSipTelephony(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.transports = Set.copyOf(b.transports);
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.registrations = b.registrations != null ? b.registrations : Registrations.inMemory(clock);
    this.digest = new DigestChallenges(b.realm, b.algorithms, b.credentials, clock, b.nonceLifetime, b.maxFailures,
        b.lockout);
    this.maxExpires = b.maxExpires;
    this.ringing = b.ringing;
    this.presence = b.extensions == null ? null : ExtensionPresence.of(b.extensions, registrations, clock);
    this.presenceSweep = b.presenceSweep;
    this.promptAudio = new PromptAudio(b.promptAudio);
    this.player = b.promptAudio == null ? null : new PromptPlayer(this::emit);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sip-ringing");
      t.setDaemon(true);
      return t;
    });
    this.referTransfers = b.referTransfers;
    this.refers = new ReferTransfer(new ReferSide(), timer, b.referTimeout);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where registrations are kept (the builder's, or an in-memory one). */
  public Registrations registrations() {
    return registrations;
  }

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------

  @Override
  public synchronized void start(TelephonyListener value) {
    if (value == null) {
      throw InvalidInputException.of("listener", "is required");
    }
    if (listener != null || closed) {
      throw new CallCenterException("the SIP telephony was already started or closed");
    }
    Properties props = new Properties();
    props.setProperty("javax.sip.STACK_NAME", "callcenter-" + STACKS.incrementAndGet());
    props.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
    props.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
    props.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
    props.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    props.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
    props.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    props.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
    props.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "2000");
    props.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "20000");
    props.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
    SipStack s = null;
    SipProvider p = null;
    RtpListener r = null;
    try {
      SipFactory factory = SipFactory.getInstance();
      factory.setPathName("gov.nist");
      s = factory.createSipStack(props);
      addresses = factory.createAddressFactory();
      headers = factory.createHeaderFactory();
      messages = factory.createMessageFactory();
      for (String transport : transports) {
        ListeningPoint point = s.createListeningPoint(host, port, transport);
        if (p == null) {
          p = s.createSipProvider(point);
        } else {
          p.addListeningPoint(point);
        }
      }
      if (p == null) {
        throw new CallCenterException("no SIP transport configured");
      }
      p.addSipListener(new Endpoint());
      r = new RtpListener(host);
      rtp = r;
      stack = s;
      provider = p;
      listener = value;
      s.start();
      ExtensionPresence tracked = presence;
      if (tracked != null) {
        long every = presenceSweep.toMillis();
        timer.scheduleWithFixedDelay(tracked::expire, every, every, TimeUnit.MILLISECONDS);
      }
      LOG.info("SIP listening on {}:{} ({})", host, port, transports);
    } catch (Exception e) {
      // e.g. the TCP port is taken after UDP was bound: release what was opened so a retry can bind again
      release(s, p, r, e);
      stack = null;
      provider = null;
      rtp = null;
      listener = null;
      throw new CallCenterException("could not start SIP on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private static void release(@Nullable SipStack s, @Nullable SipProvider p, @Nullable RtpListener r,
      Exception cause) {
    try {
      if (s != null) {
        if (p != null) {
          s.deleteSipProvider(p);
        }
        for (java.util.Iterator<?> points = s.getListeningPoints(); points.hasNext(); ) {
          s.deleteListeningPoint((ListeningPoint) points.next());
        }
        s.stop();
      }
      if (r != null) {
        r.close();
      }
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    List<SipCall> up;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      up = List.copyOf(calls.values());
    }
    for (SipCall call : up) {
      hangUp(call.channel);
    }
    SipStack s = stack;
    if (s != null) {
      try {
        SipProvider p = provider;
        if (p != null) {
          for (ListeningPoint point : p.getListeningPoints()) {
            p.removeListeningPoint(point);
            s.deleteListeningPoint(point);
          }
          s.deleteSipProvider(p);
        }
      } catch (Exception e) {
        LOG.debug("closing the SIP provider failed", e);
      }
      s.stop();
    }
    RtpListener r = rtp;
    if (r != null) {
      r.close();
    }
    PromptPlayer p = player;
    if (p != null) {
      p.close();
    }
    timer.shutdownNow();
  }

  // ---- commands -----------------------------------------------------------------------------------------------

  /** Answers at once, or when the call has rung for the builder's {@code ringing} time. */
  @Override
  public void answer(ChannelId channel) {
    SipCall call = calls.get(channel.value());
    if (call == null) {
      return;
    }
    Duration rung = Duration.between(call.offeredAt, clock.instant());
    if (rung.compareTo(ringing) < 0) {
      timer.schedule(() -> sendOk(call), ringing.minus(rung).toNanos(), TimeUnit.NANOSECONDS);
    } else {
      sendOk(call);
    }
  }

  private void sendOk(SipCall call) {
    ChannelId channel = call.channel;
    synchronized (call) {
      if (call.answered || call.ended) {
        return;
      }
      try {
        Response ok = response(Response.OK, call.inviteRequest, call.toTag);
        RtpListener.Stream stream = call.rtp;
        int mediaPort = stream == null ? 9 : stream.port();
        long session = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String sdp = call.offered != null ? call.offered.answer(host, mediaPort, session)
            : Sdp.offer(host, mediaPort, session);
        ok.setContent(sdp, headers().createContentTypeHeader("application", "sdp"));
        call.invite.sendResponse(ok);
        call.sdpSession = session;
        call.sdpVersion = session;
        call.answered = true;
        call.dialog = call.invite.getDialog();
      } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
        LOG.warn("answering {} failed", channel, e);
      }
    }
  }

  /**
   * Streams the prompt's audio when it names a G.711 WAV file in the {@code promptAudio} directory and the caller's
   * SDP says where to; otherwise the prompt is reported as played (at once, or after the prompts queued before it).
   */
  @Override
  public void playPrompt(ChannelId channel, FlowAction.PlayPrompt prompt) {
    SipCall call = calls.get(channel.value());
    if (call == null) {
      return;
    }
    String name = prompt.audio();
    PromptPlayer.Media media = name == null ? null : PromptPlayer.Media.of(call.rtp, call.offered);
    G711Wav audio = media == null || name == null ? null : promptAudio.find(name); // outside the monitor: it reads
    boolean queued;
    synchronized (call) {
      if (call.ended) {
        return;
      }
      PromptPlayer p = player;
      // once an agent has the caller's media, prompts are no longer heard
      queued = p != null && !call.agentConnected && p.enqueue(channel, prompt.promptId(), media, audio);
    }
    if (!queued) {
      emit(new TelephonyEvent.PromptFinished(channel, prompt.promptId()));
    }
  }

  @Override
  public void transfer(ChannelId channel, String target) {
    SipCall call = calls.get(channel.value());
    if (call == null) {
      return;
    }
    String contact = registrations.findFirst(target).map(Registration::contact)
        .orElse(target.startsWith("sip:") || target.startsWith("sips:") ? target : null);
    if (contact == null) {
      emit(new TelephonyEvent.TransferFailed(channel, target, "not registered"));
      return;
    }
    if (referTransfers && refers.start(call, target, contact, transportOf(call.inviteRequest))) {
      return; // the caller calls the target itself; ReferTransfer falls back to backToBack when that fails
    }
    backToBack(call, target, contact);
  }

  /** Bridges the caller to {@code target} at {@code contact}: a new INVITE, then the caller re-INVITEd. */
  private void backToBack(SipCall call, String target, String contact) {
    ChannelId channel = call.channel;
    try {
      synchronized (call) {
        if (call.ended || call.agentCallId != null || call.refer != null) {
          return;
        }
        SipURI requestUri = (SipURI) addresses().createURI(contact);
        String transport = requestUri.getTransportParam() == null ? "udp"
            : requestUri.getTransportParam().toLowerCase(Locale.ROOT);
        if (!transports.contains(transport)) {
          transport = transports.iterator().next();
        }
        SipProvider p = provider();
        CallIdHeader callId = p.getNewCallId();
        Address fromAddress = addresses().createAddress("sip:" + safeUser(call.callerUser) + "@" + host);
        if (call.callerName != null) {
          fromAddress.setDisplayName(call.callerName);
        }
        FromHeader from = headers().createFromHeader(fromAddress, tag());
        ToHeader to = headers().createToHeader(addresses().createAddress(contact), null);
        ViaHeader via = headers().createViaHeader(host, port, transport, null);
        via.setRPort();
        MaxForwardsHeader maxForwards = headers().createMaxForwardsHeader(70);
        CSeqHeader cseq = headers().createCSeqHeader(1L, Request.INVITE);
        Request invite = messages().createRequest(requestUri, Request.INVITE, callId, cseq, from, to,
            new ArrayList<>(List.of(via)), maxForwards);
        invite.addHeader(contactHeader(transport));
        String offer = call.offer != null ? call.offer
            : Sdp.offer(host, call.rtp == null ? 9 : call.rtp.port(), System.nanoTime() & Long.MAX_VALUE);
        invite.setContent(offer, headers().createContentTypeHeader("application", "sdp"));
        ClientTransaction ct = p.getNewClientTransaction(invite);
        call.agentCallId = callId.getCallId();
        call.agentTarget = target;
        call.agentInvite = ct;
        agentLegs.put(callId.getCallId(), call);
        ct.sendRequest();
      }
    } catch (ParseException | SipException | InvalidArgumentException | ClassCastException e) {
      LOG.warn("transfer of {} to {} ({}) failed", channel, target, contact, e);
      synchronized (call) {
        if (call.agentCallId != null) {
          agentLegs.remove(call.agentCallId);
        }
        call.agentCallId = null;
        call.agentInvite = null;
      }
      emit(new TelephonyEvent.TransferFailed(channel, target, "could not send INVITE: " + e.getMessage()));
    }
  }

  @Override
  public void hangUp(ChannelId channel) {
    SipCall call = calls.get(channel.value());
    if (call == null) {
      return;
    }
    if (end(call, true, true)) {
      emit(new TelephonyEvent.HungUp(channel, Party.TRANSPORT));
    }
  }

  /**
   * Ends a call once: refuses or says BYE to the caller when {@code callerLeg}, and ends the agent leg when
   * {@code agentLeg}. Returns whether this call ended the call.
   */
  private boolean end(SipCall call, boolean callerLeg, boolean agentLeg) {
    synchronized (call) {
      if (call.ended) {
        return false;
      }
      call.ended = true;
      boolean awaitAck = callerLeg && call.answered && !call.ackReceived && call.dialog != null;
      if (awaitAck) { // no BYE before the ACK (RFC 3261 15): it goes out when the ACK arrives
        call.byePending = true;
        timer.schedule(() -> byeWithoutAck(call), 32, TimeUnit.SECONDS);
      } else {
        calls.remove(call.channel.value(), call);
      }
      if (callerLeg && !awaitAck) {
        try {
          if (!call.answered) {
            call.invite.sendResponse(response(Response.TEMPORARILY_UNAVAILABLE, call.inviteRequest, call.toTag));
          } else if (call.dialog != null) {
            sendBye(call.dialog);
          }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
          LOG.warn("ending the caller leg of {} failed", call.channel, e);
        }
      }
      if (agentLeg && call.agentCallId != null) {
        try {
          if (call.agentConnected && call.agentDialog != null) {
            sendBye(call.agentDialog);
          } else if (call.agentInvite != null) {
            Request cancel = call.agentInvite.createCancel();
            provider().getNewClientTransaction(cancel).sendRequest();
          }
        } catch (SipException | RuntimeException e) {
          LOG.debug("ending the agent leg of {} failed", call.channel, e);
        }
      }
      if (call.agentCallId != null && (call.agentConnected || !agentLeg)) {
        agentLegs.remove(call.agentCallId, call);
      }
      PromptPlayer p = player;
      if (p != null) {
        p.stop(call.channel);
      }
      if (call.rtp != null) {
        call.rtp.close();
      }
      ReferTransfer.forget(call);
      return true;
    }
  }

  /** The ACK never came (64·T1): the BYE goes out anyway, as RFC 3261 13.3.1.4 asks. */
  private void byeWithoutAck(SipCall call) {
    synchronized (call) {
      calls.remove(call.channel.value(), call);
      if (!call.byePending || call.dialog == null) {
        return;
      }
      call.byePending = false;
      try {
        sendBye(call.dialog);
      } catch (SipException | RuntimeException e) {
        LOG.debug("BYE to {} without its ACK failed", call.channel, e);
      }
    }
  }

  private void sendBye(Dialog dialog) throws SipException {
    Request bye = dialog.createRequest(Request.BYE);
    ClientTransaction ct = provider().getNewClientTransaction(bye);
    dialog.sendRequest(ct);
  }

  // ---- the SIP side ---------------------------------------------------------------------------------------------

  private final class Endpoint implements SipListener {
    @Override
    public void processRequest(RequestEvent event) {
      Request request = event.getRequest();
      try {
        switch (request.getMethod()) {
          case Request.INVITE -> invite(event);
          case Request.ACK -> ack(request);
          case Request.BYE -> bye(event);
          case Request.CANCEL -> cancel(event);
          case Request.INFO -> info(event);
          case Request.OPTIONS -> respond(event, Response.OK, r -> {
            allow(r);
            r.addHeader(headers().createAcceptHeader("application", "sdp"));
            r.addHeader(headers().createAcceptHeader("application", "dtmf-relay"));
          });
          case Request.REGISTER -> register(event);
          case Request.NOTIFY -> referNotify(event);
          default -> respond(event, Response.METHOD_NOT_ALLOWED, this::allow);
        }
      } catch (Exception e) {
        LOG.warn("handling {} failed", request.getMethod(), e);
        try {
          respond(event, Response.SERVER_INTERNAL_ERROR, r -> { });
        } catch (Exception again) {
          LOG.debug("could not answer 500", again);
        }
      }
    }

    private void allow(Response response) throws ParseException {
      for (String method : ALLOW) {
        response.addHeader(headers().createAllowHeader(method));
      }
    }

    @Override
    public void processResponse(ResponseEvent event) {
      Response response = event.getResponse();
      CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
      CallIdHeader callId = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
      if (cseq != null && callId != null && Request.REFER.equals(cseq.getMethod())) {
        SipCall caller = calls.get(callId.getCallId());
        if (caller != null) {
          refers.answered(caller, response, cseq.getSeqNumber());
        }
        return;
      }
      if (cseq == null || callId == null || !Request.INVITE.equals(cseq.getMethod())) {
        return;
      }
      int status = response.getStatusCode();
      if (status < 200) {
        return;
      }
      SipCall caller = calls.get(callId.getCallId());
      SipCall call = agentLegs.get(callId.getCallId());
      try {
        if (caller != null) {
          callerReinviteAnswered(event, caller, status, cseq.getSeqNumber());
        } else if (status < 300) {
          agentAnswered(event, call, cseq.getSeqNumber());
        } else if (call != null) {
          agentRefused(call, status + " " + response.getReasonPhrase());
        }
      } catch (SipException | InvalidArgumentException | RuntimeException e) {
        LOG.warn("handling {} to INVITE failed", status, e);
      }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
      if (!event.isServerTransaction() && event.getClientTransaction() != null) {
        Request request = event.getClientTransaction().getRequest();
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        SipCall call = callId == null ? null : agentLegs.get(callId.getCallId());
        if (call != null && Request.INVITE.equals(request.getMethod())) {
          agentRefused(call, "no answer");
        }
        SipCall caller = callId == null ? null : calls.get(callId.getCallId());
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (caller != null && cseq != null && Request.REFER.equals(request.getMethod())) {
          refers.unanswered(caller, cseq.getSeqNumber());
        }
      }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
      LOG.debug("SIP I/O error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
      // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
      // calls end by BYE, CANCEL or hangUp
    }
  }

  private void invite(RequestEvent event) throws Exception {
    Request request = event.getRequest();
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    if (to.getTag() != null) { // a re-INVITE: keep the session as it is
      SipCall call = calls.get(callId);
      if (call == null) {
        respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
        return;
      }
      respond(event, Response.OK, r -> {
        long session = System.nanoTime() & Long.MAX_VALUE;
        int mediaPort = call.rtp == null ? 9 : call.rtp.port();
        String sdp = call.offered != null ? call.offered.answer(host, mediaPort, session)
            : Sdp.offer(host, mediaPort, session);
        r.setContent(sdp, headers().createContentTypeHeader("application", "sdp"));
        r.addHeader(contactHeader(transportOf(request)));
      });
      return;
    }
    ServerTransaction st = serverTransaction(event);
    if (st == null) {
      return; // a retransmission the stack already answers
    }
    if (closed) {
      st.sendResponse(messages().createResponse(Response.SERVICE_UNAVAILABLE, request));
      return;
    }
    String offer = body(request);
    Sdp offered = null;
    if (offer != null) {
      offered = Sdp.parse(offer);
      if (offered == null) {
        st.sendResponse(messages().createResponse(Response.NOT_ACCEPTABLE_HERE, request));
        return;
      }
    }
    st.sendResponse(messages().createResponse(Response.TRYING, request));
    ChannelId channel = ChannelId.of(callId);
    int eventType = offered == null ? Sdp.DEFAULT_TELEPHONE_EVENT : offered.telephoneEvent();
    RtpListener.Stream stream;
    try {
      stream = rtp().open(eventType, key -> {
        SipCall call = calls.get(callId);
        if (call != null) {
          key(call, key);
        }
      });
    } catch (IOException e) {
      LOG.warn("no RTP port for {}; refused", channel, e);
      st.sendResponse(messages().createResponse(Response.SERVICE_UNAVAILABLE, request));
      return;
    }
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    String caller = userOf(from.getAddress().getURI());
    String dialled = userOf(to.getAddress().getURI());
    SipCall call = new SipCall(channel, st, request, tag(), offer, offered, stream, caller,
        from.getAddress().getDisplayName(), clock.instant());
    if (calls.putIfAbsent(callId, call) != null) {
      stream.close();
      st.sendResponse(messages().createResponse(Response.LOOP_DETECTED, request));
      return;
    }
    Response ringing = response(Response.RINGING, request, call.toTag);
    st.sendResponse(ringing);
    InetAddress remote = ((SIPMessage) request).getRemoteAddress();
    emit(new TelephonyEvent.CallOffered(channel, caller, call.callerName, dialled,
        remote == null ? null : remote.getHostAddress()));
  }

  private void ack(Request request) {
    String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    SipCall call = calls.get(callId);
    if (call == null) {
      return;
    }
    synchronized (call) {
      call.ackReceived = true;
      if (call.byePending && call.dialog != null) {
        call.byePending = false;
        calls.remove(callId, call);
        try {
          sendBye(call.dialog);
        } catch (SipException | RuntimeException e) {
          LOG.warn("BYE to {} after its ACK failed", call.channel, e);
        }
        return;
      }
      confirm(call);
    }
  }

  /**
   * Reports the call answered, once, when its 200 was sent: at the ACK, or at the first key when that is handled
   * first (an in-dialog INFO or RTP implies the ACK). Called holding the call's monitor, so that the answer is
   * reported before any key.
   */
  private void confirm(SipCall call) {
    if (call.acked || call.ended || !call.answered) {
      return;
    }
    call.acked = true;
    emit(new TelephonyEvent.CallAnswered(call.channel));
  }

  private void key(SipCall call, char key) {
    synchronized (call) {
      if (call.ended) {
        return;
      }
      confirm(call);
      emit(new TelephonyEvent.DtmfReceived(call.channel, key));
    }
  }

  private void bye(RequestEvent event) throws Exception {
    Request request = event.getRequest();
    String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    SipCall caller = calls.get(callId);
    SipCall agent = caller == null ? agentLegs.get(callId) : null;
    if (caller == null && agent == null) {
      respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
      return;
    }
    respondQuietly(event, Response.OK); // the call ends even when the answer cannot be sent
    if (caller != null) {
      if (end(caller, false, true)) {
        emit(new TelephonyEvent.HungUp(caller.channel, Party.CALLER));
      }
    } else {
      agentLegs.remove(callId, agent);
      if (end(agent, true, false)) {
        emit(new TelephonyEvent.HungUp(agent.channel, Party.AGENT));
      }
    }
  }

  private void cancel(RequestEvent event) throws Exception {
    Request request = event.getRequest();
    String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    SipCall call = calls.get(callId);
    respondQuietly(event, call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK);
    if (call == null) {
      return;
    }
    boolean ended = false;
    synchronized (call) {
      if (!call.answered && !call.ended) {
        call.invite.sendResponse(response(Response.REQUEST_TERMINATED, call.inviteRequest, call.toTag));
        call.answered = true; // the INVITE has its final response
        ended = end(call, false, true);
      }
    }
    if (ended) {
      emit(new TelephonyEvent.HungUp(call.channel, Party.CALLER));
    }
  }

  private void info(RequestEvent event) throws Exception {
    Request request = event.getRequest();
    String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    SipCall call = calls.get(callId);
    if (call == null) {
      respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
      return;
    }
    ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
    String body = body(request);
    String contentType = type == null ? "" : type.getContentType() + "/" + type.getContentSubType();
    String keys = body == null ? "" : DtmfRelay.keys(contentType, body);
    // one INFO at a time per call, keys handed on in order: a phone that sends the next INFO when it has the 200
    // cannot overtake the keys of this one
    synchronized (call) {
      respondQuietly(event, keys.isEmpty() && body != null && !DtmfRelay.understands(contentType)
          ? Response.UNSUPPORTED_MEDIA_TYPE : Response.OK);
      for (char key : keys.toCharArray()) {
        key(call, key);
      }
    }
  }

  /** A NOTIFY of the subscription a REFER of ours created is answered 200 and acted on; any other 481. */
  private void referNotify(RequestEvent event) throws Exception {
    Request request = event.getRequest();
    String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    SipCall call = calls.get(callId);
    if (call == null || !refers.subscribed(call, request)) {
      respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
      return;
    }
    respondQuietly(event, Response.OK);
    refers.notified(call, request);
  }

  /** What {@link ReferTransfer} does through this telephony. */
  private final class ReferSide implements ReferTransfer.Side {
    @Override
    public HeaderFactory headers() {
      return JainSipTelephony.this.headers();
    }

    @Override
    public AddressFactory addresses() {
      return JainSipTelephony.this.addresses();
    }

    @Override
    public ContactHeader contact(String transport) throws ParseException {
      return contactHeader(transport);
    }

    @Override
    public SipURI referrer() throws ParseException {
      SipURI uri = addresses().createSipURI(PRODUCT, host);
      uri.setPort(port);
      return uri;
    }

    @Override
    public ClientTransaction send(Dialog dialog, Request request) throws SipException {
      ClientTransaction ct = provider().getNewClientTransaction(request);
      dialog.sendRequest(ct);
      return ct;
    }

    @Override
    public void handedOff(SipCall call, String target) {
      emit(new TelephonyEvent.TransferCompleted(call.channel, target));
      if (end(call, true, false)) {
        emit(new TelephonyEvent.HungUp(call.channel, Party.TRANSPORT));
      }
    }

    @Override
    public void backToBack(SipCall call, String target, String contact) {
      JainSipTelephony.this.backToBack(call, target, contact);
    }
  }

  private void register(RequestEvent event) throws Exception {
    Request request = event.getRequest();
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    URI aor = to.getAddress().getURI();
    InetAddress remote = ((SIPMessage) request).getRemoteAddress();
    String source = remote == null ? "unknown" : remote.getHostAddress();
    if (!(aor instanceof SipURI sipAor) || sipAor.getUser() == null) {
      respond(event, Response.FORBIDDEN, r -> { });
      return;
    }
    String user = sipAor.getUser();
    DigestChallenges.Outcome outcome = digest.authenticate(Request.REGISTER, user, credentials(request), source,
        uri -> sameUri(uri, request.getRequestURI()));
    if (outcome instanceof DigestChallenges.Outcome.Challenge challenge) {
      respond(event, Response.UNAUTHORIZED, r -> {
        for (String value : challenge.headers()) {
          r.addHeader(headers().createHeader("WWW-Authenticate", value));
        }
      });
      return;
    }
    if (outcome instanceof DigestChallenges.Outcome.Refused refused) {
      if (digest.isLockedOut(user, source)) { // an attacker keeps trying: the lockout itself was logged once
        LOG.debug("REGISTER for {} from {} refused: {}", user, source, refused.reason());
      } else {
        LOG.info("REGISTER for {} from {} refused: {}", user, source, refused.reason());
      }
      emit(new TelephonyEvent.RegistrationRefused(user, source, refused.reason(), clock.instant()));
      respond(event, Response.FORBIDDEN, r -> { });
      return;
    }
    bind(event, user);
  }

  private void bind(RequestEvent event, String user) throws Exception {
    Request request = event.getRequest();
    ExpiresHeader expiresHeader = request.getExpires();
    int defaultExpires = expiresHeader == null ? 3600 : expiresHeader.getExpires();
    List<TelephonyEvent> events = new ArrayList<>();
    ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME);
    Instant now = clock.instant();
    while (contacts.hasNext()) {
      ContactHeader contact = (ContactHeader) contacts.next();
      if (contact.isWildCard()) {
        if (defaultExpires != 0) {
          respond(event, Response.BAD_REQUEST, r -> { });
          return;
        }
        for (Registration r : registrations.find(user)) {
          events.add(new TelephonyEvent.ExtensionUnregistered(user, r.contact()));
        }
        registrations.unregisterAll(user);
        continue;
      }
      int expires = contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires;
      String uri = contact.getAddress().getURI().toString();
      if (expires == 0) {
        registrations.unregister(user, uri);
        events.add(new TelephonyEvent.ExtensionUnregistered(user, uri));
      } else {
        long seconds = Math.min(Math.max(expires, 60), maxExpires.toSeconds());
        Registration registration = new Registration(user, uri, now.plusSeconds(seconds));
        registrations.register(registration);
        events.add(new TelephonyEvent.ExtensionRegistered(registration));
      }
    }
    List<Registration> bound = registrations.find(user);
    ExtensionPresence tracked = presence;
    if (tracked != null) { // before the 200: whoever hears OK finds the extension's status already updated
      if (bound.isEmpty()) {
        tracked.unregistered(user);
      } else {
        tracked.registered(user);
      }
    }
    respond(event, Response.OK, r -> {
      for (Registration registration : bound) {
        ContactHeader contact = headers().createContactHeader(addresses().createAddress(registration.contact()));
        contact.setExpires((int) Math.max(0, Duration.between(now, registration.expiresAt()).toSeconds()));
        r.addHeader(contact);
      }
    });
    events.forEach(JainSipTelephony.this::emit);
  }

  /** Whether the digest {@code uri} names {@code requestUri}, compared as SIP URIs (RFC 3261 19.1.4). */
  private boolean sameUri(String digestUri, URI requestUri) {
    if (digestUri.equals(requestUri.toString())) {
      return true;
    }
    try {
      return addresses().createURI(digestUri).equals(requestUri);
    } catch (ParseException | RuntimeException e) {
      return false;
    }
  }

  private static DigestChallenges.@Nullable Credentials credentials(Request request) {
    AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
    if (auth == null || auth.getScheme() == null || !auth.getScheme().equalsIgnoreCase("Digest")) {
      return null;
    }
    String username = auth.getParameter("username");
    String realm = auth.getParameter("realm");
    String nonce = auth.getParameter("nonce");
    String uri = auth.getParameter("uri");
    String response = auth.getParameter("response");
    if (username == null || realm == null || nonce == null || uri == null || response == null) {
      return null;
    }
    return new DigestChallenges.Credentials(username, realm, nonce, uri, response, auth.getParameter("algorithm"),
        auth.getParameter("qop"), auth.getParameter("cnonce"), auth.getParameter("nc"));
  }

  private void agentAnswered(ResponseEvent event, @Nullable SipCall call, long cseq)
      throws SipException, InvalidArgumentException {
    Dialog dialog = event.getDialog();
    if (dialog == null) {
      return;
    }
    Request ack = dialog.createAck(cseq);
    dialog.sendAck(ack);
    if (call == null) { // the caller left already: end the agent leg too
      sendBye(dialog);
      return;
    }
    boolean connected = false;
    synchronized (call) {
      if (call.ended) {
        sendBye(dialog);
        CallIdHeader id = (CallIdHeader) event.getResponse().getHeader(CallIdHeader.NAME);
        agentLegs.remove(id.getCallId(), call);
      } else if (!call.agentConnected) {
        call.agentConnected = true;
        call.agentDialog = dialog;
        connected = true;
      }
    }
    if (connected) {
      emit(new TelephonyEvent.TransferCompleted(call.channel, String.valueOf(call.agentTarget)));
      reinviteCaller(call, event.getResponse());
    }
  }

  /**
   * Offers the agent's media to the caller by a re-INVITE in the caller's dialog, so that audio flows both ways: the
   * agent already has the caller's SDP. The offer keeps our SDP origin (RFC 3264 8) with the next version.
   */
  private void reinviteCaller(SipCall call, Response agentOk) {
    byte[] raw = agentOk.getRawContent();
    if (raw == null || raw.length == 0) {
      LOG.info("the agent of {} answered without SDP; the caller keeps its media", call.channel);
      return;
    }
    String agentSdp = new String(raw, StandardCharsets.UTF_8);
    synchronized (call) {
      Dialog dialog = call.dialog;
      if (call.ended || dialog == null) {
        return;
      }
      try {
        call.sdpVersion++;
        String ip = host.indexOf(':') >= 0 ? "IP6" : "IP4";
        String offer = agentSdp.replaceFirst("(?m)^o=[^\\r\\n]*",
            "o=callcenter " + call.sdpSession + " " + call.sdpVersion + " IN " + ip + " " + host);
        Request reinvite = dialog.createRequest(Request.INVITE);
        if (reinvite.getHeader(ContactHeader.NAME) == null) {
          reinvite.addHeader(contactHeader(transportOf(call.inviteRequest)));
        }
        reinvite.setContent(offer, headers().createContentTypeHeader("application", "sdp"));
        ClientTransaction ct = provider().getNewClientTransaction(reinvite);
        dialog.sendRequest(ct);
      } catch (ParseException | SipException | RuntimeException e) {
        LOG.warn("re-INVITE of {} with the agent's media failed; the call stays up", call.channel, e);
      }
    }
  }

  /** The caller's answer to our re-INVITE: a 2xx is acknowledged; a refusal keeps the call as it was. */
  private void callerReinviteAnswered(ResponseEvent event, SipCall call, int status, long cseq)
      throws SipException, InvalidArgumentException {
    if (status >= 300) { // the stack acknowledges a failure itself
      LOG.info("the caller of {} refused the agent's media ({} {}); the call stays up", call.channel, status,
          event.getResponse().getReasonPhrase());
      return;
    }
    Dialog dialog = event.getDialog();
    if (dialog == null) {
      return;
    }
    dialog.sendAck(dialog.createAck(cseq));
  }

  private void agentRefused(SipCall call, String reason) {
    String target;
    synchronized (call) {
      if (call.agentCallId == null || call.agentConnected) {
        return;
      }
      agentLegs.remove(call.agentCallId, call);
      target = String.valueOf(call.agentTarget);
      call.agentCallId = null;
      call.agentInvite = null;
      if (call.ended) {
        return;
      }
    }
    emit(new TelephonyEvent.TransferFailed(call.channel, target, reason));
  }

  // ---- plumbing -----------------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface ResponseCustomizer {
    void customize(Response response) throws Exception;
  }

  private void respond(RequestEvent event, int status, ResponseCustomizer customizer) throws Exception {
    Request request = event.getRequest();
    Response response = messages().createResponse(status, request);
    ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
    if (to != null && to.getTag() == null && status >= 200 && !Request.CANCEL.equals(request.getMethod())) {
      to.setTag(tag());
    }
    customizer.customize(response);
    ServerTransaction st = serverTransaction(event);
    if (st != null) {
      st.sendResponse(response);
    } else {
      provider().sendResponse(response);
    }
  }

  private void respondQuietly(RequestEvent event, int status) {
    try {
      respond(event, status, r -> { });
    } catch (Exception e) {
      LOG.debug("could not answer {} with {}", event.getRequest().getMethod(), status, e);
    }
  }

  private @Nullable ServerTransaction serverTransaction(RequestEvent event) {
    ServerTransaction st = event.getServerTransaction();
    if (st != null) {
      return st;
    }
    try {
      return provider().getNewServerTransaction(event.getRequest());
    } catch (TransactionAlreadyExistsException e) {
      return null;
    } catch (Exception e) {
      LOG.debug("no server transaction for {}", event.getRequest().getMethod(), e);
      return null;
    }
  }

  private Response response(int status, Request request, String toTag) throws ParseException {
    Response response = messages().createResponse(status, request);
    ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(toTag);
    if (status >= 180 && status < 300) {
      response.addHeader(contactHeader(transportOf(request)));
    }
    return response;
  }

  private ContactHeader contactHeader(String transport) throws ParseException {
    SipURI uri = addresses().createSipURI(PRODUCT, host);
    uri.setPort(port);
    uri.setTransportParam(transport);
    return headers().createContactHeader(addresses().createAddress(uri));
  }

  private static String transportOf(Request request) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    return via == null || via.getTransport() == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
  }

  private static @Nullable String body(Request request) {
    byte[] raw = request.getRawContent();
    return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
  }

  private static String userOf(URI uri) {
    if (uri instanceof SipURI sip && sip.getUser() != null) {
      return sip.getUser();
    }
    String text = uri.toString();
    int colon = text.indexOf(':');
    return colon >= 0 ? text.substring(colon + 1) : text;
  }

  private static String safeUser(String user) {
    String cleaned = user.replaceAll("[^A-Za-z0-9+._~-]", "");
    return cleaned.isEmpty() ? "anonymous" : cleaned;
  }

  private static String tag() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private void emit(TelephonyEvent event) {
    PromptPlayer p = player;
    if (p != null && event instanceof TelephonyEvent.TransferCompleted done) {
      p.silence(done.channel()); // the caller's media belongs to the agent now
    }
    TelephonyListener l = listener;
    if (l == null) {
      return;
    }
    try {
      l.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("telephony listener failed on {}", event.getClass().getSimpleName(), e);
    }
  }

  private SipProvider provider() {
    SipProvider p = provider;
    if (p == null) {
      throw new CallCenterException("the SIP telephony is not started");
    }
    return p;
  }

  private RtpListener rtp() {
    RtpListener r = rtp;
    if (r == null) {
      throw new CallCenterException("the SIP telephony is not started");
    }
    return r;
  }

  private AddressFactory addresses() {
    AddressFactory f = addresses;
    if (f == null) {
      throw new CallCenterException("the SIP telephony is not started");
    }
    return f;
  }

  private HeaderFactory headers() {
    HeaderFactory f = headers;
    if (f == null) {
      throw new CallCenterException("the SIP telephony is not started");
    }
    return f;
  }

  private MessageFactory messages() {
    MessageFactory f = messages;
    if (f == null) {
      throw new CallCenterException("the SIP telephony is not started");
    }
    return f;
  }

  /**
   * Settings of a {@link JainSipTelephony}. Each may be set once; {@code DEFAULT_*} are the values when unset.
   */
  public static final class Builder {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5060;
    public static final String DEFAULT_REALM = "callcenter";
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_MAX_EXPIRES = Duration.ofHours(1);
    public static final Duration DEFAULT_PRESENCE_SWEEP = Duration.ofSeconds(30);
    public static final boolean DEFAULT_REFER_TRANSFERS = false;
    /** 64·T1 (the longest a non-INVITE transaction may take), which leaves the agent's phone time to ring. */
    public static final Duration DEFAULT_REFER_TIMEOUT = Duration.ofSeconds(32);

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Set<String> transports = Set.of("udp", "tcp");
    private String realm = DEFAULT_REALM;
    private DigestCredentialSource credentials = DigestCredentialSource.none();
    private @Nullable Registrations registrations;
    private @Nullable Clock clock;
    private Duration nonceLifetime = DEFAULT_NONCE_LIFETIME;
    private int maxFailures = DEFAULT_MAX_FAILURES;
    private Duration lockout = DEFAULT_LOCKOUT;
    private Duration maxExpires = DEFAULT_MAX_EXPIRES;
    private Duration ringing = Duration.ZERO;
    private @Nullable ExtensionStore extensions;
    private Duration presenceSweep = DEFAULT_PRESENCE_SWEEP;
    private List<String> algorithms = DigestChallenges.ALGORITHMS;
    private boolean referTransfers = DEFAULT_REFER_TRANSFERS;
    private Duration referTimeout = DEFAULT_REFER_TIMEOUT;
    private @Nullable Path promptAudio;
    private final Set<String> set = new LinkedHashSet<>();

    private Builder() {}

    /** The IP address to listen on (and to announce in Contact and SDP). */
    public Builder host(String value) {
      once("host");
      if (value == null || value.isBlank()) {
        throw InvalidInputException.of("host", "must be an IP address, was '%s'", value);
      }
      host = value.strip();
      return this;
    }

    public Builder port(int value) {
      once("port");
      if (value < 1 || value > 65535) {
        throw InvalidInputException.of("port", "must be 1-65535, was %d", value);
      }
      port = value;
      return this;
    }

    /** Transports to listen on, from {@code udp} and {@code tcp}. */
    public Builder transports(String... values) {
      once("transports");
      Set<String> chosen = new LinkedHashSet<>();
      for (String v : values) {
        String t = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
        if (!t.equals("udp") && !t.equals("tcp")) {
          throw InvalidInputException.of("transports", "must be udp or tcp, was '%s'", v);
        }
        chosen.add(t);
      }
      if (chosen.isEmpty()) {
        throw InvalidInputException.of("transports", "must name at least one of udp, tcp");
      }
      transports = chosen;
      return this;
    }

    /** The digest realm of the registrar. */
    public Builder realm(String value) {
      once("realm");
      if (value == null || !value.matches("[A-Za-z0-9._-]{1,128}")) {
        throw InvalidInputException.of("realm", "must be 1-128 letters, digits, '.', '_' or '-', was '%s'", value);
      }
      realm = value;
      return this;
    }

    /** Where the registrar finds each extension's HA1; nobody can register without it. */
    public Builder credentials(DigestCredentialSource value) {
      once("credentials");
      if (value == null) {
        throw InvalidInputException.of("credentials", "is required");
      }
      credentials = value;
      return this;
    }

    public Builder registrations(Registrations value) {
      once("registrations");
      if (value == null) {
        throw InvalidInputException.of("registrations", "is required");
      }
      registrations = value;
      return this;
    }

    public Builder clock(Clock value) {
      once("clock");
      if (value == null) {
        throw InvalidInputException.of("clock", "is required");
      }
      clock = value;
      return this;
    }

    /** How long a nonce is good for; an older one gets a new challenge with {@code stale=true}. */
    public Builder nonceLifetime(Duration value) {
      once("nonceLifetime");
      nonceLifetime = positive(value, "nonceLifetime");
      return this;
    }

    /** Failed attempts of one user from one address before it is locked out (×4 for one address). */
    public Builder maxFailures(int value) {
      once("maxFailures");
      if (value < 1 || value > 1000) {
        throw InvalidInputException.of("maxFailures", "must be 1-1000, was %d", value);
      }
      maxFailures = value;
      return this;
    }

    public Builder lockout(Duration value) {
      once("lockout");
      lockout = positive(value, "lockout");
      return this;
    }

    /** The longest registration granted. */
    public Builder maxExpires(Duration value) {
      once("maxExpires");
      maxExpires = positive(value, "maxExpires");
      return this;
    }

    /**
     * Keeps each extension's status in {@code store} in step with its registrations: REGISTERED when a REGISTER
     * succeeds, UNREGISTERED when its last contact is removed or expires (see {@link ExtensionPresence}).
     */
    public Builder extensions(ExtensionStore value) {
      once("extensions");
      if (value == null) {
        throw InvalidInputException.of("extensions", "is required");
      }
      extensions = value;
      return this;
    }

    /** How often lapsed registrations are looked for, when {@link #extensions} is set. */
    public Builder presenceSweep(Duration value) {
      once("presenceSweep");
      presenceSweep = positive(value, "presenceSweep");
      return this;
    }

    /** How long a call rings before it is answered (default: answered at once). */
    public Builder ringing(Duration value) {
      once("ringing");
      if (value == null || value.isNegative()) {
        throw InvalidInputException.of("ringing", "must be zero or positive, was %s", value);
      }
      ringing = value;
      return this;
    }

    /**
     * The digest algorithms challenged with, one WWW-Authenticate header each in this order (default
     * {@code SHA-256, MD5}: clients take the first they support).
     */
    public Builder digestAlgorithms(String... values) {
      once("digestAlgorithms");
      List<String> chosen = new ArrayList<>();
      for (String v : values) {
        String a = v == null ? "" : v.strip().toUpperCase(Locale.ROOT);
        if (!DigestChallenges.ALGORITHMS.contains(a)) {
          throw InvalidInputException.of("digestAlgorithms", "must be SHA-256 or MD5, was '%s'", v);
        }
        if (!chosen.contains(a)) {
          chosen.add(a);
        }
      }
      if (chosen.isEmpty()) {
        throw InvalidInputException.of("digestAlgorithms", "must name SHA-256, MD5 or both");
      }
      algorithms = List.copyOf(chosen);
      return this;
    }

    /**
     * Whether a transfer asks a caller that supports REFER (its INVITE lists REFER in {@code Allow}; a phone
     * without Allow is taken not to) to call the target itself (RFC 3515), instead of bridging the two back to
     * back. Off by default: after a REFER the call no longer passes through this telephony, so the call center
     * cannot tell when the agent's conversation ends; the call is reported ended at the hand-off (its handle time
     * stops there, and the agent goes to wrap-up or AVAILABLE while still talking). Keep it off where handle times
     * and agent states matter; a REFER that fails falls back to the back-to-back transfer.
     */
    public Builder referTransfers(boolean value) {
      once("referTransfers");
      referTransfers = value;
      return this;
    }

    /**
     * How long a REFER may take to report a final status (its final NOTIFY) before the transfer falls back to back
     * to back, when {@link #referTransfers} is on. It counts from the REFER, so it includes the agent's phone
     * ringing; a REFER cannot be withdrawn, so an agent that answers the caller's call later than this also gets
     * the back-to-back INVITE.
     */
    public Builder referTimeout(Duration value) {
      once("referTimeout");
      referTimeout = positive(value, "referTimeout");
      return this;
    }

    /**
     * The directory prompt audio is read from (default: none, every prompt is reported as played at once). A
     * prompt's {@link FlowAction.PlayPrompt#audio() audio} names a file in it, by a relative path or a {@code file:}
     * URI; a name that leads out of it ({@code ..}, an absolute path elsewhere, a link) is never read. A G.711 WAV
     * file (μ-law or A-law, 8000 Hz, mono, 8-bit) is streamed to the caller as RTP, in the law the caller
     * negotiated; a missing or unplayable one is reported once as a WARN, and its prompt as played at once.
     */
    public Builder promptAudio(Path value) {
      once("promptAudio");
      if (value == null) {
        throw InvalidInputException.of("promptAudio", "is required");
      }
      Path real;
      try {
        real = value.toRealPath();
      } catch (IOException | RuntimeException e) {
        throw InvalidInputException.of("promptAudio", "must be an existing directory, was '%s'", value);
      }
      if (!Files.isDirectory(real)) {
        throw InvalidInputException.of("promptAudio", "must be a directory, was '%s'", value);
      }
      promptAudio = real;
      return this;
    }

    public JainSipTelephony build() {
      return new JainSipTelephony(this);
    }

    private void once(String field) {
      if (!set.add(field)) {
        throw InvalidInputException.of(field, "was already set");
      }
    }

    private static Duration positive(@Nullable Duration value, String field) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw InvalidInputException.of(field, "must be a positive duration, was %s", value);
      }
      return value;
    }
  }
}
