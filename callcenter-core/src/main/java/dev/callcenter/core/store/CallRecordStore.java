package dev.callcenter.core.store;

import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import java.util.function.Consumer;

/** Stores the call history. Lists are ordered newest first: by {@link CallRecord#startedAt()} descending, then id. */
public interface CallRecordStore extends RecordStore<CallRecordId, CallRecord> {
  Page<CallRecord> list(CallRecordQuery query, PageRequest page);

  /**
   * Hands every matching record to {@code sink}, in list order, without holding them all in memory: for exports
   * of any size.
   */
  void forEach(CallRecordQuery query, Consumer<? super CallRecord> sink);

  @Override
  default String kind() {
    return "call record";
  }

  static CallRecordStore inMemory() {
    return new InMemoryStores.CallRecords();
  }
}
