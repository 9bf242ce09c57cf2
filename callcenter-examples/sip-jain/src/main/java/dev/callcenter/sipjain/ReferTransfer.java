package dev.callcenter.sipjain;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers an answered caller by REFER (RFC 3515): the caller is asked, in its own dialog, to call the target
 * itself. The REFER carries {@code Refer-To: <target contact>} and {@code Referred-By} (RFC 3892) naming us; the
 * caller's 2xx (202 Accepted) creates the implicit subscription, whose NOTIFYs ({@code Event: refer}, a
 * {@code message/sipfrag} status line) the telephony answers 200 and hands to {@link #notified}.
 *
 * <ul>
 *   <li>A final sipfrag 2xx: the caller talks to the target without us; {@link Side#handedOff} reports the transfer
 *       and ends our leg.
 *   <li>The REFER refused or unanswered, a final sipfrag that is not 2xx, the subscription terminated without a
 *       final status, or no final status within the timeout: {@link Side#backToBack} transfers to the same target
 *       back to back, so that the caller is not lost. Why is logged at INFO.
 * </ul>
 *
 * <p>Only callers whose INVITE listed REFER in {@code Allow} are referred ({@link #supportedBy}); a phone without an
 * Allow header is taken not to support it. A REFER under way is {@link SipCall#refer}, guarded by the call's monitor.
 */
final class ReferTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(ReferTransfer.class);
  private static final Pattern SIPFRAG_STATUS = Pattern.compile("\\ASIP/2\\.0[ \\t]+([1-6][0-9][0-9])([^\\r\\n]*)");
  private static final String EVENT = "refer";

  /** What a transfer by REFER needs from the telephony. */
  interface Side {
    HeaderFactory headers();

    AddressFactory addresses();

    /** Our Contact for {@code transport}. */
    ContactHeader contact(String transport) throws ParseException;

    /** Our SIP URI, as named in {@code Referred-By}. */
    SipURI referrer() throws ParseException;

    /** Sends {@code request} in {@code dialog}. */
    ClientTransaction send(Dialog dialog, Request request) throws SipException;

    /** The caller reached {@code target}: report the transfer done and end our leg with the caller. */
    void handedOff(SipCall call, String target);

    /** The REFER did not hand the call off: transfer it to {@code target} at {@code contact} back to back. */
    void backToBack(SipCall call, String target, String contact);
  }

  /** One REFER under way. */
  static final class Pending {
    final String target;
    final String contact;
    /** The REFER's CSeq number, which NOTIFYs may carry as the Event id (RFC 3515 2.4.6). */
    long cseq;
    @Nullable ScheduledFuture<?> deadline;

    Pending(String target, String contact) {
      this.target = target;
      this.contact = contact;
    }
  }

  private final Side side;
  private final ScheduledExecutorService timer;
  private final Duration timeout;

  ReferTransfer(Side side, ScheduledExecutorService timer, Duration timeout) {
    this.side = side;
    this.timer = timer;
    this.timeout = timeout;
  }

  /** Whether the caller's INVITE lists REFER in its Allow header(s) (RFC 3261 20.5; methods are case-sensitive). */
  static boolean supportedBy(Request invite) {
    ListIterator<?> allows = invite.getHeaders(AllowHeader.NAME);
    while (allows != null && allows.hasNext()) {
      if (allows.next() instanceof AllowHeader allow && Request.REFER.equals(allow.getMethod())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends a REFER to {@code target}'s {@code contact} in the caller's dialog. Returns false, having sent nothing,
   * when the call cannot be referred: the caller does not support REFER, the call is not answered and acknowledged,
   * or a transfer is already under way.
   */
  boolean start(SipCall call, String target, String contact, String transport) {
    if (!supportedBy(call.inviteRequest)) {
      return false;
    }
    synchronized (call) {
      Dialog dialog = call.dialog;
      if (call.ended || !call.ackReceived || dialog == null || call.refer != null || call.agentCallId != null) {
        return false;
      }
      Pending pending = new Pending(target, contact);
      try {
        Request refer = dialog.createRequest(Request.REFER);
        HeaderFactory headers = side.headers();
        // the contact as registered, inside <> so that its parameters stay the URI's
        refer.addHeader(headers.createReferToHeader(side.addresses().createAddress(contact)));
        refer.addHeader(headers.createHeader("Referred-By", "<" + side.referrer() + ">"));
        refer.setHeader(side.contact(transport)); // the Contact of our 200, not the stack's default without a user
        call.refer = pending;
        ClientTransaction ct = side.send(dialog, refer);
        pending.cseq = ((CSeqHeader) ct.getRequest().getHeader(CSeqHeader.NAME)).getSeqNumber();
        pending.deadline = timer.schedule(() -> fallBack(call, pending, "no final NOTIFY within " + timeout),
            timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (ParseException | SipException | RuntimeException e) {
        call.refer = null;
        LOG.info("REFER of {} to {} could not be sent ({}); transferring back to back", call.channel, target,
            e.toString());
        return false;
      }
    }
    LOG.debug("REFER of {} to {} ({}) sent", call.channel, target, contact);
    return true;
  }

  /** The caller's final answer to the REFER numbered {@code cseq}: 2xx accepts it, anything else falls back. */
  void answered(SipCall call, Response response, long cseq) {
    int status = response.getStatusCode();
    if (status < 200) {
      return;
    }
    Pending pending;
    synchronized (call) {
      pending = call.refer;
      if (pending == null || pending.cseq != cseq) {
        return;
      }
      if (status < 300) {
        LOG.debug("the caller of {} accepted the REFER ({})", call.channel, status);
        return;
      }
    }
    fallBack(call, pending, "the caller answered the REFER " + status + " " + printable(response.getReasonPhrase()));
  }

  /** The REFER numbered {@code cseq} had no final answer (its transaction timed out). */
  void unanswered(SipCall call, long cseq) {
    Pending pending;
    synchronized (call) {
      pending = call.refer;
      if (pending == null || pending.cseq != cseq) {
        return;
      }
    }
    fallBack(call, pending, "no answer to the REFER");
  }

  /**
   * Whether {@code notify} belongs to the REFER under way on {@code call}: {@code Event: refer}, with the REFER's
   * CSeq as its id when it has one. A NOTIFY that does not is answered 481 by the telephony.
   */
  boolean subscribed(SipCall call, Request notify) {
    EventHeader event = (EventHeader) notify.getHeader(EventHeader.NAME);
    if (event == null || !EVENT.equalsIgnoreCase(event.getEventType())) {
      return false;
    }
    synchronized (call) {
      Pending pending = call.refer;
      return pending != null && (event.getEventId() == null || event.getEventId().equals(Long.toString(pending.cseq)));
    }
  }

  /** A NOTIFY of the subscription, already answered 200: progress, the hand-off, or a failure to fall back from. */
  void notified(SipCall call, Request notify) {
    String fragment = sipfrag(notify);
    Matcher status = SIPFRAG_STATUS.matcher(fragment == null ? "" : fragment);
    int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
    SubscriptionStateHeader state = (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
    boolean terminated = state != null && SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(state.getState());
    Pending pending;
    synchronized (call) {
      pending = call.refer;
      if (pending == null) {
        return;
      }
      if (code < 200 && !terminated) {
        LOG.debug("REFER of {}: the caller's call to {} is at {}", call.channel, pending.target, code);
        return;
      }
      if (code >= 200 && code < 300) {
        finish(call, pending);
        if (call.ended) {
          return;
        }
        LOG.info("{} was handed off to {} by REFER ({})", call.channel, pending.target, code);
        side.handedOff(call, pending.target); // under the call's monitor: a BYE cannot come between the two events
        return;
      }
    }
    fallBack(call, pending, code >= 300
        ? "the caller's call to the target ended " + code + printable(status.group(2))
        : "the subscription ended without a final status");
  }

  /** Forgets the REFER under way, if any, when the call ends; called holding the call's monitor. */
  static void forget(SipCall call) {
    Pending pending = call.refer;
    if (pending != null) {
      finish(call, pending);
    }
  }

  private void fallBack(SipCall call, Pending pending, String why) {
    synchronized (call) {
      if (call.refer != pending) {
        return; // already finished
      }
      finish(call, pending);
      if (call.ended) {
        return;
      }
    }
    LOG.info("REFER of {} to {} did not hand the call off ({}); transferring back to back", call.channel,
        pending.target, why);
    side.backToBack(call, pending.target, pending.contact);
  }

  private static void finish(SipCall call, Pending pending) {
    call.refer = null;
    ScheduledFuture<?> deadline = pending.deadline;
    if (deadline != null) {
      deadline.cancel(false);
    }
  }

  /** The NOTIFY's {@code message/sipfrag} body, or null when it has none. */
  private static @Nullable String sipfrag(Request notify) {
    ContentTypeHeader type = (ContentTypeHeader) notify.getHeader(ContentTypeHeader.NAME);
    byte[] raw = notify.getRawContent();
    if (type == null || raw == null || !"message".equalsIgnoreCase(type.getContentType())
        || !"sipfrag".equalsIgnoreCase(type.getContentSubType())) {
      return null;
    }
    return new String(raw, StandardCharsets.UTF_8);
  }

  /** Network text fit for a log line: printable ASCII, at most 64 characters. */
  private static String printable(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String cleaned = text.replaceAll("[^\\x20-\\x7E]", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
  }
}
