package dev.callcenter.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.callcenter.core.Department;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Ticket;
import dev.callcenter.crm.TicketNote;
import dev.callcenter.crm.TicketPriority;
import dev.callcenter.crm.TicketQuery;
import dev.callcenter.crm.TicketStatus;
import dev.callcenter.crm.TicketStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Tickets in table {@code cc_tickets}. */
final class JdbcTicketStore extends JdbcRecordStore<String, Ticket> implements TicketStore {
  private static final TypeReference<List<TicketNote>> NOTES = new TypeReference<>() {};
  private static final TypeReference<Set<String>> TAGS = new TypeReference<>() {};

  JdbcTicketStore(Database database) {
    super(database, "cc_tickets", List.of("customer_id", "call_id", "subject", "description", "status", "priority",
        "department", "assignee", "notes", "tags", "created_at", "updated_at", "resolved_at", "sla_due_at",
        "search_text"), "created_at DESC, id");
  }

  @Override
  List<Object> values(Ticket t) {
    List<@Nullable String> searched = new ArrayList<>(Arrays.asList(t.subject(), t.description(), t.id()));
    t.notes().forEach(n -> searched.add(n.text()));
    searched.addAll(new TreeSet<>(t.tags()));
    return Arrays.asList(t.customerId(), t.callId(), t.subject(), t.description(), t.status(), t.priority(),
        t.department() == null ? null : t.department().id(), t.assignee(), Database.json(t.notes()),
        Database.json(new TreeSet<>(t.tags())), t.createdAt(), t.updatedAt(), t.resolvedAt(), t.slaDueAt(),
        Database.searchText(searched));
  }

  @Override
  Ticket read(ResultSet row) throws SQLException {
    String department = row.getString("department");
    return new Ticket(row.getString("id"), row.getString("customer_id"), row.getString("call_id"),
        row.getString("subject"), row.getString("description"), TicketStatus.valueOf(row.getString("status")),
        TicketPriority.valueOf(row.getString("priority")), department == null ? null : Department.of(department),
        row.getString("assignee"), Database.fromJson(row.getString("notes"), NOTES),
        Database.fromJson(row.getString("tags"), TAGS), Database.requiredInstant(row, "created_at"),
        Database.requiredInstant(row, "updated_at"), Database.instant(row, "resolved_at"),
        Database.requiredInstant(row, "sla_due_at"), row.getLong("version"));
  }

  @Override
  Ticket asStored(Ticket t) {
    return new Ticket(t.id(), t.customerId(), t.callId(), t.subject(), t.description(), t.status(), t.priority(),
        t.department(), t.assignee(), t.notes(), t.tags(), Database.stored(t.createdAt()),
        Database.stored(t.updatedAt()), Database.storedOrNull(t.resolvedAt()), Database.stored(t.slaDueAt()),
        t.version());
  }

  @Override
  public Page<Ticket> list(TicketQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return page(new Where()
        .in("status", query.statuses())
        .in("priority", query.priorities())
        .equal("department", query.department() == null ? null : query.department().id())
        .equal("assignee", query.assignee())
        .equal("customer_id", query.customerId())
        .equal("call_id", query.callId())
        .atOrAfter("created_at", query.createdFrom())
        .before("created_at", query.createdTo())
        .containsText("search_text", query.text() == null ? null : query.text().trim()), page);
  }
}
