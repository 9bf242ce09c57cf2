package dev.callcenter.core.acd;

import static dev.callcenter.core.Department.RECEPTION;
import static dev.callcenter.core.Department.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AgentId;
import dev.callcenter.core.CallId;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Priority;
import dev.callcenter.core.event.EventType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingStepsTest {
  private static final QueueConfig.Builder RELAXING = QueueConfig.builder(SALES).skill("arabic")
      .steps(RoutingStep.skill(Duration.ZERO, 4), RoutingStep.skill(Duration.ofSeconds(30), 2),
          RoutingStep.anyAgent(Duration.ofSeconds(60)), RoutingStep.overflow(Duration.ofSeconds(120), RECEPTION))
      .offerTimeout(Duration.ofSeconds(10)).rejectDelay(Duration.ofSeconds(200)).maxNoAnswers(5);

  @Test
  void stepsRelaxInOrderThenTheCallOverflows() {
    Fixture f = new Fixture(b -> b.queue(RELAXING.build()));
    AgentId two = f.available("two", SALES, Map.of("arabic", 2));
    AgentId none = f.available("none", SALES, Map.of("english", 5));
    AgentId reception = f.available("r", RECEPTION, Map.of());

    CallId call = f.queued(SALES, Priority.NORMAL);
    assertThat(f.acd.placement(call).state()).as("only proficiency 4+ for 30 s").isEqualTo(Placement.State.WAITING);
    f.seconds(29);
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);

    f.seconds(1); // t=30: proficiency 2+
    assertThat(f.offeredTo(call)).isEqualTo(two);
    f.acd.reject(two);
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);

    f.seconds(29); // t=59
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);
    f.seconds(1); // t=60: any agent of the department
    assertThat(f.offeredTo(call)).isEqualTo(none);
    f.seconds(10); // t=70: no answer
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);

    f.seconds(49); // t=119
    assertThat(f.acd.placement(call).queue()).isEqualTo(SALES);
    f.seconds(1); // t=120: overflow to reception
    assertThat(f.acd.placement(call).queue()).isEqualTo(RECEPTION);
    assertThat(f.offeredTo(call)).isEqualTo(reception);
    assertThat(f.center.getCall(call).department()).isEqualTo(RECEPTION);
    assertThat(f.center.getCall(call).collectedData()).containsEntry("acd.overflow.1", "sales>reception (routing-step)");
    assertThat(f.events(EventType.CALL_ROUTED)).extracting(e -> e.data().get("department"))
        .containsExactly("sales", "reception");
  }

  @Test
  void anAgentWhoLogsInIsOfferedTheCallOnlyWhenTheCurrentStepAllows() {
    Fixture f = new Fixture(b -> b.queue(RELAXING.build()));
    CallId call = f.queued(SALES, Priority.NORMAL);
    f.seconds(10);
    AgentId three = f.available("three", SALES, Map.of("arabic", 3));
    assertThat(f.acd.placement(call).state()).isEqualTo(Placement.State.WAITING);
    f.seconds(20); // t=30: the step now admits level 3
    assertThat(f.offeredTo(call)).isEqualTo(three);
  }

  @Test
  void aFreedAgentTakesTheBestCallItIsAllowedToTake() {
    Fixture f = new Fixture(b -> b.queue(RELAXING.build()));
    CallId older = f.queued(SALES, Priority.NORMAL); // t=0
    f.seconds(40);
    CallId urgent = f.queued(SALES, Priority.URGENT); // t=40, higher score but still at the 4+ step
    assertThat(f.acd.waiting(SALES)).containsExactly(urgent, older);
    AgentId two = f.available("two", SALES, Map.of("arabic", 2));
    assertThat(f.offeredTo(older)).as("the urgent call may not go to level 2 yet").isEqualTo(two);
    AgentId five = f.available("five", SALES, Map.of("arabic", 5));
    assertThat(f.offeredTo(urgent)).isEqualTo(five);
  }

  @Test
  void priorityAndTimeInQueueOrderTheQueue() {
    Fixture f = new Fixture(b -> b.queue(QueueConfig.builder(SALES).priorityWeight(Duration.ofSeconds(120)).build()));
    CallId low = f.queued(SALES, Priority.LOW); // score key 0
    f.seconds(100);
    CallId normal = f.queued(SALES, Priority.NORMAL); // 100 - 120 = -20
    f.seconds(100);
    CallId urgent = f.queued(SALES, Priority.URGENT); // 200 - 360 = -160
    f.seconds(100);
    CallId high = f.queued(SALES, Priority.HIGH); // 300 - 240 = 60
    assertThat(f.acd.waiting(SALES)).containsExactly(urgent, normal, low, high);
    assertThat(f.acd.placement(low).position()).isEqualTo(3);
    AgentId agent = f.available("a", SALES, Map.of());
    assertThat(f.offeredTo(urgent)).isEqualTo(agent);
    assertThat(f.acd.placement(low).position()).isEqualTo(2);
  }

  @Test
  void stepsMustStartAtZeroAndIncrease() {
    assertThatThrownBy(() -> QueueConfig.builder(SALES).steps(RoutingStep.skill(Duration.ofSeconds(5), 3)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("steps");
    assertThatThrownBy(() -> QueueConfig.builder(SALES).steps(RoutingStep.anyAgent(Duration.ZERO),
        RoutingStep.skill(Duration.ZERO, 3)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("steps[1].after");
    assertThatThrownBy(() -> QueueConfig.builder(SALES).steps(RoutingStep.anyAgent(Duration.ZERO),
        RoutingStep.overflow(Duration.ofSeconds(5), SALES)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("overflowTo");
    assertThatThrownBy(() -> QueueConfig.builder(SALES).wrapUp(Duration.ofSeconds(-1)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("wrapUp");
    assertThatThrownBy(() -> QueueConfig.builder(SALES).maxLength(3).maxLength(4))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxLength: was already set");
  }
}
