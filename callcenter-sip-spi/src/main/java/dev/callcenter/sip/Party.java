package dev.callcenter.sip;

/** Who ended a call leg. */
public enum Party {
  /** The caller hung up (or cancelled while it rang). */
  CALLER,
  /** The agent or endpoint the caller was transferred to hung up. */
  AGENT,
  /**
   * This side ended the call: asked by {@link Telephony#hangUp}, or a network failure, a timeout, shutting down, or a
   * transfer that handed the caller off (a SIP REFER: the caller now talks to the target without this transport).
   */
  TRANSPORT
}
