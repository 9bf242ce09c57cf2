package dev.callcenter.sipjain;

import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.TelephonyEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams prompt audio to callers as RTP (RFC 3550): packets of 20 ms (160 samples), version 2, the payload type of
 * the call's G.711 law, one random SSRC per call, sequence numbers and timestamps (+160 a packet) running on across
 * the prompts of a call, the marker bit on the first packet of each prompt. Packets leave from the call's own RTP
 * socket (symmetric RTP) for the address and port of the caller's SDP.
 *
 * <p>Each call has a queue: prompts play in the order asked for, and {@link TelephonyEvent.PromptFinished} is
 * reported for each when its last packet has been sent; a prompt without audio behind one that plays is reported
 * when its turn comes, right after the one before it. One scheduler thread paces every call: a call's packets go out
 * at a fixed rate of one per 20 ms, so that they do not drift (after a stall, the ones due go out at once).
 */
final class PromptPlayer implements AutoCloseable {
  static final int SAMPLES_PER_PACKET = 160;
  static final long PACKET_MILLIS = 20;
  private static final Logger LOG = LoggerFactory.getLogger(PromptPlayer.class);
  private static final int HEADER = 12;

  /** Where a call's audio goes, from which socket, in which law. */
  record Media(RtpListener.Stream socket, InetSocketAddress caller, G711 law) {
    /**
     * The media of a call whose caller offered {@code sdp}; null when there is nowhere to send to (no SDP, port 0,
     * the unspecified address of a call on hold, or an address that does not resolve).
     */
    static @Nullable Media of(RtpListener.@Nullable Stream socket, @Nullable Sdp sdp) {
      if (socket == null || sdp == null || sdp.address() == null || sdp.port() <= 0) {
        return null;
      }
      InetSocketAddress caller = new InetSocketAddress(sdp.address(), sdp.port());
      InetAddress address = caller.getAddress();
      if (address == null || address.isAnyLocalAddress()) {
        return null;
      }
      return new Media(socket, caller, G711.ofPayloadType(sdp.codec()));
    }
  }

  /** A prompt waiting or playing; {@code sent} samples of its audio are out. */
  private static final class Queued {
    final String promptId;
    final @Nullable G711Wav audio;
    int sent;

    Queued(String promptId, @Nullable G711Wav audio) {
      this.promptId = promptId;
      this.audio = audio;
    }

    int left() {
      return audio == null ? 0 : audio.samples().length - sent;
    }
  }

  /** One call's stream. Guarded by its own monitor. */
  private final class Playback implements Runnable {
    final ChannelId channel;
    final Media media;
    final int ssrc;
    final Deque<Queued> queue = new ArrayDeque<>();
    int sequence;
    int timestamp;
    boolean silenced;
    boolean sendFailed;
    @Nullable ScheduledFuture<?> task;

    Playback(ChannelId channel, Media media) {
      this.channel = channel;
      this.media = media;
      ThreadLocalRandom random = ThreadLocalRandom.current();
      this.ssrc = random.nextInt();
      this.sequence = random.nextInt(1 << 16);
      this.timestamp = random.nextInt();
    }

    @Override
    public void run() {
      try {
        tick(this);
      } catch (RuntimeException e) { // a periodic task that throws is never run again
        LOG.warn("streaming a prompt to {} failed", channel, e);
      }
    }

    /** Stops the stream and drops what is queued; later prompts are reported as played at once. */
    void silence() {
      silenced = true;
      queue.clear();
      ScheduledFuture<?> t = task;
      if (t != null) {
        t.cancel(false);
        task = null;
      }
    }
  }

  private final ScheduledExecutorService scheduler;
  private final Consumer<TelephonyEvent> events;
  private final Map<ChannelId, Playback> playbacks = new ConcurrentHashMap<>();
  /** The packet being written; only the scheduler thread uses it. */
  private final ByteBuffer packet = ByteBuffer.allocateDirect(HEADER + SAMPLES_PER_PACKET);

