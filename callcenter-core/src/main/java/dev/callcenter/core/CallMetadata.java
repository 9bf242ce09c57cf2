package dev.callcenter.core;

import org.jspecify.annotations.Nullable;

/**
 * Where a call came from.
 *
 * @param source channel such as {@code phone}, {@code web}, {@code sip}
 * @param ipAddress remote address, for web calls
 * @param userAgent client software, for web and SIP calls
 */
public record CallMetadata(@Nullable String source, @Nullable String ipAddress, @Nullable String userAgent) {
  public static final CallMetadata NONE = new CallMetadata(null, null, null);
}
