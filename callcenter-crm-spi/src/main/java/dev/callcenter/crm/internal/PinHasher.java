package dev.callcenter.crm.internal;

import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Digits;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Hashes IVR PINs with PBKDF2-HMAC-SHA256 and a random salt, as {@code pbkdf2-sha256$iterations$salt$hash}
 * (Base64). The PIN itself is never stored or echoed in a message.
 */
public final class PinHasher {
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  public PinHasher(int iterations) {
    if (iterations < 1) {
      throw InvalidInputException.of("pinHashIterations", "must be at least 1, was %d", iterations);
    }
    this.iterations = iterations;
  }

  /** The PIN with Arabic-Indic or Persian digits read as ASCII; rejects anything but 4 to 8 digits. */
  public static String normalise(@Nullable String pin) {
    if (pin == null || pin.isBlank()) {
      throw InvalidInputException.of("pin", "must not be blank");
    }
    String ascii = Digits.toAscii(pin.strip());
    if (!ascii.matches("[0-9]{4,8}")) {
      throw InvalidInputException.of("pin", "must be 4 to 8 digits");
    }
    return ascii;
  }

  public String hash(String pin) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(normalise(pin), salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /**
   * Whether {@code pin} matches {@code stored}; false (never an exception) for a malformed PIN.
   *
   * @throws CallCenterException when {@code stored} is not a hash this class wrote (unknown format, a bad
   *     iteration count, bad Base64); the message says what is wrong without repeating the hash
   */
  public static boolean matches(String stored, @Nullable String pin) {
    String ascii;
    try {
      ascii = normalise(pin);
    } catch (InvalidInputException e) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new CallCenterException("stored PIN hash has an unknown format");
    }
    int rounds;
    try {
      rounds = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new CallCenterException("stored PIN hash is corrupt: its iteration count is not a number");
    }
    if (rounds < 1) {
      throw new CallCenterException("stored PIN hash is corrupt: its iteration count is not positive");
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] expected;
    byte[] salt;
    try {
      expected = b64.decode(parts[3]);
      salt = b64.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new CallCenterException("stored PIN hash is corrupt: its salt or hash is not Base64");
    }
    if (salt.length == 0 || expected.length == 0) {
      throw new CallCenterException("stored PIN hash is corrupt: its salt or hash is empty");
    }
    byte[] actual = derive(ascii, salt, rounds);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(String pin, byte[] salt, int rounds) {
    char[] chars = pin.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, rounds, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new CallCenterException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }
}
