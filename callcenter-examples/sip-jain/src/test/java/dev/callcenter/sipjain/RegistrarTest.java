package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registrar's digest authentication, by REGISTER requests written by hand over UDP. */
@Timeout(60)
class RegistrarTest {
  /** A clock the test moves; the SIP stack's own timers keep real time. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final SipServer server = new SipServer(b -> b.clock(clock).nonceLifetime(Duration.ofMinutes(5))
      .maxFailures(5).lockout(Duration.ofMinutes(15)));
  private final RawSip phone = new RawSip(server.port);

  @AfterEach
  void close() {
    phone.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHA-256", "MD5"})
  void theRightPasswordRegisters(String algorithm) {
    RawSip.Response challenge = phone.register("1001", null, 600);
    assertThat(challenge.status()).isEqualTo(401);
    assertThat(challenge.headers("WWW-Authenticate")).hasSize(2)
        .allSatisfy(h -> assertThat(h).contains("realm=\"" + SipServer.REALM + "\"").contains("qop=\"auth\""));
    assertThat(challenge.headers("WWW-Authenticate").get(0)).contains("algorithm=SHA-256");

    RawSip.Response ok = phone.register("1001", phone.authorization(challenge.challenge(algorithm), "1001",
        SipServer.REALM, SipServer.PASSWORD_1001, 1), 600);

    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(ok.headers("Contact")).singleElement().asString().contains("127.0.0.1:" + phone.localPort());
    assertThat(server.sip.registrations().findFirst("1001")).isPresent();
  }

  @Test
  void aWrongPasswordIsRefused() {
    RawSip.Response challenge = phone.register("1001", null, 600);

    RawSip.Response refused = phone.register("1001", phone.authorization(challenge.challenge("MD5"), "1001",
        SipServer.REALM, "guess", 1), 600);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(server.sip.registrations().find("1001")).isEmpty();
  }

  @Test
  void anUnknownUserGetsTheSameChallengeAndTheSameRefusalAsAKnownOne() {
    RawSip.Response known = phone.register("1001", null, 600);
    RawSip.Response unknown = phone.register("7777", null, 600);
    assertThat(shape(unknown)).isEqualTo(shape(known));

    RawSip.Response knownRefused = phone.register("1001", phone.authorization(known.challenge("MD5"), "1001",
        SipServer.REALM, "wrong", 1), 600);
    RawSip.Response unknownRefused = phone.register("7777", phone.authorization(unknown.challenge("MD5"), "7777",
        SipServer.REALM, "wrong", 1), 600);

    assertThat(unknownRefused.status()).isEqualTo(knownRefused.status()).isEqualTo(403);
    assertThat(unknownRefused.text().lines().findFirst()).isEqualTo(knownRefused.text().lines().findFirst());
  }

  @Test
  void aReplayedNonceCountIsRefused() {
    RawSip.Response challenge = phone.register("1001", null, 600);
    String first = phone.authorization(challenge.challenge("SHA-256"), "1001", SipServer.REALM,
        SipServer.PASSWORD_1001, 1);
    assertThat(phone.register("1001", first, 600).status()).isEqualTo(200);

    assertThat(phone.register("1001", first, 600).status()).as("the same request again").isEqualTo(403);

    String next = phone.authorization(challenge.challenge("SHA-256"), "1001", SipServer.REALM,
        SipServer.PASSWORD_1001, 2);
    assertThat(phone.register("1001", next, 600).status()).as("the next nonce count").isEqualTo(200);
  }

  @Test
  void anExpiredNonceIsAnsweredWithAStaleChallenge() {
    RawSip.Response challenge = phone.register("1001", null, 600);
    clock.advance(Duration.ofMinutes(6));

    RawSip.Response stale = phone.register("1001", phone.authorization(challenge.challenge("MD5"), "1001",
        SipServer.REALM, SipServer.PASSWORD_1001, 1), 600);

    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.challenge("MD5").stale()).isTrue();
    assertThat(server.sip.registrations().find("1001")).isEmpty();
    RawSip.Response ok = phone.register("1001", phone.authorization(stale.challenge("MD5"), "1001",
        SipServer.REALM, SipServer.PASSWORD_1001, 1), 600);
    assertThat(ok.status()).isEqualTo(200);
  }

  @Test
  void aDigestUriOtherThanTheRequestUriIsRefused() {
    RawSip.Response challenge = phone.register("1001", null, 600);

    RawSip.Response refused = phone.register("1001", phone.authorization(challenge.challenge("SHA-256"), "1001",
        SipServer.REALM, SipServer.PASSWORD_1001, 1, "sip:elsewhere.example"), 600);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(server.sip.registrations().find("1001")).isEmpty();
    RawSip.Response ok = phone.register("1001", phone.authorization(challenge.challenge("SHA-256"), "1001",
        SipServer.REALM, SipServer.PASSWORD_1001, 2, "SIP:127.0.0.1:" + server.port), 600); // the same URI
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
  }

  @Test
  void aWrongRealmIsRefused() {
    RawSip.Response challenge = phone.register("1001", null, 600);

    RawSip.Response refused = phone.register("1001", phone.authorization(challenge.challenge("MD5"), "1001",
        "elsewhere", SipServer.PASSWORD_1001, 1), 600);

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void anAuthenticationUserOtherThanTheAddressOfRecordIsRefused() {
    RawSip.Response challenge = phone.register("1002", null, 600);

    RawSip.Response refused = phone.register("1002", phone.authorization(challenge.challenge("MD5"), "1001",
        SipServer.REALM, SipServer.PASSWORD_1001, 1), 600);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(server.sip.registrations().find("1002")).isEmpty();
    assertThat(server.sip.registrations().find("1001")).isEmpty();
  }

  @Test
  void repeatedFailuresLockTheUserOutEvenWithTheRightPassword() {
    for (int i = 1; i <= 5; i++) {
      RawSip.Response challenge = phone.register("1001", null, 600);
      assertThat(phone.register("1001", phone.authorization(challenge.challenge("MD5"), "1001", SipServer.REALM,
          "guess" + i, 1), 600).status()).isEqualTo(403);
    }

    RawSip.Response locked = phone.register("1001", null, 600);

    assertThat(locked.status()).as("no challenge while locked out").isEqualTo(403);
    clock.advance(Duration.ofMinutes(16));
    RawSip.Response challenge = phone.register("1001", null, 600);
    assertThat(phone.register("1001", phone.authorization(challenge.challenge("MD5"), "1001", SipServer.REALM,
        SipServer.PASSWORD_1001, 1), 600).status()).as("after the lockout").isEqualTo(200);
  }

  @Test
  void registeringWithExpiresZeroRemovesTheContact() {
    RawSip.Response challenge = phone.register("1001", null, 600);
    assertThat(phone.register("1001", phone.authorization(challenge.challenge("MD5"), "1001", SipServer.REALM,
        SipServer.PASSWORD_1001, 1), 600).status()).isEqualTo(200);

    RawSip.Response removed = phone.register("1001", phone.authorization(challenge.challenge("MD5"), "1001",
        SipServer.REALM, SipServer.PASSWORD_1001, 2), 0);

    assertThat(removed.status()).isEqualTo(200);
    assertThat(server.sip.registrations().find("1001")).isEmpty();
  }

  @Test
  void responsesNameNoSoftwareVersion() {
    RawSip.Response challenge = phone.register("1001", null, 600);
    RawSip.Response options = phone.options();

    for (RawSip.Response r : List.of(challenge, options)) {
      assertThat(r.headers("Server")).allSatisfy(h -> assertThat(h).doesNotContainPattern("[0-9]"));
      assertThat(r.headers("User-Agent")).allSatisfy(h -> assertThat(h).doesNotContainPattern("[0-9]"));
    }
  }

  /** A response with its nonces and tags blanked out. */
  private static String shape(RawSip.Response r) {
    return r.text().replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"").replaceAll("tag=[^;\\r\\n>]*", "tag=")
        .replaceAll("(?m)^(To|From): <sip:[0-9]+@", "$1: <sip:user@").replaceAll("branch=[^;\r\n]*", "branch=")
        .replaceAll("CSeq: [0-9]+", "CSeq: ");
  }
}
