package dev.callcenter.sipjain;

import dev.callcenter.sip.DigestCredentialSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of REGISTER requests (RFC 7616 with qop=auth; MD5 and SHA-256), free of the SIP stack so it
 * can be tested alone.
 *
 * <ul>
 *   <li>Nonces are self-validating (time, randomness and an HMAC under a per-process key); one older than the
 *       nonce lifetime is answered with a new challenge with {@code stale=true} when the response was otherwise
 *       right.
 *   <li>Each nonce's nonce-count must grow: a replayed or reused count is refused.
 *   <li>Responses are compared in constant time ({@link MessageDigest#isEqual}); an unknown user is checked against
 *       a random secret, so known and unknown users take the same path and get the same challenge and refusal.
 *   <li>After {@code maxFailures} failures for one user from one address, or {@code 4 × maxFailures} from one
 *       address, that pair (or address) is locked out for the lockout duration; it is refused without checking.
 * </ul>
 */
final class DigestChallenges {
  private static final Logger LOG = LoggerFactory.getLogger(DigestChallenges.class);
  static final List<String> ALGORITHMS = List.of("SHA-256", "MD5");
  private static final int NONCE_RANDOM = 16;
  private static final int NONCE_MAC = 16;
  private static final int MAX_TRACKED = 100_000;

  /** The digest fields of an Authorization header. */
  record Credentials(String username, String realm, String nonce, String uri, String response,
      @Nullable String algorithm, @Nullable String qop, @Nullable String cnonce, @Nullable String nonceCount) {}

  /** What to answer. */
  sealed interface Outcome {
    /** 401 with these WWW-Authenticate values. */
    record Challenge(List<String> headers, boolean stale) implements Outcome {}

    /** Authenticated as {@code user}. */
    record Accepted(String user) implements Outcome {}

    /** 403; {@code reason} is for logs only. */
    record Refused(String reason) implements Outcome {}
  }

  private record Failures(int count, Instant lockedUntil, Instant lastAt) {}

  private final String realm;
  private final List<String> algorithms;
  private final DigestCredentialSource credentials;
  private final Clock clock;
  private final Duration nonceLifetime;
  private final int maxFailures;
  private final Duration lockout;
  private final SecureRandom random = new SecureRandom();
  private final byte[] key = new byte[32];
  private final Map<String, Long> nonceCounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  DigestChallenges(String realm, List<String> algorithms, DigestCredentialSource credentials, Clock clock, Duration nonceLifetime,
      int maxFailures, Duration lockout) {
    this.realm = realm;
    this.algorithms = List.copyOf(algorithms);
    this.credentials = credentials;
    this.clock = clock;
    this.nonceLifetime = nonceLifetime;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
    random.nextBytes(key);
  }

  String realm() {
    return realm;
  }

  /** A fresh challenge: one WWW-Authenticate value per algorithm, SHA-256 first. */
  Outcome.Challenge challenge(boolean stale) {
    String nonce = newNonce();
    List<String> headers = new ArrayList<>();
    for (String algorithm : algorithms) {
      headers.add("Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + algorithm
          + ", qop=\"auth\"" + (stale ? ", stale=true" : ""));
    }
    return new Outcome.Challenge(headers, stale);
  }

  /**
   * Checks a request.
   *
   * @param method the request method, such as {@code REGISTER}
   * @param addressOfRecord the user the request wants to act for (the To user of a REGISTER)
   * @param given the Authorization header's fields, or null when there is none
   * @param source the sender's address, for the lockout
   * @param requestUri whether a digest {@code uri} names the request's Request-URI (RFC 7616 3.4.6): a response
   *     computed for another URI is refused
   */
  Outcome authenticate(String method, String addressOfRecord, @Nullable Credentials given, String source,
      Predicate<String> requestUri) {
    Instant now = clock.instant();
    if (isLocked(addressOfRecord + "@" + source, now) || isLocked(source, now)) {
      return new Outcome.Refused("locked out");
    }
    if (given == null) {
      return challenge(false);
    }
    String algorithm = given.algorithm() == null ? "MD5" : given.algorithm().toUpperCase(Locale.ROOT);
    String problem = null;
    if (!algorithms.contains(algorithm)) {
      problem = "unsupported algorithm";
    } else if (!realm.equals(given.realm())) {
      problem = "wrong realm";
    } else if (!addressOfRecord.equals(given.username())) {
      problem = "authentication user differs from the address of record";
    } else if (!requestUri.test(given.uri())) {
      problem = "digest uri differs from the Request-URI";
    } else if (!"auth".equalsIgnoreCase(given.qop()) || given.cnonce() == null || given.nonceCount() == null
        || !given.nonceCount().matches("[0-9a-fA-F]{8}")) {
      problem = "qop=auth with cnonce and nc required";
    }
    Instant issued = problem == null ? nonceTime(given.nonce()) : null;
    if (problem == null && issued == null) {
      problem = "not our nonce";
    }
    if (problem != null) {
      fail(addressOfRecord, source, now);
      return new Outcome.Refused(problem);
    }
    String ha1 = credentials.ha1(given.username(), realm, algorithm).orElse(null);
    boolean known = ha1 != null;
    String secret = known ? ha1 : HexFormat.of().formatHex(randomBytes(32));
    String ha2 = hash(algorithm, method + ":" + given.uri());
    String expected = hash(algorithm, secret + ":" + given.nonce() + ":" + given.nonceCount() + ":" + given.cnonce()
        + ":auth:" + ha2);
    boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        given.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    if (!matches || !known) {
      fail(addressOfRecord, source, now);
      return new Outcome.Refused("bad credentials");
    }
    if (issued.plus(nonceLifetime).isBefore(now)) {
      return challenge(true);
    }
    if (!acceptCount(given.nonce(), Long.parseLong(given.nonceCount(), 16))) {
      fail(addressOfRecord, source, now);
      return new Outcome.Refused("nonce count replayed");
    }
    failures.remove(addressOfRecord + "@" + source);
    return new Outcome.Accepted(given.username());
  }

  /** A digest of {@code text} as lowercase hex; {@code algorithm} is {@code MD5} or {@code SHA-256}. */
  static String hash(String algorithm, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** HA1 = H(user:realm:password), for provisioning and tests. */
  static String ha1(String algorithm, String user, String realm, String password) {
    return hash(algorithm, user + ":" + realm + ":" + password);
  }

  // ---- nonces --------------------------------------------------------------------------------------------------

  private String newNonce() {
    ByteBuffer buffer = ByteBuffer.allocate(8 + NONCE_RANDOM + NONCE_MAC);
    buffer.putLong(clock.millis());
    buffer.put(randomBytes(NONCE_RANDOM));
    buffer.put(mac(buffer.array(), 8 + NONCE_RANDOM));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  /** When the nonce was issued, or null when it is not one of ours. */
  private @Nullable Instant nonceTime(String nonce) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length != 8 + NONCE_RANDOM + NONCE_MAC) {
      return null;
    }
    byte[] given = new byte[NONCE_MAC];
    System.arraycopy(bytes, 8 + NONCE_RANDOM, given, 0, NONCE_MAC);
    if (!MessageDigest.isEqual(given, mac(bytes, 8 + NONCE_RANDOM))) {
      return null;
    }
    return Instant.ofEpochMilli(ByteBuffer.wrap(bytes).getLong());
  }

  /** Records {@code nc} for {@code nonce} when it is greater than every count seen with it. */
  private boolean acceptCount(String nonce, long nc) {
    if (nonceCounts.size() > MAX_TRACKED) {
      Instant oldest = clock.instant().minus(nonceLifetime);
      nonceCounts.keySet().removeIf(n -> {
        Instant t = nonceTime(n);
        return t == null || t.isBefore(oldest);
      });
    }
    boolean[] accepted = {false};
    nonceCounts.compute(nonce, (k, last) -> {
      if (nc > 0 && (last == null || nc > last)) {
        accepted[0] = true;
        return nc;
      }
      return last;
    });
    return accepted[0];
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(data, 0, length);
      byte[] full = mac.doFinal();
      byte[] out = new byte[NONCE_MAC];
      System.arraycopy(full, 0, out, 0, NONCE_MAC);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  // ---- lockout -------------------------------------------------------------------------------------------------

  private boolean isLocked(String key, Instant now) {
    Failures f = failures.get(key);
    return f != null && now.isBefore(f.lockedUntil());
  }

  private void fail(String user, String source, Instant now) {
    if (failures.size() > MAX_TRACKED) {
      failures.values().removeIf(f -> f.lastAt().plus(lockout).isBefore(now));
    }
    count(user + "@" + source, maxFailures, now);
    count(source, maxFailures * 4, now);
  }

  private void count(String key, int limit, Instant now) {
    Failures counted = failures.compute(key, (k, f) -> {
      int count = f == null || f.lastAt().plus(lockout).isBefore(now) ? 1 : f.count() + 1;
      Instant until = count >= limit ? now.plus(lockout) : (f == null ? Instant.MIN : f.lockedUntil());
      return new Failures(count, until, now);
    });
    if (counted.count() == limit) { // once per lockout: the refusals during it are logged at DEBUG only
      LOG.warn("REGISTER for {} locked out for {} after {} failed attempts", key, lockout, limit);
    }
  }

  /** Whether {@code user} at {@code source} is locked out now. */
  boolean isLockedOut(String user, String source) {
    Instant now = clock.instant();
    return isLocked(user + "@" + source, now) || isLocked(source, now);
  }

}
