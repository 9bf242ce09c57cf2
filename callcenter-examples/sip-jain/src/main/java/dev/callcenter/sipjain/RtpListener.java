package dev.callcenter.sipjain;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the RTP of every call on one thread (a selector over one UDP socket per call) and reports the
 * telephone-event keys in it. Audio packets are read and dropped. Prompt audio leaves from the same sockets
 * ({@link PromptPlayer}).
 */
final class RtpListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RtpListener.class);

  /** One call's RTP socket. */
  final class Stream implements AutoCloseable {
    private final DatagramChannel channel;
    private final TelephoneEvents events;
    private final Consumer<Character> keys;

    private Stream(DatagramChannel channel, int payloadType, Consumer<Character> keys) {
      this.channel = channel;
      this.events = new TelephoneEvents(payloadType);
      this.keys = keys;
    }

    int port() {
      try {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
      } catch (IOException e) {
        return 0;
      }
    }

    /** Sends a packet from this socket, so that the caller's audio and ours share one port (symmetric RTP). */
    void send(ByteBuffer packet, InetSocketAddress to) throws IOException {
      channel.send(packet, to);
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("closing an RTP socket failed", e);
      }
    }
  }

  private final String address;
  private final Selector selector;
  private final ConcurrentLinkedQueue<Stream> added = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final ByteBuffer buffer = ByteBuffer.allocate(2048);
  private volatile boolean closed;

  RtpListener(String address) throws IOException {
    this.address = address;
    this.selector = Selector.open();
    this.thread = new Thread(this::run, "sip-rtp");
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens a socket on a free port; {@code keys} receives each key, on the RTP thread. */
  Stream open(int telephoneEventType, Consumer<Character> keys) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.bind(new InetSocketAddress(address, 0));
      channel.configureBlocking(false);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    Stream stream = new Stream(channel, telephoneEventType, keys);
    added.add(stream);
    selector.wakeup();
    return stream;
  }

  private void run() {
    while (!closed) {
      try {
        selector.select(1000);
        Stream stream;
        while ((stream = added.poll()) != null) {
          if (stream.channel.isOpen()) {
            stream.channel.register(selector, SelectionKey.OP_READ, stream);
          }
        }
        for (SelectionKey key : selector.selectedKeys()) {
          read((Stream) key.attachment());
        }
        selector.selectedKeys().clear();
      } catch (ClosedSelectorException e) {
        return;
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          LOG.warn("RTP receive loop failed; continuing", e);
        }
      }
    }
  }

  private void read(Stream stream) {
    try {
      while (true) {
        buffer.clear();
        if (stream.channel.receive(buffer) == null) {
          return;
        }
        buffer.flip();
        char key = stream.events.accept(buffer);
        if (key != 0) {
          try {
            stream.keys.accept(key);
          } catch (RuntimeException e) {
            LOG.warn("DTMF listener failed", e);
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("RTP socket closed while reading", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      selector.close();
    } catch (IOException e) {
      LOG.debug("closing the RTP selector failed", e);
    }
    thread.interrupt();
  }
}
