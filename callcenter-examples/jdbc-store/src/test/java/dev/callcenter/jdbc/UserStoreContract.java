package dev.callcenter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.core.store.PageRequest;
import dev.callcenter.sip.extension.User;
import dev.callcenter.sip.extension.UserQuery;
import dev.callcenter.sip.extension.UserRole;
import dev.callcenter.sip.extension.UserStore;
import dev.callcenter.testkit.store.RecordStoreCompatibilityKit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The user store has no kit of its own in the test kit: the record-store contract plus its filters and order,
 * checked against {@link UserStore#inMemory()} as well, so that the JDBC store is held to the reference.
 */
abstract class UserStoreContract extends RecordStoreCompatibilityKit<String, User, UserStore> {
  static final Instant T0 = Instant.parse("2026-02-01T08:00:00.777Z");

  @Override
  protected User newRecord(int n) {
    return new User(String.format("user-%03d", n), "User " + n, "user" + n + "@example.com", UserRole.AGENT, T0,
        T0, 0);
  }

  @Override
  protected User changed(User record) {
    return record.withRole(record.role() == UserRole.ADMIN ? UserRole.VIEWER : UserRole.ADMIN,
        record.updatedAt().plusSeconds(1));
  }

  @Override
  protected String keyOf(User record) {
    return record.id();
  }

  @Test
  void listIsOrderedByIdAndFiltersByRoleAndTextLikeTheInMemoryStore() {
    UserStore reference = UserStore.inMemory();
    List<User> users = List.of(
        new User("b-admin", "Badr", "badr@example.com", UserRole.ADMIN, T0, T0, 0),
        new User("a-agent", "عائشة Aisha", null, UserRole.AGENT, T0, T0, 0),
        new User("C-sup", "Carla 100%_off", "carla@EXAMPLE.org", UserRole.SUPERVISOR, T0, T0, 0),
        new User("d_view", "Dan", "dan\\x@example.com", UserRole.VIEWER, T0, T0, 0));
    users.forEach(u -> {
      store.insert(u);
      reference.insert(u);
    });

    for (UserQuery query : List.of(UserQuery.ALL, UserQuery.ALL.withRole(UserRole.ADMIN),
        UserQuery.ALL.containing("EXAMPLE"), UserQuery.ALL.containing(" example.org "),
        UserQuery.ALL.containing("عائشة"), UserQuery.ALL.containing("%"), UserQuery.ALL.containing("_"),
        UserQuery.ALL.containing("0%_"), UserQuery.ALL.containing("\\"), UserQuery.ALL.containing("d_"),
        UserQuery.ALL.containing("   "), UserQuery.ALL.containing("a\u001Fb"),
        UserQuery.ALL.withRole(UserRole.AGENT).containing("aisha"), UserQuery.ALL.containing("nobody"))) {
      assertThat(ids(store, query)).as("query %s", query).containsExactlyElementsOf(ids(reference, query));
    }
    assertThat(ids(store, UserQuery.ALL)).containsExactly("C-sup", "a-agent", "b-admin", "d_view");
    assertThat(ids(store, UserQuery.ALL.containing("%"))).containsExactly("C-sup");
    assertThat(ids(store, UserQuery.ALL.containing("_"))).containsExactly("C-sup", "d_view");
  }

  private static List<String> ids(UserStore users, UserQuery query) {
    return users.list(query, PageRequest.first(100)).items().stream().map(User::id).toList();
  }
}
