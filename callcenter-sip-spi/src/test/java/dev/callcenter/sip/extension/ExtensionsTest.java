package dev.callcenter.sip.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionsTest {
  private static final String PASSWORD = "Tr1cky-Secret-42";
  private final Clock clock = Clock.fixed(Instant.parse("2026-02-01T08:00:00Z"), ZoneOffset.UTC);
  private final Extensions extensions = Extensions.builder().realm("pbx.example.com").realm("backup.example.com")
      .clock(clock).build();

  private static String hex(String algorithm, String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void createKeepsOnlyHa1PerRealmAndAlgorithm() throws Exception {
    Extension e = extensions.create(NewExtension.of("1001", "Reception", PASSWORD));
    assertThat(e.status()).isEqualTo(ExtensionStatus.UNREGISTERED);
    assertThat(e.version()).isEqualTo(1);
    assertThat(e.credentials()).hasSize(4);
    assertThat(e.ha1("pbx.example.com", "SHA-256")).contains(hex("SHA-256", "1001:pbx.example.com:" + PASSWORD));
    assertThat(e.ha1("pbx.example.com", "md5")).contains(hex("MD5", "1001:pbx.example.com:" + PASSWORD));
    assertThat(e.ha1("backup.example.com", "MD5")).contains(hex("MD5", "1001:backup.example.com:" + PASSWORD));
    assertThat(e.ha1("elsewhere", "MD5")).isEmpty();
    assertThat(extensions.findByCode("1001")).contains(e);
  }

  @Test
  void ha1MatchesTheRfc2617Example() {
    Extensions relaxed = Extensions.builder().realm("testrealm@host.com").algorithm("MD5")
        .passwordPolicy(new PasswordPolicy(1, 128, false, false, false, false)).build();
    Extension e = relaxed.create(NewExtension.of("Mufasa", "Mufasa", "Circle Of Life"));
    assertThat(e.ha1("testrealm@host.com", "MD5")).contains("939e7578ed9e3c518a452acee763bce9");
    assertThat(e.credentials()).hasSize(1);
  }

  @Test
  void extensionCodesAreUnique() {
    extensions.create(NewExtension.of("1001", "Reception", PASSWORD));
    assertThatThrownBy(() -> extensions.create(NewExtension.of("1001", "Other", PASSWORD)))
        .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("1001");
    assertThat(extensions.search(ExtensionQuery.ALL, PageRequest.first(10)).total()).isEqualTo(1);
  }

  @Test
  void passwordPolicyListsEveryProblemWithoutRepeatingThePassword() {
    assertThatThrownBy(() -> extensions.create(NewExtension.of("2002", "Sales", "ab2002")))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
          assertThat(ex.violations()).extracting(InvalidInputException.Violation::toString).containsExactly(
              "password: must be at least 10 characters", "password: must not contain the extension code");
          assertThat(ex.getMessage()).doesNotContain("ab2002");
        });
    assertThat(PasswordPolicy.DEFAULT.problems("1", "password123")).contains("is a well-known password");
    assertThat(PasswordPolicy.DEFAULT.problems("1", "onlyletters-here")).containsExactly("must contain a digit");
    assertThat(new PasswordPolicy(4, 64, true, true, true, false).problems("1", "abc1"))
        .containsExactly("must contain upper-case and lower-case letters");
    assertThatThrownBy(() -> new PasswordPolicy(8, 4, true, true, false, true)).hasMessageContaining("maxLength");
  }

  @Test
  void badFieldsAreAllNamed() {
    assertThatThrownBy(() -> extensions.create(new NewExtension("-bad code", " ", "short", " ")))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
            .extracting(InvalidInputException.Violation::field)
            .contains("extcode", "displayName", "password", "userId"));
  }

  @Test
  void changePasswordReplacesTheCredentials() throws Exception {
    Extension e = extensions.create(NewExtension.of("1001", "Reception", PASSWORD));
    Extension changed = extensions.changePassword(e.id(), "An0ther-Secret");
    assertThat(changed.ha1("pbx.example.com", "SHA-256"))
        .contains(hex("SHA-256", "1001:pbx.example.com:An0ther-Secret"));
    assertThatThrownBy(() -> extensions.changePassword(e.id(), "weak")).isInstanceOf(InvalidInputException.class);
    assertThat(extensions.get(e.id())).isEqualTo(changed);
  }

  @Test
  void usersAreAssignedAndUnassigned() {
    User agent = extensions.createUser("u-1", "Huda", "huda@example.com", UserRole.AGENT);
    Extension e = extensions.create(NewExtension.of("1001", "Huda's phone", PASSWORD).assignedTo(agent.id()));
    assertThat(e.userId()).isEqualTo("u-1");
    Extension spare = extensions.create(NewExtension.of("1002", "Spare", PASSWORD));
    assertThat(extensions.assign(spare.id(), "u-1").userId()).isEqualTo("u-1");
    assertThat(extensions.extensionsOf("u-1")).extracting(Extension::extcode).containsExactly("1001", "1002");
    assertThat(extensions.unassign(spare.id()).userId()).isNull();
    assertThatThrownBy(() -> extensions.assign(spare.id(), "ghost")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> extensions.create(NewExtension.of("1003", "X", PASSWORD).assignedTo("ghost")))
        .isInstanceOf(NotFoundException.class);
    assertThat(extensions.findByCode("1003")).isEmpty();

    assertThat(extensions.setRole("u-1", UserRole.SUPERVISOR).role()).isEqualTo(UserRole.SUPERVISOR);
    extensions.deleteUser("u-1");
    assertThat(extensions.get(e.id()).userId()).isNull();
    assertThat(extensions.findUser("u-1")).isEmpty();
    assertThat(UserRole.parse("Viewer")).isEqualTo(UserRole.VIEWER);
  }

  @Test
  void statusFollowsTheRegistrar() {
    Extension e = extensions.create(NewExtension.of("1001", "Reception", PASSWORD));
    assertThat(extensions.setStatus(e.id(), ExtensionStatus.REGISTERED).status())
        .isEqualTo(ExtensionStatus.REGISTERED);
    assertThat(extensions.setStatus(e.id(), ExtensionStatus.parse("in call")).status())
        .isEqualTo(ExtensionStatus.IN_CALL);
  }

  @Test
  void bulkCreateIsAllOrNothingAndListsEveryError() {
    extensions.create(NewExtension.of("1001", "Existing", PASSWORD));
    List<NewExtension> batch = List.of(
        NewExtension.of("2001", "Good", PASSWORD),
        NewExtension.of("1001", "Taken", PASSWORD),
        NewExtension.of("2001", "Repeated", PASSWORD),
        NewExtension.of("2003", "Weak", "weak"),
        NewExtension.of("2004", "No user", PASSWORD).assignedTo("ghost"));
    assertThatThrownBy(() -> extensions.createAll(batch))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
            .extracting(InvalidInputException.Violation::field)
            .containsExactly("extensions[1].extcode", "extensions[2].extcode", "extensions[3].password",
                "extensions[3].password", "extensions[4].userId"));
    assertThat(extensions.search(ExtensionQuery.ALL, PageRequest.first(10)).items())
        .extracting(Extension::extcode).containsExactly("1001");

    List<Extension> created = extensions.createAll(List.of(NewExtension.of("2001", "A", PASSWORD),
        NewExtension.of("2002", "B", PASSWORD)));
    assertThat(created).extracting(Extension::extcode).containsExactly("2001", "2002");
  }

  @Test
  void bulkDeleteIsAllOrNothingAndListsEveryError() {
    Extension a = extensions.create(NewExtension.of("1001", "A", PASSWORD));
    Extension b = extensions.create(NewExtension.of("1002", "B", PASSWORD));
    assertThatThrownBy(() -> extensions.deleteAll(List.of(a.id(), "ghost", a.id(), "phantom")))
        .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
            .extracting(InvalidInputException.Violation::field).containsExactly("ids[1]", "ids[2]", "ids[3]"));
    assertThat(extensions.find(a.id())).isPresent();
    extensions.deleteAll(List.of(a.id(), b.id()));
    assertThat(extensions.search(ExtensionQuery.ALL, PageRequest.first(10)).total()).isZero();
    assertThat(extensions.findByCode("1001")).isEmpty();
  }

  @Test
  void searchFiltersAndPages() {
    extensions.createUser("u-1", "Huda", null, UserRole.AGENT);
    for (int i = 0; i < 5; i++) {
      Extension e = extensions.create(NewExtension.of("30" + i, (i % 2 == 0 ? "Sales " : "Support ") + i, PASSWORD));
      if (i < 2) {
        extensions.assign(e.id(), "u-1");
      }
      if (i == 4) {
        extensions.setStatus(e.id(), ExtensionStatus.REGISTERED);
      }
    }
    Page<Extension> sales = extensions.search(ExtensionQuery.containing("SALES"), PageRequest.of(1, 1));
    assertThat(sales.total()).isEqualTo(3);
    assertThat(sales.items()).extracting(Extension::extcode).containsExactly("302");
    assertThat(extensions.search(ExtensionQuery.ALL.forUser("u-1"), PageRequest.first(10)).total()).isEqualTo(2);
    assertThat(extensions.search(ExtensionQuery.ALL.assigned(false), PageRequest.first(10)).total()).isEqualTo(3);
    assertThat(extensions.search(ExtensionQuery.ALL.withStatus(ExtensionStatus.REGISTERED), PageRequest.first(10))
        .items()).extracting(Extension::extcode).containsExactly("304");
    assertThat(extensions.searchUsers(UserQuery.ALL.withRole(UserRole.AGENT), PageRequest.first(10)).total())
        .isEqualTo(1);
  }

  @Test
  void builderFailsFastOnRepeatsAndBadValues() {
    assertThatThrownBy(() -> Extensions.builder().realm("a").realm("a")).hasMessageContaining("realm");
    assertThatThrownBy(() -> Extensions.builder().algorithm("SHA-512")).hasMessageContaining("algorithm");
    assertThatThrownBy(() -> Extensions.builder().realm("bad\"realm")).hasMessageContaining("realm");
    assertThatThrownBy(() -> Extensions.builder().clock(clock).clock(clock)).hasMessageContaining("clock");
  }

  @Test
  void updateChecksEveryFieldFirstSoABadDisplayNameLeavesThePasswordAlone() throws Exception {
    Extension e = extensions.create(NewExtension.of("1001", "Reception", PASSWORD));
    assertThatThrownBy(() -> extensions.update(e.id(),
        new ExtensionChange("Front\u0007desk", "An0ther-Strong-Pass", null, ExtensionStatus.REGISTERED)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("displayName")
        .hasMessageNotContaining("An0ther-Strong-Pass");
    Extension after = extensions.get(e.id());
    assertThat(after).isEqualTo(e);
    assertThat(after.ha1("pbx.example.com", "SHA-256")).contains(hex("SHA-256", "1001:pbx.example.com:" + PASSWORD));
  }

  @Test
  void updateAppliesEveryChangeInOneWrite() throws Exception {
    extensions.createUser("u1", "Una", null, UserRole.AGENT);
    Extension e = extensions.create(NewExtension.of("1001", "Reception", PASSWORD));
    Extension updated = extensions.update(e.id(),
        new ExtensionChange("  Front desk ", "An0ther-Strong-Pass", "u1", ExtensionStatus.REGISTERED));
    assertThat(updated.version()).isEqualTo(e.version() + 1);
    assertThat(updated.displayName()).isEqualTo("Front desk");
    assertThat(updated.userId()).isEqualTo("u1");
    assertThat(updated.status()).isEqualTo(ExtensionStatus.REGISTERED);
    assertThat(updated.ha1("pbx.example.com", "MD5")).contains(hex("MD5", "1001:pbx.example.com:An0ther-Strong-Pass"));
    assertThatThrownBy(() -> extensions.update(e.id(), new ExtensionChange(null, null, "nobody", null)))
        .isInstanceOf(NotFoundException.class);
    Extension unassigned = extensions.update(e.id(), new ExtensionChange(null, null, null, null));
    assertThat(unassigned.userId()).isNull();
    assertThat(unassigned.displayName()).isEqualTo("Front desk");
    assertThat(unassigned.credentials()).isEqualTo(updated.credentials());
  }
}
