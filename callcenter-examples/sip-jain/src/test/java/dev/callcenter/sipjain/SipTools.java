package dev.callcenter.sipjain;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * SIPp scenario files for the SIP tests. Free ports are {@link dev.callcenter.testkit.LoopbackPorts}; finding and
 * running the tools is {@link dev.callcenter.testkit.ExternalTool} and {@link dev.callcenter.testkit.ExternalProcess}.
 */
final class SipTools {
  private SipTools() {}

  static String scenario(String name) {
    URL url = SipTools.class.getResource("/sipp/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no scenario " + name);
    }
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
