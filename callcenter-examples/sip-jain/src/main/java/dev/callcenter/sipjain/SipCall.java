package dev.callcenter.sipjain;

import dev.callcenter.sip.ChannelId;
import java.time.Instant;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.jspecify.annotations.Nullable;

/**
 * One inbound call and the agent leg it may be bridged to, or the REFER handing it off. Guarded by its own monitor.
 */
final class SipCall {
  final ChannelId channel;
  final ServerTransaction invite;
  final Request inviteRequest;
  final String toTag;
  final @Nullable String offer;
  final @Nullable Sdp offered;
  final RtpListener.@Nullable Stream rtp;
  final String callerUser;
  final @Nullable String callerName;
  final Instant offeredAt;

  boolean answered;
  boolean acked;
  boolean ackReceived;
  boolean byePending;
  boolean ended;
  @Nullable Dialog dialog;
  /** The SDP session id of our answer, and its version: a re-offer keeps the id and counts the version up. */
  long sdpSession;
  long sdpVersion;

  @Nullable String agentCallId;
  @Nullable String agentTarget;
  @Nullable ClientTransaction agentInvite;
  @Nullable Dialog agentDialog;
  boolean agentConnected;

  /** A transfer by REFER under way, or null (see {@link ReferTransfer}). */
  ReferTransfer.@Nullable Pending refer;

  SipCall(ChannelId channel, ServerTransaction invite, Request inviteRequest, String toTag, @Nullable String offer,
      @Nullable Sdp offered, RtpListener.@Nullable Stream rtp, String callerUser, @Nullable String callerName,
      Instant offeredAt) {
    this.channel = channel;
    this.invite = invite;
    this.inviteRequest = inviteRequest;
    this.toTag = toTag;
    this.offer = offer;
    this.offered = offered;
    this.rtp = rtp;
    this.callerUser = callerUser;
    this.callerName = callerName;
    this.offeredAt = offeredAt;
  }
}
