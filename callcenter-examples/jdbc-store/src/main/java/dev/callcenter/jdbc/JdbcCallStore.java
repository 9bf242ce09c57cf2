package dev.callcenter.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallMetadata;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.CustomerInfo;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.Priority;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.CallStore;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Calls in table {@code cc_calls}. */
final class JdbcCallStore extends JdbcRecordStore<CallId, Call> implements CallStore {
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<Set<String>> STRING_SET = new TypeReference<>() {};

  JdbcCallStore(Database database) {
    super(database, "cc_calls", List.of("status", "customer_id", "customer", "language", "department", "priority",
        "agent_id", "ivr_stage", "collected_data", "flow_state", "tags", "metadata", "created_at", "updated_at",
        "queued_at", "answered_at", "ended_at"), "created_at, id");
  }

  @Override
  List<Object> values(Call call) {
    return Arrays.asList(call.status(), call.customer().customerId(), Database.json(call.customer()),
        call.language() == null ? null : call.language().tag(),
        call.department() == null ? null : call.department().id(), call.priority(),
        call.agentId() == null ? null : call.agentId().value(), call.ivrStage(),
        Database.json(call.collectedData()), Database.json(call.flowState()), Database.json(call.tags()),
        Database.json(call.metadata()), call.createdAt(), call.updatedAt(), call.queuedAt(), call.answeredAt(),
        call.endedAt());
  }

  @Override
  Call read(ResultSet row) throws SQLException {
    String language = row.getString("language");
    String department = row.getString("department");
    String agent = row.getString("agent_id");
    return new Call(CallId.of(row.getString("id")), CallStatus.valueOf(row.getString("status")),
        Database.fromJson(row.getString("customer"), CustomerInfo.class),
        language == null ? null : Language.of(language),
        department == null ? null : Department.of(department),
        Priority.valueOf(row.getString("priority")),
        agent == null ? null : AgentId.of(agent),
        row.getString("ivr_stage"),
        Database.fromJson(row.getString("collected_data"), STRING_MAP),
        Database.fromJson(row.getString("flow_state"), STRING_MAP),
        Database.fromJson(row.getString("tags"), STRING_SET),
        Database.fromJson(row.getString("metadata"), CallMetadata.class),
        Database.requiredInstant(row, "created_at"), Database.requiredInstant(row, "updated_at"),
        Database.instant(row, "queued_at"), Database.instant(row, "answered_at"), Database.instant(row, "ended_at"),
        row.getLong("version"));
  }

  @Override
  Call asStored(Call c) {
    return new Call(c.id(), c.status(), c.customer(), c.language(), c.department(), c.priority(), c.agentId(),
        c.ivrStage(), c.collectedData(), c.flowState(), c.tags(), c.metadata(), Database.stored(c.createdAt()),
        Database.stored(c.updatedAt()), Database.storedOrNull(c.queuedAt()), Database.storedOrNull(c.answeredAt()),
        Database.storedOrNull(c.endedAt()), c.version());
  }

  @Override
  public Page<Call> list(CallQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return page(new Where()
        .in("status", query.statuses())
        .equal("department", idOf(query.department()))
        .equal("agent_id", query.agentId() == null ? null : query.agentId().value())
        .equal("customer_id", query.customerId())
        .atOrAfter("created_at", query.createdFrom())
        .before("created_at", query.createdTo()), page);
  }

  private static @Nullable String idOf(@Nullable Department department) {
    return department == null ? null : department.id();
  }
}
