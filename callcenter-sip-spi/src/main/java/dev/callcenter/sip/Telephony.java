package dev.callcenter.sip;

import dev.callcenter.core.flow.FlowAction;

/**
 * A telephony transport: SIP, Asterisk ARI, a FreeSWITCH event socket, a cloud provider, or the in-memory
 * {@link LoopbackTelephony}. It reports what happens to its listener and carries out commands. Commands never
 * block on the network: their outcome arrives later as an event. A command for a channel that has ended is
 * ignored.
 *
 * <p>Implementations are tested by subclassing {@code dev.callcenter.testkit.sip.TelephonyCompatibilityKit}.
 */
public interface Telephony extends AutoCloseable {
  /**
   * Starts taking calls and reporting events to {@code listener}.
   *
   * @throws dev.callcenter.core.IllegalTransitionException when already started
   */
  void start(TelephonyListener listener);

  /** Answers an offered call; {@link TelephonyEvent.CallAnswered} follows. */
  void answer(ChannelId channel);

  /**
   * Plays a prompt to the caller (streamed when it has audio the transport can play, otherwise reported as
   * played); {@link TelephonyEvent.PromptFinished} follows. Prompts play in the order asked for.
   */
  void playPrompt(ChannelId channel, FlowAction.PlayPrompt prompt);

  /**
   * Connects the caller to {@code target}: a registered extension, a phone number or a SIP URI.
   * {@link TelephonyEvent.TransferCompleted} or {@link TelephonyEvent.TransferFailed} follows.
   */
  void transfer(ChannelId channel, String target);

  /**
   * Ends the call (refuses it when it was not answered yet), with every leg it is bridged to;
   * {@link TelephonyEvent.HungUp} follows.
   */
  void hangUp(ChannelId channel);

  /** Hangs up every call and stops; idempotent. */
  @Override
  void close();
}
