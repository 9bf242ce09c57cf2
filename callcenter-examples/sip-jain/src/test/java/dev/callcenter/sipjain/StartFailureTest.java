package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.CallCenterException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A SIP adapter that cannot bind all its transports releases the ones it bound, so a retry can start. */
class StartFailureTest {
  @Test
  void whenTcpIsTakenTheUdpPortIsReleasedAndAStartAfterwardsSucceeds() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    int port;
    try (ServerSocket tcpTaken = new ServerSocket(0, 1, loopback)) {
      port = tcpTaken.getLocalPort();
      JainSipTelephony sip = JainSipTelephony.builder().host("127.0.0.1").port(port).transports("udp", "tcp")
          .realm(SipServer.REALM).credentials(SipServer.credentials()).build();

      assertThatThrownBy(() -> sip.start(event -> { })).isInstanceOf(CallCenterException.class)
          .hasMessageContaining(String.valueOf(port));

      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
        assertThat(udp.getLocalPort()).as("the UDP port the failed start had bound").isEqualTo(port);
      }
    }

    JainSipTelephony retry = JainSipTelephony.builder().host("127.0.0.1").port(port).transports("udp", "tcp")
        .realm(SipServer.REALM).credentials(SipServer.credentials()).build();
    try {
      retry.start(event -> { });
      assertThat(retry.port()).isEqualTo(port);
    } finally {
      retry.close();
    }
  }
}
