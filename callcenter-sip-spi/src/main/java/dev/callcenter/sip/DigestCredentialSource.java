package dev.callcenter.sip;

import java.util.Optional;

/**
 * Where a registrar finds the digest secret of an extension: {@code HA1 = H(user:realm:password)} as lowercase hex
 * for the algorithm ({@code MD5} or {@code SHA-256}). Passwords themselves are never handed to the registrar.
 */
@FunctionalInterface
public interface DigestCredentialSource {
  /** HA1 of {@code user} in {@code realm} with {@code algorithm}, or empty when there is no such user or realm. */
  Optional<String> ha1(String user, String realm, String algorithm);

  /** Knows nobody: every registration is refused. */
  static DigestCredentialSource none() {
    return (user, realm, algorithm) -> Optional.empty();
  }
}
