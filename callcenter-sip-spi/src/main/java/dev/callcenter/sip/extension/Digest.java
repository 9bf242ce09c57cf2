package dev.callcenter.sip.extension;

import dev.callcenter.core.CallCenterException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** HA1 computation (RFC 7616 section 3.4.2). */
final class Digest {
  private Digest() {}

  /** H(username ":" realm ":" password) in lower-case hex; the UTF-8 bytes of the password are wiped after. */
  static String ha1(String algorithm, String username, String realm, String password) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new CallCenterException("digest algorithm " + algorithm + " is not available in this JDK", e);
    }
    md.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      md.update(bytes);
      return HexFormat.of().formatHex(md.digest());
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }
}
