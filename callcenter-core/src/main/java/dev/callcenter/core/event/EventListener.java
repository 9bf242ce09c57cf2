package dev.callcenter.core.event;

/**
 * Receives events. Called on the publishing thread, in sequence order; keep it quick and hand slow work to an
 * executor. A listener that throws is logged and skipped: it never breaks call handling or other listeners.
 */
@FunctionalInterface
public interface EventListener {
  void onEvent(Event event);
}
