package dev.callcenter.sip;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;

/**
 * The transport's id of one call leg (for SIP, the dialog's Call-ID). Opaque to the bridge.
 *
 * @param value 1-256 visible characters
 */
public record ChannelId(String value) {
  public ChannelId {
    Checks.notBlank(value, "channelId");
    if (value.length() > 256) {
      throw InvalidInputException.of("channelId", "must be at most 256 characters, was %d", value.length());
    }
  }

  public static ChannelId of(String value) {
    return new ChannelId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
