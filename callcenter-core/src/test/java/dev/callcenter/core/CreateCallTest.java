package dev.callcenter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateCallTest {
  private final TickingClock clock = new TickingClock();
  private final CallCenter center = CallCenter.builder().clock(clock).build();
  private final List<Event> events = new ArrayList<>();

  {
    center.subscribe(events::add);
  }

  private void assertNothingStoredOrEmitted() {
    assertThat(center.listCalls(CallQuery.ALL, PageRequest.first(10)).total()).isZero();
    assertThat(center.eventLog().lastSequence()).isZero();
    assertThat(events).isEmpty();
  }

  private static List<String> fields(Throwable e) {
    assertThat(e).isInstanceOf(InvalidInputException.class);
    return ((InvalidInputException) e).violations().stream().map(InvalidInputException.Violation::field).toList();
  }

  @Test
  void createsAnInitiatedCallWithNormalisedInputAndEmitsCallNew() {
    Call call = center.createCall(new NewCall(" Layla ", "٠٠٩٦٦ ٥٠ ١٢٣ ٤٥٦٧", "layla@example.com", "web", "AR",
        "203.0.113.9", "Mozilla/5.0"));

    assertThat(call.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(call.version()).isEqualTo(1);
    assertThat(call.customer().name()).isEqualTo("Layla");
    assertThat(call.customer().phone()).isEqualTo(PhoneNumber.parse("+966501234567"));
    assertThat(call.customer().email()).isEqualTo("layla@example.com");
    assertThat(call.language()).isEqualTo(Language.ARABIC);
    assertThat(call.metadata()).isEqualTo(new CallMetadata("web", "203.0.113.9", "Mozilla/5.0"));
    assertThat(call.createdAt()).isEqualTo(TickingClock.START);
    assertThat(center.getCall(call.id())).isEqualTo(call);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.CALL_NEW);
      assertThat(e.subject()).isEqualTo(call.id().value());
      assertThat(e.data()).containsEntry("status", "INITIATED");
    });
  }

  @Test
  void nationalNumberUsesTheDefaultRegion() {
    CallCenter saudi = CallCenter.builder().defaultRegion("sa").build();
    Call call = saudi.createCall(NewCall.fromPhone("050 123 4567"));
    assertThat(call.customer().phone()).hasToString("+966501234567");
  }

  @Test
  void badEmailIsRejectedNamingTheFieldAndNothingIsStored() {
    NewCall request = new NewCall("Sam", "+966501234567", "not-an-email", null, null, null, null);

    assertThatThrownBy(() -> center.createCall(request))
        .satisfies(e -> assertThat(fields(e)).containsExactly("email"));
    assertNothingStoredOrEmitted();
  }

  @Test
  void badPhoneIsRejectedNamingTheFieldAndNothingIsStored() {
    assertThatThrownBy(() -> center.createCall(NewCall.fromPhone("+966 12")))
        .satisfies(e -> assertThat(fields(e)).containsExactly("phone"));
    assertThatThrownBy(() -> center.createCall(NewCall.fromPhone("9".repeat(41))))
        .satisfies(e -> assertThat(fields(e)).containsExactly("phone"));
    assertNothingStoredOrEmitted();
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    NewCall request = new NewCall("x".repeat(201), null, "@", "web site", null, null, null);

    assertThatThrownBy(() -> center.createCall(request))
        .satisfies(e -> assertThat(fields(e)).containsExactly("customerName", "email", "source"));
    assertNothingStoredOrEmitted();
  }

  @Test
  void badLanguageIsRejectedNamingTheField() {
    assertThatThrownBy(() -> center.createCall(new NewCall(null, null, null, null, "arabic!", null, null)))
        .satisfies(e -> assertThat(fields(e)).containsExactly("language"));
    assertNothingStoredOrEmitted();
  }

  @Test
  void nullRequestIsRejected() {
    assertThatThrownBy(() -> center.createCall(null)).isInstanceOf(InvalidInputException.class);
    assertNothingStoredOrEmitted();
  }

  @Test
  void aCallWithNothingKnownIsFine() {
    Call call = center.createCall(new NewCall(null, null, null, null, null, null, null));
    assertThat(call.customer()).isEqualTo(CustomerInfo.UNKNOWN);
    assertThat(call.language()).isNull();
  }
}
