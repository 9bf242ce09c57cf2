package dev.callcenter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.event.EventPublisher;
import dev.callcenter.core.flow.CallFlow;
import dev.callcenter.core.store.CallStore;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CallCenterBuilderTest {

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("callStore", (Consumer<CallCenter.Builder>) b -> b.callStore(CallStore.inMemory())),
        Arguments.of("events", (Consumer<CallCenter.Builder>) b -> b.events(EventPublisher.noop())),
        Arguments.of("clock", (Consumer<CallCenter.Builder>) b -> b.clock(Clock.systemUTC())),
        Arguments.of("callFlow", (Consumer<CallCenter.Builder>) b -> b.callFlow(CallFlow.direct(Department.SALES))),
        Arguments.of("defaultRegion", (Consumer<CallCenter.Builder>) b -> b.defaultRegion("SA")),
        Arguments.of("maxRetries", (Consumer<CallCenter.Builder>) b -> b.maxRetries(3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aSettingGivenTwiceIsRejectedNamingIt(String field, Consumer<CallCenter.Builder> set) {
    CallCenter.Builder builder = CallCenter.builder();
    set.accept(builder);

    assertThatThrownBy(() -> set.accept(builder))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid input: " + field + ": was already set");
  }

  @Test
  void nullSettingIsRejectedNamingIt() {
    assertThatThrownBy(() -> CallCenter.builder().clock(null)).hasMessageContaining("clock: must not be null");
  }

  @Test
  void badValuesAreRejected() {
    assertThatThrownBy(() -> CallCenter.builder().defaultRegion("Saudi"))
        .hasMessageContaining("defaultRegion");
    assertThatThrownBy(() -> CallCenter.builder().maxRetries(-1)).hasMessageContaining("maxRetries");
  }

  @Test
  void givenComponentsAreUsed() {
    CallStore store = CallStore.inMemory();
    Clock clock = Clock.fixed(TickingClock.START, java.time.ZoneOffset.UTC);
    CallCenter center = CallCenter.builder().callStore(store).clock(clock)
        .callFlow(CallFlow.direct(Department.SALES)).build();

    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());

    assertThat(store.get(call.id()).department()).isEqualTo(Department.SALES);
    assertThat(store.get(call.id()).createdAt()).isEqualTo(TickingClock.START);
    assertThat(center.calls()).isSameAs(store);
    assertThat(center.clock()).isSameAs(clock);
  }
}
