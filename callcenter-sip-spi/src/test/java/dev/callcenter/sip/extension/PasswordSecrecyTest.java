package dev.callcenter.sip.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** No API result, toString, JSON, exception message or log line ever contains an extension password. */
class PasswordSecrecyTest {
  private static final List<String> PASSWORDS = List.of("Zq7-first-Secret", "Zq7-second-Secret", "Zq7-bulk-One-1",
      "Zq7-bulk-Two-2", "wk9", "Zq7-changed-Secret", "Zq7-الرقم-السري-1");

  @Test
  void passwordsNeverLeaveTheService() {
    List<String> outputs = new ArrayList<>();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      Extensions extensions = Extensions.builder().realm("pbx.example.com").build();
      User user = extensions.createUser("u-1", "Huda", null, UserRole.AGENT);
      NewExtension request = NewExtension.of("1001", "Reception", PASSWORDS.get(0)).assignedTo(user.id());
      outputs.add(request.toString());
      Extension e = extensions.create(request);
      record(outputs, () -> extensions.create(NewExtension.of("1002", "Sales", PASSWORDS.get(1))));
      record(outputs, () -> extensions.createAll(List.of(NewExtension.of("1003", "A", PASSWORDS.get(2)),
          NewExtension.of("1004", "B", PASSWORDS.get(3)))));
      record(outputs, () -> extensions.createAll(List.of(NewExtension.of("1005", "Weak", PASSWORDS.get(4)),
          NewExtension.of("1001", "Taken", PASSWORDS.get(0)))));
      record(outputs, () -> extensions.create(NewExtension.of("1001", "Again", PASSWORDS.get(0))));
      record(outputs, () -> extensions.changePassword(e.id(), PASSWORDS.get(4)));
      record(outputs, () -> extensions.changePassword(e.id(), PASSWORDS.get(5)));
      record(outputs, () -> extensions.changePassword(e.id(), PASSWORDS.get(6)));
      record(outputs, () -> extensions.changePassword("ghost", PASSWORDS.get(5)));
      record(outputs, () -> extensions.assign(e.id(), "u-1"));
      record(outputs, () -> extensions.unassign(e.id()));
      record(outputs, () -> extensions.search(ExtensionQuery.ALL, dev.callcenter.core.store.PageRequest.first(10)));
      for (Extension each : extensions.search(ExtensionQuery.ALL, dev.callcenter.core.store.PageRequest.first(10))
          .items()) {
        outputs.add(each.toString());
        outputs.add(Json.write(each));
        each.credentials().forEach(c -> outputs.add(c.toString()));
      }
      record(outputs, () -> {
        extensions.deleteAll(List.of(e.id()));
        return "deleted";
      });
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).as("the capture must see the service's log lines").contains("extension 1001 created")
        .contains("extension 1001 password changed");
    outputs.add(logs);
    assertThat(outputs).hasSizeGreaterThan(15);
    for (String output : outputs) {
      for (String password : PASSWORDS) {
        assertThat(output).doesNotContain(password);
      }
      assertThat(output).doesNotContainPattern("\"ha1\"").doesNotContainPattern("[0-9a-f]{32}");
    }
  }

  private static void record(List<String> outputs, Supplier<Object> action) {
    try {
      outputs.add(String.valueOf(action.get()));
    } catch (RuntimeException e) {
      outputs.add(e.toString());
      outputs.add(String.valueOf(e.getMessage()));
      System.err.println("failed as expected: " + e);
    }
  }
}
