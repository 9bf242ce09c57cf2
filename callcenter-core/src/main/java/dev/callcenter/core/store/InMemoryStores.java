package dev.callcenter.core.store;

import dev.callcenter.core.Agent;
import dev.callcenter.core.AgentId;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import dev.callcenter.core.internal.InMemoryRecords;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;

/** The in-memory stores behind {@code CallStore.inMemory()} and friends. */
final class InMemoryStores {
  private InMemoryStores() {}

  static final class Calls implements CallStore {
    private final InMemoryRecords<Call> records = new InMemoryRecords<>("call",
        Comparator.comparing(Call::createdAt).thenComparing(Call::id));

    @Override
    public Call insert(Call call) {
      return records.insert(call);
    }

    @Override
    public Optional<Call> find(CallId id) {
      return records.find(id.value());
    }

    @Override
    public Call update(Call call) {
      return records.update(call);
    }

    @Override
    public void delete(Call call) {
      records.delete(call);
    }

    @Override
    public Page<Call> list(CallQuery query, PageRequest page) {
      return records.list(query::matches, page);
    }
  }

  static final class Agents implements AgentStore {
    private final InMemoryRecords<Agent> records = new InMemoryRecords<>("agent", Comparator.comparing(Agent::id));

    @Override
    public Agent insert(Agent agent) {
      return records.insert(agent);
    }

    @Override
    public Optional<Agent> find(AgentId id) {
      return records.find(id.value());
    }

    @Override
    public Agent update(Agent agent) {
      return records.update(agent);
    }

    @Override
    public void delete(Agent agent) {
      records.delete(agent);
    }

    @Override
    public Page<Agent> list(AgentQuery query, PageRequest page) {
      return records.list(query::matches, page);
    }
  }

  static final class CallRecords implements CallRecordStore {
    private final InMemoryRecords<CallRecord> records = new InMemoryRecords<>("call record",
        Comparator.comparing(CallRecord::startedAt).reversed().thenComparing(CallRecord::id));

    @Override
    public CallRecord insert(CallRecord record) {
      return records.insert(record);
    }

    @Override
    public Optional<CallRecord> find(CallRecordId id) {
      return records.find(id.value());
    }

    @Override
    public CallRecord update(CallRecord record) {
      return records.update(record);
    }

    @Override
    public void delete(CallRecord record) {
      records.delete(record);
    }

    @Override
    public Page<CallRecord> list(CallRecordQuery query, PageRequest page) {
      return records.list(query::matches, page);
    }

    @Override
    public void forEach(CallRecordQuery query, Consumer<? super CallRecord> sink) {
      records.forEach(query::matches, sink);
    }
  }
}
