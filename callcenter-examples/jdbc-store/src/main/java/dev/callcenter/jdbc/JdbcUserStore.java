package dev.callcenter.jdbc;

import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.sip.extension.User;
import dev.callcenter.sip.extension.UserQuery;
import dev.callcenter.sip.extension.UserRole;
import dev.callcenter.sip.extension.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Users of the call center in table {@code cc_users}. */
final class JdbcUserStore extends JdbcRecordStore<String, User> implements UserStore {
  JdbcUserStore(Database database) {
    super(database, "cc_users", List.of("name", "email", "role", "created_at", "updated_at", "search_text"), "id");
  }

  @Override
  List<Object> values(User u) {
    return Arrays.asList(u.name(), u.email(), u.role(), u.createdAt(), u.updatedAt(),
        Database.searchText(Arrays.asList(u.id(), u.name(), u.email())));
  }

  @Override
  User read(ResultSet row) throws SQLException {
    return new User(row.getString("id"), row.getString("name"), row.getString("email"),
        UserRole.valueOf(row.getString("role")), Database.requiredInstant(row, "created_at"),
        Database.requiredInstant(row, "updated_at"), row.getLong("version"));
  }

  @Override
  User asStored(User u) {
    return new User(u.id(), u.name(), u.email(), u.role(), Database.stored(u.createdAt()),
        Database.stored(u.updatedAt()), u.version());
  }

  @Override
  public Page<User> list(UserQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return page(new Where()
        .equal("role", query.role())
        .containsText("search_text", query.text() == null ? null : query.text().strip()), page);
  }
}
