package dev.callcenter.sipjain;

/**
 * The two laws of G.711 (ITU-T G.711): their RTP payload types (RFC 3551), their WAV format codes, and the
 * conversion of a sample from one law to the other through 16-bit linear PCM, as the ITU-T G.191 reference
 * ({@code ulaw_expand}, {@code alaw_compress} and the like) does it. The JDK's {@code javax.sound} A-law encoder
 * rounds some small negative samples one step away from that reference, hence this table of 256 codes per
 * direction.
 */
enum G711 {
  /** μ-law, PCMU. */
  ULAW(Sdp.PCMU, 7, "mu-law"),
  /** A-law, PCMA. */
  ALAW(Sdp.PCMA, 6, "A-law");

  private final int payloadType;
  private final int wavFormat;
  private final String label;
  /** This law's code of each code of the other law. */
  private final byte[] fromOther = new byte[256];

  static {
    for (int code = 0; code < 256; code++) {
      ULAW.fromOther[code] = (byte) ULAW.fromLinear(ALAW.toLinear(code));
      ALAW.fromOther[code] = (byte) ALAW.fromLinear(ULAW.toLinear(code));
    }
  }

  G711(int payloadType, int wavFormat, String label) {
    this.payloadType = payloadType;
    this.wavFormat = wavFormat;
    this.label = label;
  }

  int payloadType() {
    return payloadType;
  }

  /** The {@code wFormatTag} of a WAV file in this law. */
  int wavFormat() {
    return wavFormat;
  }

  /** The law of an RTP payload type (an SDP answer names PCMU or PCMA; anything else is taken as PCMU). */
  static G711 ofPayloadType(int type) {
    return type == Sdp.PCMA ? ALAW : ULAW;
  }

  /** The sample {@code code} of law {@code from} in this law. */
  byte from(G711 from, byte code) {
    return from == this ? code : fromOther[code & 0xff];
  }

  /** The 16-bit linear value of a code of this law. */
  int toLinear(int code) {
    if (this == ULAW) {
      int u = ~code & 0xff;
      int t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
      return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }
    int a = (code ^ 0x55) & 0xff;
    int t = (a & 0x0f) << 4;
    int segment = (a & 0x70) >> 4;
    if (segment == 0) {
      t += 8;
    } else {
      t = (t + 0x108) << (segment - 1);
    }
    return (a & 0x80) != 0 ? t : -t;
  }

  /** The code of this law for a 16-bit linear sample (negative values by one's complement, as G.191 does). */
  int fromLinear(int linear) {
    if (this == ULAW) {
      int magnitude = Math.min((linear < 0 ? ~linear >> 2 : linear >> 2) + 33, 0x1fff);
      int segment = 1;
      for (int i = magnitude >> 6; i != 0; i >>= 1) {
        segment++;
      }
      int code = ((8 - segment) << 4) | (0x0f - ((magnitude >> segment) & 0x0f));
      return linear >= 0 ? code | 0x80 : code;
    }
    int code = linear < 0 ? ~linear >> 4 : linear >> 4;
    if (code > 15) {
      int exponent = 1;
      while (code > 16 + 15) {
        code >>= 1;
        exponent++;
      }
      code += (exponent << 4) - 16;
    }
    if (linear >= 0) {
      code |= 0x80;
    }
    return code ^ 0x55;
  }

  @Override
  public String toString() {
    return label;
  }
}
