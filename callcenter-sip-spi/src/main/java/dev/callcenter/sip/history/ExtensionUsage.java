package dev.callcenter.sip.history;

import java.time.Duration;

/**
 * How one extension was used in the analysed period.
 *
 * @param talkTime the sum of the talk durations of its answered calls
 */
public record ExtensionUsage(String extension, long total, long answered, long missed, Duration talkTime) {}
