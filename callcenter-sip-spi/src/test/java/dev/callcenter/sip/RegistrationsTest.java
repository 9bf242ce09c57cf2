package dev.callcenter.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrationsTest {
  private final ManualTime time = new ManualTime();
  private final Registrations registrations = Registrations.inMemory(time);

  @Test
  void theNewestContactComesFirstAndExpiredOnesDisappear() {
    registrations.register(new Registration("1001", "sip:1001@10.0.0.1", time.instant().plusSeconds(60)));
    time.advance(Duration.ofSeconds(1));
    registrations.register(new Registration("1001", "sip:1001@10.0.0.2", time.instant().plusSeconds(600)));

    assertThat(registrations.find("1001")).extracting(Registration::contact)
        .containsExactly("sip:1001@10.0.0.2", "sip:1001@10.0.0.1");
    time.advance(Duration.ofSeconds(60));
    assertThat(registrations.find("1001")).extracting(Registration::contact).containsExactly("sip:1001@10.0.0.2");
  }

  @Test
  void unregisteringRemovesOneContactOrAll() {
    registrations.register(new Registration("1001", "sip:a@h", time.instant().plusSeconds(60)));
    registrations.register(new Registration("1001", "sip:b@h", time.instant().plusSeconds(60)));

    registrations.unregister("1001", "sip:a@h");
    assertThat(registrations.findFirst("1001")).map(Registration::contact).contains("sip:b@h");
    registrations.unregisterAll("1001");
    assertThat(registrations.find("1001")).isEmpty();
    assertThat(registrations.find("2002")).isEmpty();
  }
}
