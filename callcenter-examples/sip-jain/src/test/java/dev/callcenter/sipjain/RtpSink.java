package dev.callcenter.sipjain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A caller's RTP port on loopback: records every packet that arrives, with when it arrived. */
final class RtpSink implements AutoCloseable {
  /** One RTP packet as received. */
  record Packet(long receivedNanos, int version, boolean marker, int payloadType, int sequence, long timestamp,
      long ssrc, byte[] payload) {
    static Packet parse(long receivedNanos, byte[] bytes) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      int first = b.get() & 0xff;
      int second = b.get() & 0xff;
      int sequence = b.getShort() & 0xffff;
      long timestamp = b.getInt() & 0xffffffffL;
      long ssrc = b.getInt() & 0xffffffffL;
      int offset = 12 + 4 * (first & 0x0f);
      return new Packet(receivedNanos, first >> 6, (second & 0x80) != 0, second & 0x7f, sequence, timestamp, ssrc,
          Arrays.copyOfRange(bytes, offset, bytes.length));
    }
  }

  private final DatagramSocket socket;
  private final List<Packet> packets = new CopyOnWriteArrayList<>();
  private final Thread reader;

  RtpSink() {
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reader = new Thread(this::read, "rtp-sink");
    reader.setDaemon(true);
    reader.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<Packet> packets() {
    return List.copyOf(packets);
  }

  /** The payloads of {@code received}, end to end. */
  static byte[] payloads(List<Packet> received) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    received.forEach(p -> out.writeBytes(p.payload()));
    return out.toByteArray();
  }

  private void read() {
    byte[] buffer = new byte[2048];
    while (!socket.isClosed()) {
      DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(datagram);
      } catch (IOException e) {
        return;
      }
      packets.add(Packet.parse(System.nanoTime(), Arrays.copyOf(datagram.getData(), datagram.getLength())));
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
