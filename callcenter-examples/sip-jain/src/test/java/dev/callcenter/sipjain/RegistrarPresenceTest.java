package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callcenter.sip.extension.Extension;
import dev.callcenter.sip.extension.ExtensionStatus;
import dev.callcenter.sip.extension.ExtensionStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registrar keeps each extension's status in the extension store in step with its registrations. */
@Timeout(60)
class RegistrarPresenceTest {
  private final RegistrarTest.MovableClock clock = new RegistrarTest.MovableClock();
  private final ExtensionStore extensions = ExtensionStore.inMemory();
  private final SipServer server = new SipServer(b -> b.clock(clock).extensions(extensions)
      .presenceSweep(Duration.ofMillis(50)));
  private final RawSip phone = new RawSip(server.port);

  {
    extensions.insert(new Extension("desk-1001", "1001", "Desk 1001", null, ExtensionStatus.UNREGISTERED, List.of(),
        clock.instant(), clock.instant(), 0));
  }

  @AfterEach
  void close() {
    phone.close();
    server.close();
  }

  private ExtensionStatus status() {
    return extensions.findByCode("1001").orElseThrow().status();
  }

  private RawSip.Response register(int expires, int nonceCount) {
    RawSip.Response challenge = phone.register("1001", null, expires);
    return phone.register("1001", phone.authorization(challenge.challenge("SHA-256"), "1001", SipServer.REALM,
        SipServer.PASSWORD_1001, nonceCount), expires);
  }

  @Test
  void registeringMarksTheExtensionRegisteredAndExpiresZeroUnregistered() {
    assertThat(register(600, 1).status()).isEqualTo(200);
    assertThat(status()).isEqualTo(ExtensionStatus.REGISTERED);

    assertThat(register(0, 1).status()).isEqualTo(200);
    assertThat(status()).isEqualTo(ExtensionStatus.UNREGISTERED);
  }

  @Test
  void aLapsedRegistrationIsMarkedUnregistered() {
    assertThat(register(600, 1).status()).isEqualTo(200);
    assertThat(status()).isEqualTo(ExtensionStatus.REGISTERED);

    clock.advance(Duration.ofMinutes(11));

    await("the extension to be unregistered").atMost(Duration.ofSeconds(20))
        .until(() -> status() == ExtensionStatus.UNREGISTERED);
  }

  @Test
  void aRefusedRegistrationChangesNothing() {
    RawSip.Response challenge = phone.register("1001", null, 600);
    RawSip.Response refused = phone.register("1001", phone.authorization(challenge.challenge("MD5"), "1001",
        SipServer.REALM, "guess", 1), 600);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(status()).isEqualTo(ExtensionStatus.UNREGISTERED);
    assertThat(extensions.findByCode("1001").orElseThrow().version()).isEqualTo(1);
  }
}
