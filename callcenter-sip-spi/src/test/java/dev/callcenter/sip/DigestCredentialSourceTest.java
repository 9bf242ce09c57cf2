package dev.callcenter.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.sip.extension.ExtensionStore;
import dev.callcenter.sip.extension.Extensions;
import dev.callcenter.sip.extension.NewExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DigestCredentialSourceTest {
  private final ExtensionStore store = ExtensionStore.inMemory();
  private final Extensions extensions = Extensions.builder().extensionStore(store).realm("pbx.example").build();

  @Test
  void findsTheHa1OfAnExtensionByItsCode() throws Exception {
    extensions.create(NewExtension.of("1001", "Front desk", "Lemon-Tree-42-x"));
    DigestCredentialSource source = DigestCredentialSource.of(store);

    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("1001:pbx.example:Lemon-Tree-42-x".getBytes(StandardCharsets.UTF_8)));
    assertThat(source.ha1("1001", "pbx.example", "SHA-256")).contains(expected);
    assertThat(source.ha1("1001", "pbx.example", "MD5")).isPresent();
  }

  @Test
  void findsNothingForAnUnknownUserRealmOrAlgorithm() {
    extensions.create(NewExtension.of("1001", "Front desk", "Lemon-Tree-42-x"));
    DigestCredentialSource source = DigestCredentialSource.of(store);

    assertThat(source.ha1("1002", "pbx.example", "MD5")).isEmpty();
    assertThat(source.ha1("1001", "elsewhere", "MD5")).isEmpty();
    assertThat(source.ha1("1001", "pbx.example", "SHA-512")).isEmpty();
    assertThat(source.ha1("not a code!", "pbx.example", "MD5")).isEmpty();
  }
}
