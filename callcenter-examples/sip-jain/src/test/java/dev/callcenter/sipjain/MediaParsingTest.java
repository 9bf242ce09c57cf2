package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** SDP offers and answers, RFC 4733 telephone-events and SIP INFO DTMF bodies. */
class MediaParsingTest {
  private static final String OFFER = """
      v=0\r
      o=alice 1 1 IN IP4 192.0.2.10\r
      s=-\r
      c=IN IP4 192.0.2.10\r
      t=0 0\r
      m=audio 40000 RTP/AVP 8 0 96\r
      a=rtpmap:8 PCMA/8000\r
      a=rtpmap:96 telephone-event/8000\r
      a=fmtp:96 0-16\r
      """;

  @Test
  void anOfferIsParsedAndAnsweredWithItsCodecAndTelephoneEventType() {
    Sdp sdp = Sdp.parse(OFFER);

    assertThat(sdp).isNotNull();
    assertThat(sdp.address()).isEqualTo("192.0.2.10");
    assertThat(sdp.port()).isEqualTo(40000);
    assertThat(sdp.telephoneEvent()).isEqualTo(96);
    assertThat(sdp.codec()).isEqualTo(Sdp.PCMA);
    String answer = sdp.answer("127.0.0.1", 30000, 7);
    assertThat(answer).contains("m=audio 30000 RTP/AVP 8 96\r\n").contains("a=rtpmap:96 telephone-event/8000")
        .contains("c=IN IP4 127.0.0.1").doesNotContain("PCMU");
  }

  @Test
  void anOfferWithoutTelephoneEventsIsAnsweredWithoutThem() {
    Sdp sdp = Sdp.parse(OFFER.replace("a=rtpmap:96 telephone-event/8000\r\n", "").replace(" 96\r", "\r"));

    assertThat(sdp.telephoneEvent()).isEqualTo(-1);
    assertThat(sdp.answer("127.0.0.1", 30000, 7)).doesNotContain("telephone-event");
  }

  @Test
  void anOfferWithoutAudioOrWithABrokenPortIsRefused() {
    assertThat(Sdp.parse("v=0\r\nm=video 4000 RTP/AVP 31\r\n")).isNull();
    assertThat(Sdp.parse("v=0\r\nm=audio abc RTP/AVP 0\r\n")).isNull();
    assertThat(Sdp.parse("garbage")).isNull();
  }

  @Test
  void anEventIsReportedOnceThoughItsEndPacketIsRepeated() {
    TelephoneEvents events = new TelephoneEvents(101);
    List<Character> keys = new ArrayList<>();
    for (ByteBuffer packet : press(5, 1000, 0x1234)) {
      char key = events.accept(packet);
      if (key != 0) {
        keys.add(key);
      }
    }
    assertThat(keys).containsExactly('5');
  }

  @Test
  void theSameRecordingPlayedTwiceCountsTwice() {
    TelephoneEvents events = new TelephoneEvents(101);
    List<Character> keys = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (ByteBuffer packet : press(11, 92640, 7)) { // identical timestamps, like a replayed pcap
        char key = events.accept(packet);
        if (key != 0) {
          keys.add(key);
        }
      }
    }
    assertThat(keys).containsExactly('#', '#');
  }

  @Test
  void audioAndOtherPayloadTypesAreIgnored() {
    TelephoneEvents events = new TelephoneEvents(101);
    ByteBuffer audio = rtp(0, 1, 160, 9, new byte[160]);
    ByteBuffer wrongType = rtp(100, 2, 160, 9, new byte[] {5, (byte) 0x80, 0, 100});
    ByteBuffer notRtp = ByteBuffer.wrap(new byte[] {0, 1, 2});

    assertThat(events.accept(audio)).isEqualTo((char) 0);
    assertThat(events.accept(wrongType)).isEqualTo((char) 0);
    assertThat(events.accept(notRtp)).isEqualTo((char) 0);
  }

  @Property(tries = 200)
  void eachKeyOfASequenceIsReportedOnceInOrder(@ForAll("keys") List<Integer> sequence) {
    TelephoneEvents events = new TelephoneEvents(101);
    StringBuilder heard = new StringBuilder();
    long timestamp = 1000;
    for (int event : sequence) {
      for (ByteBuffer packet : press(event, timestamp, 42)) {
        char key = events.accept(packet);
        if (key != 0) {
          heard.append(key);
        }
      }
      timestamp += 2400;
    }
    StringBuilder expected = new StringBuilder();
    sequence.forEach(e -> expected.append("0123456789*#ABCD".charAt(e)));
    assertThat(heard.toString()).isEqualTo(expected.toString());
  }

  @Provide
  Arbitrary<List<Integer>> keys() {
    return Arbitraries.integers().between(0, 15).list().ofMaxSize(20);
  }

  @Test
  void infoBodiesCarryKeys() {
    assertThat(DtmfRelay.keys("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n")).isEqualTo("5");
    assertThat(DtmfRelay.keys("application/dtmf-relay", "Signal= #\nDuration=100")).isEqualTo("#");
    assertThat(DtmfRelay.keys("application/dtmf-relay", "Signal=11\r\n")).isEqualTo("#");
    assertThat(DtmfRelay.keys("application/dtmf", "*")).isEqualTo("*");
    assertThat(DtmfRelay.keys("application/dtmf-relay", "Signal=X\r\n")).isEmpty();
    assertThat(DtmfRelay.keys("text/plain", "Signal=5")).isEmpty();
    assertThat(DtmfRelay.understands("Application/DTMF-Relay")).isTrue();
  }

  /** The packets of one key press: start, two updates, three end packets, all with one timestamp. */
  private static List<ByteBuffer> press(int event, long timestamp, int ssrc) {
    List<ByteBuffer> packets = new ArrayList<>();
    int seq = (int) (timestamp & 0xffff);
    for (int i = 0; i < 3; i++) {
      packets.add(rtp(101, seq++, timestamp, ssrc, new byte[] {(byte) event, 10, 0, (byte) (i * 160)}));
    }
    for (int i = 0; i < 3; i++) {
      packets.add(rtp(101, seq, timestamp, ssrc, new byte[] {(byte) event, (byte) 0x8a, 1, (byte) 224}));
    }
    return packets;
  }

  private static ByteBuffer rtp(int payloadType, int seq, long timestamp, int ssrc, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
    b.put((byte) 0x80).put((byte) payloadType).putShort((short) seq).putInt((int) timestamp).putInt(ssrc)
        .put(payload).flip();
    return b;
  }
}
