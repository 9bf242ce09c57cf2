package dev.callcenter.sip;

/**
 * Receives what a {@link Telephony} transport reports. Transports call it from their own threads, possibly
 * concurrently for different channels, in order for one channel; a listener that throws is logged by the transport
 * and never breaks it.
 */
@FunctionalInterface
public interface TelephonyListener {
  void onEvent(TelephonyEvent event);
}
