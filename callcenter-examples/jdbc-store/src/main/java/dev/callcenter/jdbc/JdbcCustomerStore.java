package dev.callcenter.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Customer;
import dev.callcenter.crm.CustomerQuery;
import dev.callcenter.crm.CustomerStore;
import dev.callcenter.crm.Interaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Customers in table {@code cc_customers}, with their numbers also in {@code cc_customer_phones} for the lookup
 * by caller id. The PIN hash is a column of its own (it is never part of the JSON of a customer).
 */
final class JdbcCustomerStore extends JdbcRecordStore<String, Customer> implements CustomerStore {
  private static final TypeReference<List<PhoneNumber>> PHONES = new TypeReference<>() {};
  private static final TypeReference<Set<String>> TAGS = new TypeReference<>() {};
  private static final TypeReference<List<Interaction>> INTERACTIONS = new TypeReference<>() {};

  JdbcCustomerStore(Database database) {
    super(database, "cc_customers", List.of("name", "email", "preferred_language", "tier", "notes", "phones", "tags",
        "pin_hash", "interactions", "created_at", "updated_at", "search_text", "tag_list"), "id");
  }

  @Override
  List<Object> values(Customer c) {
    List<@Nullable String> searched = new ArrayList<>(Arrays.asList(c.name(), c.email(), c.notes(), c.id()));
    c.phones().forEach(p -> searched.add(p.e164()));
    return Arrays.asList(c.name(), c.email(), c.preferredLanguage() == null ? null : c.preferredLanguage().tag(),
        c.tier(), c.notes(), Database.json(c.phones()), Database.json(new TreeSet<>(c.tags())), c.pinHash(),
        Database.json(c.interactions()), c.createdAt(), c.updatedAt(), Database.searchText(searched),
        tagList(c.tags()));
  }

  /** The tags between separators, as the exact-tag filter looks for them. */
  static String tagList(Set<String> tags) {
    StringBuilder list = new StringBuilder().append(Database.SEPARATOR);
    new TreeSet<>(tags).forEach(tag -> list.append(tag).append(Database.SEPARATOR));
    return list.toString();
  }

  @Override
  Customer read(ResultSet row) throws SQLException {
    String language = row.getString("preferred_language");
    return new Customer(row.getString("id"), row.getString("name"),
        Database.fromJson(row.getString("phones"), PHONES), row.getString("email"),
        language == null ? null : Language.of(language), row.getString("tier"), row.getString("notes"),
        Database.fromJson(row.getString("tags"), TAGS), row.getString("pin_hash"),
        Database.fromJson(row.getString("interactions"), INTERACTIONS),
        Database.requiredInstant(row, "created_at"), Database.requiredInstant(row, "updated_at"),
        row.getLong("version"));
  }

  @Override
  Customer asStored(Customer c) {
    return new Customer(c.id(), c.name(), c.phones(), c.email(), c.preferredLanguage(), c.tier(), c.notes(),
        c.tags(), c.pinHash(), c.interactions(), Database.stored(c.createdAt()), Database.stored(c.updatedAt()),
        c.version());
  }

  @Override
  void afterWrite(Connection connection, Customer customer) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM cc_customer_phones WHERE customer_id = ?")) {
      delete.setString(1, customer.id());
      delete.executeUpdate();
    }
    if (customer.phones().isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO cc_customer_phones (customer_id, phone) VALUES (?, ?)")) {
      for (PhoneNumber phone : customer.phones()) {
        insert.setString(1, customer.id());
        insert.setString(2, phone.e164());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public Optional<Customer> findByPhone(PhoneNumber phone) {
    Checks.notNull(phone, "phone");
    Page<Customer> first = page(new Where().and(
        "id = (SELECT MIN(p.customer_id) FROM cc_customer_phones p WHERE p.phone = ?)", phone.e164()),
        PageRequest.first(1));
    return first.items().stream().findFirst();
  }

  @Override
  public Page<Customer> list(CustomerQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    Where where = new Where()
        .equal("tier", query.tier())
        .containsText("search_text", query.text() == null ? null : query.text().trim());
    if (query.tag() != null) {
      where.and("tag_list LIKE ? ESCAPE '\\'",
          Database.containing(Database.SEPARATOR + query.tag() + Database.SEPARATOR));
    }
    return page(where, page);
  }
}
