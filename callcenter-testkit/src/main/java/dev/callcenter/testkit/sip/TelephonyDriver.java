package dev.callcenter.testkit.sip;

import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.LoopbackTelephony;
import dev.callcenter.sip.Telephony;
import java.time.Duration;

/**
 * Plays the far end of a {@link Telephony} transport for the {@link TelephonyCompatibilityKit}: callers that dial
 * in, press keys and hang up, and agents that register and answer transfers. A driver for a SIP adapter sends real
 * SIP; the loopback driver calls {@link LoopbackTelephony} directly. Methods may return before the transport has
 * seen the action: the kit waits for its effects.
 */
public interface TelephonyDriver extends AutoCloseable {
  /** The transport under test, not yet started. */
  Telephony telephony();

  /** A caller from {@code from} dials {@code to}; returns the channel id the transport reports the call with. */
  ChannelId call(String from, String to);

  /** The caller keys DTMF {@code keys}. */
  void pressKeys(ChannelId channel, String keys);

  /** The caller hangs up. */
  void hangUpAsCaller(ChannelId channel);

  /** The agent the caller was transferred to hangs up. */
  void hangUpAsAgent(ChannelId channel);

  /** An agent registers {@code extension} and will answer calls transferred to it. */
  void registerAgent(String extension);

  /** Whether the caller's leg has ended (the far end saw the hang-up). */
  boolean callerLegEnded(ChannelId channel);

  /** Whether the caller is talking to {@code extension}'s agent. */
  boolean connectedTo(ChannelId channel, String extension);

  /** Whether the agent leg of the channel has ended (or there never was one). */
  boolean agentLegEnded(ChannelId channel);

  /** How long the kit waits for an effect of this transport. */
  default Duration patience() {
    return Duration.ofSeconds(10);
  }

  @Override
  void close();

  /** Drives a new {@link LoopbackTelephony}. */
  static TelephonyDriver loopback() {
    LoopbackTelephony loopback = new LoopbackTelephony();
    return new TelephonyDriver() {
      @Override
      public Telephony telephony() {
        return loopback;
      }

      @Override
      public ChannelId call(String from, String to) {
        return loopback.offerCall(from, to);
      }

      @Override
      public void pressKeys(ChannelId channel, String keys) {
        loopback.pressKeys(channel, keys);
      }

      @Override
      public void hangUpAsCaller(ChannelId channel) {
        loopback.hangUpAsCaller(channel);
      }

      @Override
      public void hangUpAsAgent(ChannelId channel) {
        loopback.hangUpAsAgent(channel);
      }

      @Override
      public void registerAgent(String extension) {
        loopback.registerExtension(extension, Duration.ofHours(1));
      }

      @Override
      public boolean callerLegEnded(ChannelId channel) {
        return loopback.state(channel) == LoopbackTelephony.ChannelState.ENDED;
      }

      @Override
      public boolean connectedTo(ChannelId channel, String extension) {
        return loopback.state(channel) == LoopbackTelephony.ChannelState.CONNECTED
            && loopback.connectedTo(channel).filter(extension::equals).isPresent();
      }

      @Override
      public boolean agentLegEnded(ChannelId channel) {
        return loopback.state(channel) != LoopbackTelephony.ChannelState.CONNECTED;
      }

      @Override
      public void close() {
        loopback.close();
      }
    };
  }
}
