package dev.callcenter.sip.extension;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Versioned;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A SIP extension: an immutable snapshot, stored with compare-and-set on {@link #version()}. It never holds the
 * password, only {@link #credentials()}; {@link #toString()} leaves their HA1 out.
 *
 * @param extcode the extension code, unique; also the digest user name
 * @param userId the user the extension is assigned to, or null
 * @param credentials one HA1 per realm and algorithm; none until a password is set
 */
public record Extension(
    String id,
    String extcode,
    String displayName,
    @Nullable String userId,
    ExtensionStatus status,
    List<DigestCredential> credentials,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned<Extension> {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  /** Letters, digits and {@code . _ -}, starting with a letter or digit, at most 32 characters. */
  public static final Pattern EXTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
  public static final int MAX_DISPLAY_NAME = 100;

  public Extension {
    Checks.matches(id, ID, "id", "1-64 letters, digits or . _ : -");
    Checks.matches(extcode, EXTCODE, "extcode", "1-32 letters, digits, '.', '_' or '-', starting with a letter or digit");
    displayName = checkDisplayName(displayName);
    if (userId != null) {
      Checks.notBlank(userId, "userId");
    }
    Checks.notNull(status, "status");
    credentials = List.copyOf(Checks.notNull(credentials, "credentials"));
    Set<String> seen = new HashSet<>();
    for (DigestCredential c : credentials) {
      if (!seen.add(c.realm() + "\n" + c.algorithm())) {
        throw InvalidInputException.of("credentials", "must hold one credential per realm and algorithm; %s/%s twice",
            c.realm(), c.algorithm());
      }
    }
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw InvalidInputException.of("version", "must not be negative, was %d", version);
    }
  }

  static String checkDisplayName(@Nullable String value) {
    Checks.notBlank(value, "displayName");
    String v = value.strip();
    if (v.length() > MAX_DISPLAY_NAME) {
      throw InvalidInputException.of("displayName", "must be at most %d characters, was %d", MAX_DISPLAY_NAME,
          v.length());
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw InvalidInputException.of("displayName", "must not contain control characters");
    }
    return v;
  }

  /** The HA1 for {@code realm} and {@code algorithm} ({@code MD5} or {@code SHA-256}), for the registrar. */
  public Optional<String> ha1(String realm, String algorithm) {
    String alg = DigestCredential.canonicalAlgorithm(algorithm);
    return credentials.stream().filter(c -> c.realm().equals(realm) && c.algorithm().equals(alg))
        .map(DigestCredential::ha1).findFirst();
  }

  /** Whether a password is set (there are credentials). */
  public boolean hasPassword() {
    return !credentials.isEmpty();
  }

  public Extension withDisplayName(String value, Instant now) {
    return new Extension(id, extcode, value, userId, status, credentials, createdAt, now, version);
  }

  public Extension withUser(@Nullable String value, Instant now) {
    return new Extension(id, extcode, displayName, value, status, credentials, createdAt, now, version);
  }

  public Extension withStatus(ExtensionStatus value, Instant now) {
    return new Extension(id, extcode, displayName, userId, value, credentials, createdAt, now, version);
  }

  /** This extension with other credentials; {@link Extensions} computes them from a password. */
  public Extension withCredentials(List<DigestCredential> value, Instant now) {
    return new Extension(id, extcode, displayName, userId, status, value, createdAt, now, version);
  }

  @Override
  public Extension withVersion(long newVersion) {
    return new Extension(id, extcode, displayName, userId, status, credentials, createdAt, updatedAt, newVersion);
  }

  @Override
  public String key() {
    return id;
  }

  /** Lists the credentials' realms and algorithms, never their HA1. */
  @Override
  public String toString() {
    return "Extension[id=" + id + ", extcode=" + extcode + ", displayName=" + displayName + ", userId=" + userId
        + ", status=" + status + ", credentials=" + credentials + ", version=" + version + "]";
  }
}
