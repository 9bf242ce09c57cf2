package dev.callcenter.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.sip.extension.DigestCredential;
import dev.callcenter.sip.extension.Extension;
import dev.callcenter.sip.extension.ExtensionQuery;
import dev.callcenter.sip.extension.ExtensionStatus;
import dev.callcenter.sip.extension.ExtensionStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extensions in table {@code cc_extensions}; the extension code is a unique column. Credentials are JSON of realm,
 * algorithm and HA1 (a hash, never the password), written here explicitly because the JSON form of
 * {@link DigestCredential} leaves the HA1 out.
 */
final class JdbcExtensionStore extends JdbcRecordStore<String, Extension> implements ExtensionStore {
  private static final TypeReference<List<Map<String, String>>> CREDENTIALS = new TypeReference<>() {};

  JdbcExtensionStore(Database database) {
    super(database, "cc_extensions", List.of("extcode", "display_name", "user_id", "status", "credentials",
        "created_at", "updated_at", "search_text"), "extcode, id");
  }

  @Override
  List<Object> values(Extension e) {
    List<Map<String, String>> credentials = e.credentials().stream().map(c -> {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("realm", c.realm());
      fields.put("algorithm", c.algorithm());
      fields.put("ha1", c.ha1());
      return fields;
    }).toList();
    return Arrays.asList(e.extcode(), e.displayName(), e.userId(), e.status(), Database.json(credentials),
        e.createdAt(), e.updatedAt(), Database.searchText(List.of(e.extcode(), e.displayName())));
  }

  @Override
  Extension read(ResultSet row) throws SQLException {
    List<DigestCredential> credentials = Database.fromJson(row.getString("credentials"), CREDENTIALS).stream()
        .map(c -> new DigestCredential(c.get("realm"), c.get("algorithm"), c.get("ha1"))).toList();
    return new Extension(row.getString("id"), row.getString("extcode"), row.getString("display_name"),
        row.getString("user_id"), ExtensionStatus.valueOf(row.getString("status")), credentials,
        Database.requiredInstant(row, "created_at"), Database.requiredInstant(row, "updated_at"),
        row.getLong("version"));
  }

  @Override
  Extension asStored(Extension e) {
    return new Extension(e.id(), e.extcode(), e.displayName(), e.userId(), e.status(), e.credentials(),
        Database.stored(e.createdAt()), Database.stored(e.updatedAt()), e.version());
  }

  /** An update can only collide on the code; an insert on the id or the code: whichever the id is not. */
  @Override
  RuntimeException duplicate(Connection connection, Extension extension, boolean inserting) throws SQLException {
    if (inserting && exists(connection, extension.id())) {
      return AlreadyExistsException.of(kind(), extension.id());
    }
    return AlreadyExistsException.of("extension code", extension.extcode());
  }

  @Override
  public Optional<Extension> findByCode(String extcode) {
    Checks.notNull(extcode, "extcode");
    return page(new Where().equal("extcode", extcode), PageRequest.first(1)).items().stream().findFirst();
  }

  @Override
  public Page<Extension> list(ExtensionQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    Where where = new Where()
        .in("status", query.statuses())
        .equal("user_id", query.userId())
        .containsText("search_text", query.text() == null ? null : query.text().strip());
    if (query.assigned() != null) {
      where.and(query.assigned() ? "user_id IS NOT NULL" : "user_id IS NULL");
    }
    return page(where, page);
  }
}
