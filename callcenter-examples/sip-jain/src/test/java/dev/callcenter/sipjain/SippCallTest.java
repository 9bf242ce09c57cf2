package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentStatus;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.event.EventType;
import dev.callcenter.testkit.ExternalProcess.Result;
import dev.callcenter.testkit.LoopbackPorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIPp callers and agents against the JAIN-SIP telephony, the bridge and a DTMF menu, on loopback. */
@Timeout(240)
class SippCallTest {
  private final SipServer server = new SipServer(b -> b.ringing(Duration.ofMillis(300))
      .digestAlgorithms("MD5", "SHA-256")); // SIPp 3.6 answers only MD5, and only the first challenge
  private final Sipp sipp = new Sipp(server);
  private final List<CallId> calls = new CopyOnWriteArrayList<>();

  {
    server.center.subscribe(event -> {
      if (event.type() == EventType.CALL_NEW) {
        calls.add(CallId.of(event.subject()));
      }
    });
  }

  @AfterEach
  void close() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aCallerWalksTheMenuBySipInfoAndHangsUpInTheQueue(String transport) {
    Result caller = sipp.run(sipp.command("caller_info_hangs_up.xml", transport, 1), Duration.ofSeconds(75));

    assertThat(caller.exitCode()).as(caller.output()).isZero();
    await("call abandoned", () -> calls.size() == 1 && status(calls.get(0)) == CallStatus.ABANDONED);
    Call call = onlyCall();
    assertThat(call.collectedData()).containsEntry("account", "4711");
    assertThat(call.department()).isEqualTo(Department.COMPLAINTS);
    assertThat(server.bridge.channels()).isEmpty();
  }

  @Test
  void aCallerWalksTheMenuByRfc2833TelephoneEventsFromThePcaps() {
    Result caller = sipp.run(sipp.command("caller_rfc2833.xml", "udp", 1), Duration.ofSeconds(75));

    assertThat(caller.exitCode()).as(caller.output()).isZero();
    await("call ended", () -> calls.size() == 1 && status(calls.get(0)).isFinal());
    Call call = onlyCall();
    assertThat(call.collectedData()).containsEntry("account", "47");
    assertThat(call.department()).isEqualTo(Department.COMPLAINTS);
  }

  @Test
  void theFlowHangingUpSendsByeToTheCaller() {
    Result caller = sipp.run(sipp.command("caller_info_goodbye.xml", "udp", 1), Duration.ofSeconds(75));

    assertThat(caller.exitCode()).as(caller.output()).isZero();
    await("call completed", () -> calls.size() == 1 && status(calls.get(0)) == CallStatus.COMPLETED);
    assertThat(calls).hasSize(1);
  }

  @Test
  void cancelWhileRingingIsAnswered200And487() {
    Result caller = sipp.run(sipp.command("caller_cancel.xml", "udp", 1), Duration.ofSeconds(75));

    assertThat(caller.exitCode()).as(caller.output()).isZero();
    await("call abandoned", () -> status(onlyCall().id()) == CallStatus.ABANDONED);
    assertThat(server.bridge.channels()).isEmpty();
  }

  /**
   * Over UDP only: over TCP the BYE to the caller goes to its Contact, and a SIPp client does not listen there.
   */
  @ParameterizedTest
  @ValueSource(strings = {"udp"})
  void aQueuedCallerIsTransferredToARegisteredAgentAndTheAgentHangsUp(String transport) {
    int agentPort = LoopbackPorts.free();
    Sipp.Running agentUas = sipp.start(sipp.uas("agent_hangs_up.xml", agentPort, transport, "1001"));
    register("1001", SipServer.PASSWORD_1001, agentPort, transport);
    Agent agent = availableAgent("1001");

    Sipp.Running caller = sipp.start(sipp.command("caller_info_waits.xml", transport, 1));
    await("caller queued", () -> calls.size() == 1 && status(calls.get(0)) == CallStatus.IN_QUEUE);
    server.center.connect(calls.get(0), agent.id());

    Result agentResult = agentUas.finish(Duration.ofSeconds(75));
    Result callerResult = caller.finish(Duration.ofSeconds(75));
    assertThat(agentResult.exitCode()).as(agentResult.output()).isZero();
    assertThat(callerResult.exitCode()).as(callerResult.output()).isZero();
    await("call completed", () -> status(calls.get(0)) == CallStatus.COMPLETED);
    await("agent available", () -> server.center.getAgent(agent.id()).status() == AgentStatus.AVAILABLE);
  }

  /** The caller takes the agent's media by re-INVITE (its scenario checks the SDP is the agent's), then hangs up. */
  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void theCallerHangingUpOnTheAgentEndsTheAgentLeg(String transport) {
    int agentPort = LoopbackPorts.free();
    Sipp.Running agentUas = sipp.start(sipp.uas("agent_waits.xml", agentPort, transport, "1002"));
    register("1002", SipServer.PASSWORD_1002, agentPort, transport);
    Agent agent = availableAgent("1002");

    Sipp.Running caller = sipp.start(sipp.command("caller_info_bridged_hangs_up.xml", transport, 1));
    await("caller queued", () -> calls.size() == 1 && status(calls.get(0)) == CallStatus.IN_QUEUE);
    server.center.connect(calls.get(0), agent.id());

    Result callerResult = caller.finish(Duration.ofSeconds(75));
    Result agentResult = agentUas.finish(Duration.ofSeconds(75));
    assertThat(callerResult.exitCode()).as(callerResult.output()).isZero();
    assertThat(agentResult.exitCode()).as(agentResult.output()).isZero();
    await("call completed", () -> status(calls.get(0)) == CallStatus.COMPLETED);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private void register(String extension, String password, int agentPort, String transport) {
    Result result = sipp.run(sipp.command("agent_register.xml", transport, 1, "-key", "extension", extension,
        "-key", "agent_port", String.valueOf(agentPort), "-au", extension, "-ap", password), Duration.ofSeconds(75));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(server.sip.registrations().findFirst(extension)).isPresent();
  }

  private Agent availableAgent(String extension) {
    Agent agent = server.center.addAgent(new NewAgent(null, "Agent " + extension, null, extension,
        Department.SALES, Map.of()));
    return server.center.setAgentStatus(agent.id(), AgentStatus.AVAILABLE);
  }

  private Call onlyCall() {
    assertThat(calls).hasSize(1);
    return server.center.getCall(calls.get(0));
  }

  private CallStatus status(CallId id) {
    return server.center.getCall(id).status();
  }

  /** Waits up to 60 s for {@code condition}; failing, says what became of every call. */
  private void await(String what, BooleanSupplier condition) {
    try {
      Awaitility.await(what).atMost(Duration.ofSeconds(60)).until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; calls: " + calls.stream().map(server.center::getCall)
          .map(c -> c.status() + " " + c.ivrStage() + " " + c.collectedData()).toList(), e);
    }
  }
}
