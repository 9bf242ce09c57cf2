package dev.callcenter.sip;

import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.sip.extension.ExtensionStore;
import java.util.Optional;

/**
 * Where a registrar finds the digest secret of an extension: {@code HA1 = H(user:realm:password)} as lowercase hex
 * for the algorithm ({@code MD5} or {@code SHA-256}). Passwords themselves are never handed to the registrar.
 */
@FunctionalInterface
public interface DigestCredentialSource {
  /** HA1 of {@code user} in {@code realm} with {@code algorithm}, or empty when there is no such user or realm. */
  Optional<String> ha1(String user, String realm, String algorithm);

  /**
   * The HA1 values kept with the extensions in {@code store}: the digest user name is the extension code. A user
   * name that is no valid extension code, or an unknown algorithm, finds nothing.
   */
  static DigestCredentialSource of(ExtensionStore store) {
    if (store == null) {
      throw InvalidInputException.of("store", "is required");
    }
    return (user, realm, algorithm) -> {
      try {
        return store.findByCode(user).flatMap(extension -> extension.ha1(realm, algorithm));
      } catch (CallCenterException e) {
        return Optional.empty();
      }
    };
  }

  /** Knows nobody: every registration is refused. */
  static DigestCredentialSource none() {
    return (user, realm, algorithm) -> Optional.empty();
  }
}
