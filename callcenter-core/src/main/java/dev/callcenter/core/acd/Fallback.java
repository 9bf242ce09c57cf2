package dev.callcenter.core.acd;

/**
 * What happens to a call a queue cannot keep: refused on entry (full, or no agent logged in), waiting longer than
 * the maximum, or left in a queue whose last agent logged out. An overflow queue, when configured, is tried first.
 */
public enum Fallback {
  /** The call stays in the queue (maximum wait and "leave when empty" do nothing; a refused call still joins). */
  NONE,
  /** The call is transferred to voicemail: status TRANSFERRED, tag {@code fallback:voicemail}. */
  VOICEMAIL,
  /** The call is transferred to ticket creation: status TRANSFERRED, tag {@code fallback:ticket}. */
  TICKET,
  /** The call becomes a callback that keeps its place in the queue. */
  CALLBACK
}
