package dev.callcenter.testkit.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.Priority;
import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.TelephonyBridge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link dev.callcenter.sip.Telephony} transport must show under a {@link TelephonyBridge}:
 * calls are answered and walk the call flow by DTMF, reach queues, agents and transfer targets, and end from
 * either side. Subclass it with a driver for your transport:
 *
 * <pre>{@code
 * class MyTelephonyCompatibilityTest extends TelephonyCompatibilityKit {
 *   @Override
 *   protected TelephonyDriver createDriver() {
 *     return new MyTransportDriver();
 *   }
 * }
 * }</pre>
 *
 * The call flow is {@link DtmfMenuFlow} on the system clock; every wait is bounded by the driver's
 * {@link TelephonyDriver#patience()}.
 */
public abstract class TelephonyCompatibilityKit {
  private static final AtomicInteger CALLERS = new AtomicInteger();

  protected TelephonyDriver driver;
  protected CallCenter center;
  protected TelephonyBridge bridge;

  /** A new driver, with its transport not yet started, for each test. */
  protected abstract TelephonyDriver createDriver();

  @BeforeEach
  void startBridge() {
    driver = createDriver();
    center = CallCenter.builder()
        .callFlow(new DtmfMenuFlow(Clock.systemUTC(), Duration.ofSeconds(20), Duration.ofSeconds(3)))
        .build();
    bridge = TelephonyBridge.builder().callCenter(center).telephony(driver.telephony()).build().start();
  }

  @AfterEach
  void stopBridge() {
    if (bridge != null) {
      bridge.close();
    }
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void anOfferedCallIsAnsweredAndEntersTheCallFlow() {
    Dialled caller = dialIntoTheFlow();

    assertThat(driver.callerLegEnded(caller.channel())).as("caller leg ended").isFalse();
  }

  @Test
  void aKeyChoosesTheQueue() {
    Dialled caller = dialIntoTheFlow();

    driver.pressKeys(caller.channel(), "1");

    awaitStatus(caller.call(), CallStatus.IN_QUEUE);
    assertThat(center.getCall(caller.call()).department()).isEqualTo(Department.SALES);
  }

  @Test
  void digitsAreBufferedUntilTheTerminator() {
    Dialled caller = dialIntoTheFlow();

    driver.pressKeys(caller.channel(), "2");
    await("account prompt", () -> DtmfMenuFlow.ACCOUNT.equals(center.getCall(caller.call()).ivrStage()));
    driver.pressKeys(caller.channel(), "4711#");

    awaitStatus(caller.call(), CallStatus.IN_QUEUE);
    Call queued = center.getCall(caller.call());
    assertThat(queued.collectedData()).containsEntry("account", "4711");
    assertThat(queued.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(queued.priority()).isEqualTo(Priority.HIGH);
  }

  @Test
  void theCallerHangingUpInTheFlowAbandonsTheCall() {
    Dialled caller = dialIntoTheFlow();

    driver.hangUpAsCaller(caller.channel());

    awaitStatus(caller.call(), CallStatus.ABANDONED);
    await("bridge forgot the caller.channel()", () -> !bridge.channels().contains(caller.channel()));
  }

  @Test
  void theFlowHangingUpEndsTheCallersLeg() {
    Dialled caller = dialIntoTheFlow();

    driver.pressKeys(caller.channel(), "9");

    awaitStatus(caller.call(), CallStatus.COMPLETED);
    await("caller leg ended", () -> driver.callerLegEnded(caller.channel()));
  }

  @Test
  void aConnectedAgentGetsTheCallerAndTheAgentHangingUpEndsBothLegs() {
    Agent agent = availableAgent("1001");
    Dialled caller = dialIntoTheFlow();
    driver.pressKeys(caller.channel(), "1");
    awaitStatus(caller.call(), CallStatus.IN_QUEUE);

    center.connect(caller.call(), agent.id());

    await("caller connected to 1001", () -> driver.connectedTo(caller.channel(), "1001"));
    driver.hangUpAsAgent(caller.channel());
    awaitStatus(caller.call(), CallStatus.COMPLETED);
    await("caller leg ended", () -> driver.callerLegEnded(caller.channel()));
    await("agent released", () -> center.getAgent(agent.id()).status() == AgentStatus.AVAILABLE);
  }

  @Test
  void theCallerHangingUpOnTheAgentEndsBothLegs() {
    Agent agent = availableAgent("1002");
    Dialled caller = dialIntoTheFlow();
    connectToAgent(caller, agent);

    driver.hangUpAsCaller(caller.channel());

    awaitStatus(caller.call(), CallStatus.COMPLETED);
    await("agent leg ended", () -> driver.agentLegEnded(caller.channel()));
  }

  @Test
  void aTransferToAnUnreachableTargetEndsTheCallAsFailed() {
    Dialled caller = dialIntoTheFlow();

    driver.pressKeys(caller.channel(), "3"); // the operator is not registered

    awaitStatus(caller.call(), CallStatus.FAILED);
    await("caller leg ended", () -> driver.callerLegEnded(caller.channel()));
  }

  @Test
  void endingTheCallThroughTheCallCenterHangsUp() {
    Dialled caller = dialIntoTheFlow();

    center.end(caller.call());

    await("caller leg ended", () -> driver.callerLegEnded(caller.channel()));
  }

  // ---- helpers for subclasses ----------------------------------------------------------------------------

  /** A caller's channel and the call the bridge made for it. */
  protected record Dialled(ChannelId channel, CallId call) {}

  /** A new caller dials the service, and the call reaches the call flow. */
  protected Dialled dialIntoTheFlow() {
    ChannelId channel = dial();
    CallId call = callOf(channel);
    // the status moves to IVR_PROCESSING just before the flow's first step is stored: wait for that step too
    await("call flow at its menu", () -> DtmfMenuFlow.MENU.equals(center.getCall(call).ivrStage()));
    assertThat(center.getCall(call).status()).isEqualTo(CallStatus.IVR_PROCESSING);
    return new Dialled(channel, call);
  }

  /** The caller keys 1 (sales), waits in the queue, and is connected to {@code agent}'s extension. */
  protected void connectToAgent(Dialled caller, Agent agent) {
    driver.pressKeys(caller.channel(), "1");
    awaitStatus(caller.call(), CallStatus.IN_QUEUE);
    center.connect(caller.call(), agent.id());
    await("caller connected to " + agent.extension(),
        () -> driver.connectedTo(caller.channel(), String.valueOf(agent.extension())));
  }

  /** A new caller dials the service. */
  protected ChannelId dial() {
    return driver.call("+9665" + String.format("%08d", CALLERS.incrementAndGet() % 100_000_000), "100");
  }

  /** The call the bridge created for {@code channel}, once it has. */
  protected CallId callOf(ChannelId channel) {
    await("call created for " + channel, () -> bridge.callOf(channel).isPresent());
    return bridge.callOf(channel).orElseThrow();
  }

  protected Agent availableAgent(String extension) {
    driver.registerAgent(extension);
    Agent agent = center.addAgent(new NewAgent(null, "Agent " + extension, null, extension, Department.SALES,
        Map.of()));
    return center.setAgentStatus(agent.id(), AgentStatus.AVAILABLE);
  }

  protected void awaitStatus(CallId call, CallStatus status) {
    await("call " + call + " " + status + " (is " + center.findCall(call).map(Call::status).orElse(null) + ")",
        () -> center.getCall(call).status() == status);
  }

  /** Waits up to the driver's patience for {@code condition}. */
  protected void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(driver.patience());
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + driver.patience() + " waiting for: " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what, e);
      }
    }
  }
}
