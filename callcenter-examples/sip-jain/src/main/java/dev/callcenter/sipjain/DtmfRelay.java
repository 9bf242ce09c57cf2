package dev.callcenter.sipjain;

import java.util.Locale;

/** DTMF keys in SIP INFO bodies: {@code application/dtmf-relay} ({@code Signal=5}) and {@code application/dtmf}. */
final class DtmfRelay {
  private static final String KEYS = "0123456789*#ABCD";

  private DtmfRelay() {}

  static boolean understands(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.equals("application/dtmf-relay") || type.equals("application/dtmf");
  }

  /** The keys in {@code body}; empty when it has none or the type is another. */
  static String keys(String contentType, String body) {
    String type = contentType.toLowerCase(Locale.ROOT);
    StringBuilder keys = new StringBuilder();
    if (type.equals("application/dtmf-relay")) {
      for (String line : body.split("\r?\n")) {
        int eq = line.indexOf('=');
        if (eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase("Signal")) {
          append(keys, line.substring(eq + 1).strip());
        }
      }
    } else if (type.equals("application/dtmf")) {
      append(keys, body.strip());
    }
    return keys.toString();
  }

  private static void append(StringBuilder keys, String value) {
    String v = value.toUpperCase(Locale.ROOT);
    if (v.length() == 1 && KEYS.indexOf(v.charAt(0)) >= 0) {
      keys.append(v.charAt(0));
    } else if (v.equals("10")) {
      keys.append('*');
    } else if (v.equals("11")) {
      keys.append('#');
    }
  }
}
