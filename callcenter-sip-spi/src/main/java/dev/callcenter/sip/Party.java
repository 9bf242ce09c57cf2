package dev.callcenter.sip;

/** Who ended a call leg. */
public enum Party {
  /** The caller hung up (or cancelled while it rang). */
  CALLER,
  /** The agent or endpoint the caller was transferred to hung up. */
  AGENT,
  /** This side ended the call: asked by {@link Telephony#hangUp}, or a network failure, a timeout, shutting down. */
  TRANSPORT
}