  /** Reports {@link TelephonyEvent.PromptFinished} to {@code events}, from the scheduler thread. */
  PromptPlayer(Consumer<TelephonyEvent> events) {
    this.events = events;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sip-prompt-rtp");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Queues a prompt of {@code channel}.
   *
   * @param media where the call's audio goes; null when there is nowhere
   * @param audio the prompt's audio; null when it has none that can be played
   * @return false when the prompt is done at once, for the caller to report: it has no audio and nothing is queued
   *     before it, or the call's audio is silenced
   */
  boolean enqueue(ChannelId channel, String promptId, @Nullable Media media, @Nullable G711Wav audio) {
    Playback playback = audio == null || media == null ? playbacks.get(channel)
        : playbacks.computeIfAbsent(channel, c -> new Playback(c, media));
    if (playback == null) {
      return false;
    }
    synchronized (playback) {
      if (playback.silenced || audio == null && playback.queue.isEmpty()) {
        return false;
      }
      playback.queue.addLast(new Queued(promptId, audio));
      if (playback.task == null) {
        playback.task = scheduler.scheduleAtFixedRate(playback, 0, PACKET_MILLIS, TimeUnit.MILLISECONDS);
      }
      return true;
    }
  }

  /**
   * The caller's audio now belongs to someone else (an agent): the stream stops, what is queued is dropped
   * unreported, and later prompts of the call are reported as played at once.
   */
  void silence(ChannelId channel) {
    Playback playback = playbacks.get(channel);
    if (playback != null) {
      synchronized (playback) {
        playback.silence();
      }
    }
  }

  /** The call ended: the stream stops and what is queued is dropped unreported. */
  void stop(ChannelId channel) {
    Playback playback = playbacks.remove(channel);
    if (playback != null) {
      synchronized (playback) {
        playback.silence();
      }
    }
  }

  /**
   * Sends the next packet of the call, if one is due, and reports the prompts that are done: the one whose last
   * packet this was, and the prompts without audio behind it. A report goes out without holding the call's monitor;
   * the prompt leaves the queue only after it, so that a prompt queued meanwhile waits behind it.
   */
  private void tick(Playback playback) {
    boolean sent = false;
    while (true) {
      Queued done;
      synchronized (playback) {
        Queued head = playback.queue.peekFirst();
        if (playback.silenced || head == null) {
          ScheduledFuture<?> t = playback.task;
          if (t != null) { // idle until the next prompt
            t.cancel(false);
            playback.task = null;
          }
          return;
        }
        if (head.left() > 0) {
          if (sent) {
            return; // the next prompt starts at the next tick
          }
          send(playback, head);
          sent = true;
          if (head.left() > 0) {
            return;
          }
        }
        done = head;
      }
      events.accept(new TelephonyEvent.PromptFinished(playback.channel, done.promptId));
      synchronized (playback) {
        if (playback.queue.peekFirst() == done) {
          playback.queue.removeFirst();
        }
      }
    }
  }

  private void send(Playback playback, Queued prompt) {
    G711Wav audio = prompt.audio;
    if (audio == null) {
      return;
    }
    G711 law = playback.media.law();
    int count = Math.min(SAMPLES_PER_PACKET, prompt.left());
    packet.clear();
    packet.put((byte) 0x80) // version 2, no padding, no extension, no CSRC
        .put((byte) ((prompt.sent == 0 ? 0x80 : 0) | law.payloadType()))
        .putShort((short) playback.sequence)
        .putInt(playback.timestamp)
        .putInt(playback.ssrc);
    byte[] samples = audio.samples();
    for (int i = prompt.sent; i < prompt.sent + count; i++) {
      packet.put(law.from(audio.law(), samples[i]));
    }
    packet.flip();
    prompt.sent += count;
    playback.sequence = (playback.sequence + 1) & 0xffff;
    playback.timestamp += SAMPLES_PER_PACKET;
    try {
      playback.media.socket().send(packet, playback.media.caller());
    } catch (ClosedChannelException e) {
      playback.silence(); // the call ended under us
    } catch (IOException | RuntimeException e) {
      if (!playback.sendFailed) { // the prompt keeps its pace: the flow goes on as if it was heard
        playback.sendFailed = true;
        LOG.info("prompt audio to {} of {} cannot be sent: {}", playback.media.caller(), playback.channel,
            e.toString());
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    playbacks.clear();
  }
}
