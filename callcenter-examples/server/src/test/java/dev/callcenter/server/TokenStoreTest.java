package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.CallCenterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
  @TempDir
  Path dir;

  @Test
  void issuedTokensSurviveAReopen() {
    Path file = dir.resolve("tokens");
    String token = TokenStore.open(file).issue(Role.SUPERVISOR, "sup-1");
    assertThat(TokenStore.open(file).authenticate(token)).hasValueSatisfying(p -> {
      assertThat(p.role()).isEqualTo(Role.SUPERVISOR);
      assertThat(p.subject()).isEqualTo("sup-1");
    });
  }

  @Test
  void aCorruptLineIsReportedWithTheFileAndLineButNotItsHash() throws Exception {
    Path file = dir.resolve("tokens");
    String token = TokenStore.open(file).issue(Role.ADMIN, null);
    String good = Files.readAllLines(file).get(0);
    String hash = good.split(" ")[0];
    Files.write(file, List.of("# staff tokens", good, "", hash.replace('a', 'b') + " SUPERUSER alice"));
    assertThatThrownBy(() -> TokenStore.open(file)).isInstanceOf(CallCenterException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("line 4").hasMessageContaining("unknown role")
        .hasMessageContaining("ADMIN").hasMessageNotContaining(hash.replace('a', 'b'));

    Files.write(file, List.of(good, hash + " ADMIN"));
    assertThatThrownBy(() -> TokenStore.open(file)).hasMessageContaining("line 2")
        .hasMessageContaining("hash role subject");
    Files.write(file, List.of(good, hash + " CALLER -"));
    assertThatThrownBy(() -> TokenStore.open(file)).as("a call role is never kept in the file")
        .hasMessageContaining("line 2");
    Files.write(file, List.of(good));
    assertThat(TokenStore.open(file).authenticate(token)).isPresent();
  }
}
