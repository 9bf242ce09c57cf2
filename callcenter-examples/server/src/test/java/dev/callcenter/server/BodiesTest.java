package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A body that cannot be read is refused with where and what was expected, never the text it contained. */
class BodiesTest {
  private static final String SECRET = "Hunter2Secret9";
  private final Bodies bodies = new Bodies(ServerJson.mapper(), 4096);

  record Login(String user, String password, int attempts, List<String> tags) {}

  private HttpProblem refuse(String json) {
    HttpProblem p = problem(json, Login.class);
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.getMessage()).doesNotContain(SECRET).doesNotContain("Hunter");
    assertThat(p.errors().toString()).doesNotContain(SECRET);
    return p;
  }

  private HttpProblem problem(String json, Class<?> type) {
    try {
      bodies.parse(json.getBytes(StandardCharsets.UTF_8), type);
    } catch (HttpProblem p) {
      return p;
    }
    return fail("accepted " + json);
  }

  @Test
  void anUnquotedSecretIsNotEchoed() {
    HttpProblem p = refuse("{\"user\": \"ann\",\n \"password\": " + SECRET + "}");
    assertThat(p.getMessage()).contains("password").contains("line 2").contains("column")
        .contains("expected a JSON value");
  }

  @Test
  void aSecretInAnArrayOrAfterAMissingCommaIsNotEchoed() {
    assertThat(refuse("{\"tags\": [\"a\", " + SECRET + "]}").getMessage()).contains("tags[1]");
    assertThat(refuse("{\"user\": \"ann\" \"" + SECRET + "\": 1}").getMessage()).contains("expected a comma");
    assertThat(refuse("{\"password\": \"" + SECRET).getMessage()).contains("ends too early");
    assertThat(refuse("{\"password\": \"" + SECRET + "\\q\"}").getMessage()).contains("escape");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheFieldButNotTheValue() {
    HttpProblem p = refuse("{\"attempts\": \"" + SECRET + "\"}");
    assertThat(p.errors()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("attempts");
      assertThat(v.message()).contains("must be a number").contains("line 1");
    });
    assertThat(refuse("{\"password\": {\"" + SECRET + "\": 1}}").errors().get(0).field()).isEqualTo("password");
  }

  @Test
  void rawBodiesAreCheckedTheSameWay() {
    HttpProblem p = problem("[" + SECRET + "]", Object.class);
    assertThat(p.getMessage()).doesNotContain(SECRET).contains("line 1, column");
  }
}
