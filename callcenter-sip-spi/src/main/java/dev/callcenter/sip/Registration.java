package dev.callcenter.sip;

import dev.callcenter.core.internal.Checks;
import java.time.Instant;

/**
 * Where an extension can be reached until {@code expiresAt}.
 *
 * @param extension the extension code (the address-of-record's user part)
 * @param contact where to send calls, such as {@code sip:1001@192.0.2.10:5062;transport=udp}
 */
public record Registration(String extension, String contact, Instant expiresAt) {
  public Registration {
    Checks.notBlank(extension, "extension");
    Checks.notBlank(contact, "contact");
    Checks.notNull(expiresAt, "expiresAt");
  }

  public boolean isActive(Instant now) {
    return now.isBefore(expiresAt);
  }
}
