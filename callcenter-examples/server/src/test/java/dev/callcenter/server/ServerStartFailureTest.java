package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot start (its port is taken) leaves nothing running and its database free. */
class ServerStartFailureTest {
  @TempDir
  Path dataDir;

  @Test
  void aServerWhosePortIsTakenStopsWhatItStartedAndTheDatabaseOpensAgain() throws Exception {
    Set<String> before = serverThreads();
    try (ServerSocket taken = new ServerSocket(0)) {
      ServerSettings settings = ServerSettings.defaults(dataDir).withPort(taken.getLocalPort()).withSip(null);
      assertThatThrownBy(() -> CallCenterServer.start(settings, new PrintStream(OutputStream.nullOutputStream())))
          .isInstanceOf(RuntimeException.class);
    }

    // the ACD's timer thread and the server's worker threads are gone
    assertThat(serverThreads()).isSubsetOf(before);
    try (CallCenterServer server = CallCenterServer.start(ServerSettings.defaults(dataDir).withPort(0).withSip(null),
        new PrintStream(OutputStream.nullOutputStream()))) {
      assertThat(new HttpTestClient(server.port()).get("/health", null).status()).isEqualTo(200);
    }
  }

  private static Set<String> serverThreads() throws InterruptedException {
    Thread.sleep(200); // a thread that was just told to stop needs a moment to end
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("callcenter-")).collect(Collectors.toSet());
  }
}
