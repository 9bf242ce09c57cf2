package dev.callcenter.sipjain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.callcenter.sip.ChannelId;
import dev.callcenter.sip.TelephonyEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** After a back-to-back transfer the caller is re-INVITEd with the agent's SDP, so that audio flows both ways. */
@Timeout(60)
class CallerReinviteTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final SipPhones phones = new SipPhones();
  private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    phones.telephony().start(events::add);
    phones.registerAgent("1001");
  }

  @AfterEach
  void close() {
    phones.close();
  }

  @Test
  void theCallerIsReinvitedWithTheAgentsMediaAndItsOkIsAcknowledged() {
    ChannelId channel = transferredCall();

    await("a re-INVITE to the caller").atMost(WAIT).until(() -> !phones.reinvitesTo(channel).isEmpty());
    String reinvite = phones.reinvitesTo(channel).get(0);
    assertThat(reinvite).startsWith("INVITE sip:caller@127.0.0.1:");
    assertThat(header(reinvite, "To")).contains(";tag="); // in the caller's dialog
    assertThat(header(reinvite, "From")).contains(";tag=");
    assertThat(header(reinvite, "CSeq")).matches("\\d+ INVITE");
    assertThat(reinvite).contains("\r\nc=IN IP4 127.0.0.1\r\n")
        .contains("\r\nm=audio " + SipPhones.AGENT_MEDIA_PORT + " RTP/AVP 0\r\n")
        .containsPattern("\r\no=callcenter \\d+ \\d+ IN IP4 127\\.0\\.0\\.1\r\n");
    int cseq = cseq(header(reinvite, "CSeq"));
    await("the ACK of the caller's 200").atMost(WAIT).until(() -> phones.acksTo(channel).stream()
        .anyMatch(ack -> header(ack, "CSeq").equals(cseq + " ACK")));
    assertThat(phones.callerLegEnded(channel)).isFalse();
    assertThat(phones.connectedTo(channel, "1001")).isTrue();

    phones.telephony().hangUp(channel); // the next request in the dialog counts on from the re-INVITE
    await("a BYE to the caller").atMost(WAIT).until(() -> !phones.byesTo(channel).isEmpty());
    assertThat(cseq(header(phones.byesTo(channel).get(0), "CSeq"))).isEqualTo(cseq + 1);
  }

  @Test
  void aCallerRefusingTheReinviteKeepsTheCall() {
    phones.callersAnswerReinvitesWith(488);
    ChannelId channel = transferredCall();

    await("a re-INVITE to the caller").atMost(WAIT).until(() -> !phones.reinvitesTo(channel).isEmpty());
    int cseq = cseq(header(phones.reinvitesTo(channel).get(0), "CSeq"));
    await("the ACK of the caller's 488").atMost(WAIT).until(() -> phones.acksTo(channel).stream()
        .anyMatch(ack -> header(ack, "CSeq").equals(cseq + " ACK")));
    phones.pressKeys(channel, "5"); // the caller's dialog still answers
    await("the key").atMost(WAIT).until(() -> events.contains(new TelephonyEvent.DtmfReceived(channel, '5')));
    assertThat(events).noneMatch(e -> e instanceof TelephonyEvent.HungUp);
    assertThat(phones.callerLegEnded(channel)).isFalse();
    assertThat(phones.connectedTo(channel, "1001")).isTrue();

    phones.hangUpAsCaller(channel);
    await("the agent leg ended").atMost(WAIT).until(() -> phones.agentLegEnded(channel));
  }

  private ChannelId transferredCall() {
    ChannelId channel = phones.call("0501234567", "100");
    await("the call offered").atMost(WAIT)
        .until(() -> events.stream().anyMatch(e -> e instanceof TelephonyEvent.CallOffered));
    phones.telephony().answer(channel);
    await("the call answered").atMost(WAIT).until(() -> events.contains(new TelephonyEvent.CallAnswered(channel)));
    phones.telephony().transfer(channel, "1001");
    await("the transfer completed").atMost(WAIT).until(() -> events.stream()
        .anyMatch(e -> e instanceof TelephonyEvent.TransferCompleted c && c.channel().equals(channel)));
    return channel;
  }

  private static int cseq(String header) {
    return Integer.parseInt(header.substring(0, header.indexOf(' ')).strip());
  }

  private static String header(String message, String name) {
    Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(.*?)\r?$").matcher(message.split("\r\n\r\n", 2)[0]);
    return m.find() ? m.group(1).strip() : "";
  }
}
