package dev.callcenter.core.event;

/** A live subscription; {@link #close()} stops delivery. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
