package dev.callcenter.sipjain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The little of SDP (RFC 4566, offer/answer RFC 3264) an IVR needs: where the caller's audio comes from, which
 * G.711 codec to use, and which payload type carries RFC 4733 telephone-events.
 *
 * @param address the connection address, or null when absent
 * @param port the audio port (0 when the stream is refused)
 * @param payloadTypes the audio payload types offered, in order of preference
 * @param telephoneEvent the telephone-event payload type, or -1 when not offered
 */
record Sdp(@Nullable String address, int port, List<Integer> payloadTypes, int telephoneEvent) {
  static final int PCMU = 0;
  static final int PCMA = 8;
  static final int DEFAULT_TELEPHONE_EVENT = 101;

  Sdp {
    payloadTypes = List.copyOf(payloadTypes);
  }

  /** Parses an offer; null when there is no audio stream in it. */
  static @Nullable Sdp parse(String text) {
    String sessionAddress = null;
    String mediaAddress = null;
    int port = -1;
    List<Integer> types = new ArrayList<>();
    int telephoneEvent = -1;
    boolean inAudio = false;
    boolean audioSeen = false;
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.length() < 2 || line.charAt(1) != '=') {
        continue;
      }
      String value = line.substring(2);
      switch (line.charAt(0)) {
        case 'c' -> {
          String[] parts = value.split(" ");
          if (parts.length >= 3) {
            if (inAudio) {
              mediaAddress = parts[2].split("/")[0];
            } else if (!audioSeen) {
              sessionAddress = parts[2].split("/")[0];
            }
          }
        }
        case 'm' -> {
          String[] parts = value.split(" ");
          inAudio = !audioSeen && parts.length >= 3 && parts[0].equals("audio");
          if (inAudio) {
            audioSeen = true;
            try {
              port = Integer.parseInt(parts[1].split("/")[0]);
              for (int i = 3; i < parts.length; i++) {
                types.add(Integer.parseInt(parts[i]));
              }
            } catch (NumberFormatException e) {
              return null;
            }
          }
        }
        case 'a' -> {
          if (inAudio && value.toLowerCase(Locale.ROOT).startsWith("rtpmap:")
              && value.toLowerCase(Locale.ROOT).contains("telephone-event/")) {
            try {
              telephoneEvent = Integer.parseInt(value.substring(7, value.indexOf(' ')).strip());
            } catch (RuntimeException e) {
              // a broken rtpmap line: no telephone-events
            }
          }
        }
        default -> { }
      }
    }
    if (!audioSeen || port < 0 || port > 65535) {
      return null;
    }
    return new Sdp(mediaAddress != null ? mediaAddress : sessionAddress, port, types, telephoneEvent);
  }

  /** The G.711 codec to answer with: the first offered of PCMU and PCMA, PCMU when neither is. */
  int codec() {
    for (int type : payloadTypes) {
      if (type == PCMU || type == PCMA) {
        return type;
      }
    }
    return PCMU;
  }

  /** Our answer: receive on {@code address}:{@code port}, with telephone-events when they were offered. */
  String answer(String address, int port, long sessionId) {
    return describe(address, port, sessionId, codec(), telephoneEvent);
  }

  /** An offer of ours, for a call that came without one: PCMU, PCMA and telephone-event 101. */
  static String offer(String address, int port, long sessionId) {
    return describe(address, port, sessionId, -1, DEFAULT_TELEPHONE_EVENT);
  }

  private static String describe(String address, int port, long sessionId, int codec, int telephoneEvent) {
    String ip = address.contains(":") ? "IP6" : "IP4";
    StringBuilder sb = new StringBuilder()
        .append("v=0\r\n")
        .append("o=callcenter ").append(sessionId).append(' ').append(sessionId).append(" IN ").append(ip).append(' ')
        .append(address).append("\r\n")
        .append("s=callcenter\r\n")
        .append("c=IN ").append(ip).append(' ').append(address).append("\r\n")
        .append("t=0 0\r\n")
        .append("m=audio ").append(port).append(" RTP/AVP");
    List<Integer> codecs = codec < 0 ? List.of(PCMU, PCMA) : List.of(codec);
    codecs.forEach(c -> sb.append(' ').append(c));
    if (telephoneEvent >= 0) {
      sb.append(' ').append(telephoneEvent);
    }
    sb.append("\r\n");
    for (int c : codecs) {
      sb.append("a=rtpmap:").append(c).append(c == PCMU ? " PCMU/8000" : " PCMA/8000").append("\r\n");
    }
    if (telephoneEvent >= 0) {
      sb.append("a=rtpmap:").append(telephoneEvent).append(" telephone-event/8000\r\n");
      sb.append("a=fmtp:").append(telephoneEvent).append(" 0-15\r\n");
    }
    sb.append("a=ptime:20\r\n").append("a=sendrecv\r\n");
    return sb.toString();
  }
}
