package dev.callcenter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

class ConnectRaceTest {

  @RepeatedTest(100)
  void twoCallsRacingForTheOneAvailableAgentOnlyOneGetsIt() throws Exception {
    CallCenter center = CallCenter.builder().build();
    Call first = center.enqueue(center.createCall(NewCall.fromPhone("+966501234567")).id(), Department.SALES,
        Priority.NORMAL);
    Call second = center.enqueue(center.createCall(NewCall.fromPhone("+966501234568")).id(), Department.SALES,
        Priority.NORMAL);
    Agent agent = center.addAgent(NewAgent.of("Huda", Department.SALES, Map.of()));
    center.setAgentStatus(agent.id(), AgentStatus.AVAILABLE);

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Call> connected = new ArrayList<>();
    List<Throwable> refused = new ArrayList<>();
    try {
      List<Future<Call>> attempts = new ArrayList<>();
      for (Call call : List.of(first, second)) {
        attempts.add(pool.submit(() -> {
          go.await();
          return center.connect(call.id(), agent.id());
        }));
      }
      go.countDown();
      for (Future<Call> attempt : attempts) {
        try {
          connected.add(attempt.get(10, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          refused.add(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(connected).hasSize(1);
    assertThat(refused).singleElement().isInstanceOf(IllegalTransitionException.class);
    Call loser = connected.get(0).id().equals(first.id()) ? second : first;
    assertThat(center.getCall(loser.id()).status()).isEqualTo(CallStatus.IN_QUEUE);
    assertThat(center.getCall(loser.id()).agentId()).isNull();
    assertThat(center.getAgent(agent.id()).status()).isEqualTo(AgentStatus.BUSY);
  }
}
