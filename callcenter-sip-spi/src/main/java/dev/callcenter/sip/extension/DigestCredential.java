package dev.callcenter.sip.extension;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the registrar needs to check a digest response for one realm and algorithm (RFC 7616): HA1 =
 * H(extcode ":" realm ":" password), in lower-case hex. HA1 is password-equivalent for that realm, so it is left
 * out of {@link #toString()} and never written to JSON (it is still read from JSON, for stores that keep it so).
 *
 * @param algorithm {@value #MD5} or {@value #SHA_256}
 */
public record DigestCredential(
    String realm, String algorithm, @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String ha1) {
  public static final String MD5 = "MD5";
  public static final String SHA_256 = "SHA-256";
  private static final Pattern HEX_MD5 = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern HEX_SHA_256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern REALM = Pattern.compile("[\\x20-\\x7E&&[^\"\\\\]]{1,255}");

  public DigestCredential {
    Checks.matches(realm, REALM, "realm", "1-255 printable ASCII characters without quotes or backslashes");
    algorithm = canonicalAlgorithm(algorithm);
    Checks.notBlank(ha1, "ha1");
    Pattern hex = algorithm.equals(MD5) ? HEX_MD5 : HEX_SHA_256;
    if (!hex.matcher(ha1).matches()) {
      throw InvalidInputException.of("ha1", "must be %d lower-case hex digits for %s", algorithm.equals(MD5) ? 32
          : 64, algorithm);
    }
  }

  /** {@code MD5} or {@code SHA-256} from any letter case (also {@code sha256}). */
  public static String canonicalAlgorithm(String algorithm) {
    Checks.notBlank(algorithm, "algorithm");
    String a = algorithm.trim().toUpperCase(Locale.ROOT);
    if (a.equals(MD5)) {
      return MD5;
    }
    if (a.equals(SHA_256) || a.equals("SHA256")) {
      return SHA_256;
    }
    throw InvalidInputException.of("algorithm", "must be MD5 or SHA-256, was '%s'", Checks.abbreviate(algorithm));
  }

  /** Leaves the HA1 out. */
  @Override
  public String toString() {
    return "DigestCredential[realm=" + realm + ", algorithm=" + algorithm + ", ha1=<redacted>]";
  }
}
