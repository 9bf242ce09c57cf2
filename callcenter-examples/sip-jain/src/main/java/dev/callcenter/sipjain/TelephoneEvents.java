package dev.callcenter.sipjain;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4733 telephone-events from the RTP packets of one stream and reports each key once. A sender repeats
 * the end packet of an event (usually three times) with the same timestamp: only the first counts. A new event
 * starts with a new timestamp, or with a non-end packet after an end (a sender replaying a recording repeats even
 * the timestamp).
 */
final class TelephoneEvents {
  private static final String KEYS = "0123456789*#ABCD";

  private final int payloadType;
  private long ssrc = -1;
  private long timestamp = -1;
  private boolean endReported;

  /** For RTP packets whose telephone-events have payload type {@code payloadType} (often 101). */
  TelephoneEvents(int payloadType) {
    this.payloadType = payloadType;
  }

  /**
   * Reads one RTP packet (the buffer from position to limit).
   *
   * @return the key that just ended, or 0 when this packet ends no new key
   */
  char accept(ByteBuffer packet) {
    Event event = parse(packet, payloadType);
    if (event == null) {
      return 0;
    }
    if (event.ssrc() != ssrc || event.timestamp() != timestamp) {
      ssrc = event.ssrc();
      timestamp = event.timestamp();
      endReported = false;
    } else if (!event.end() && endReported) {
      endReported = false; // the same event played again
    }
    if (event.end() && !endReported) {
      endReported = true;
      return event.event() < KEYS.length() ? KEYS.charAt(event.event()) : 0;
    }
    return 0;
  }

  record Event(long ssrc, long timestamp, int event, boolean end, int duration) {}

  /** The telephone-event in an RTP packet, or null when it is not RTP version 2 or not a telephone-event. */
  static @Nullable Event parse(ByteBuffer packet, int payloadType) {
    ByteBuffer b = packet.duplicate();
    int length = b.remaining();
    if (length < 12) {
      return null;
    }
    int start = b.position();
    int first = b.get(start) & 0xff;
    if (first >> 6 != 2) {
      return null;
    }
    boolean padding = (first & 0x20) != 0;
    boolean extension = (first & 0x10) != 0;
    int csrcCount = first & 0x0f;
    if ((b.get(start + 1) & 0x7f) != payloadType) {
      return null;
    }
    long timestamp = b.getInt(start + 4) & 0xffffffffL;
    long ssrc = b.getInt(start + 8) & 0xffffffffL;
    int offset = 12 + 4 * csrcCount;
    if (extension) {
      if (length < offset + 4) {
        return null;
      }
      offset += 4 + 4 * (b.getShort(start + offset + 2) & 0xffff);
    }
    int end = length;
    if (padding) {
      end -= b.get(start + length - 1) & 0xff;
    }
    if (end - offset < 4) {
      return null;
    }
    int event = b.get(start + offset) & 0xff;
    boolean endBit = (b.get(start + offset + 1) & 0x80) != 0;
    int duration = b.getShort(start + offset + 2) & 0xffff;
    return new Event(ssrc, timestamp, event, endBit, duration);
  }
}
