package dev.callcenter.crm;

import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.core.store.RecordStore;
import dev.callcenter.crm.internal.InMemoryTranscriptStore;

/**
 * Stores transcripts. A call has at most one transcript: an insert (or update) that would give a call a second one
 * throws {@link dev.callcenter.core.AlreadyExistsException}, also between processes sharing a database (transcripts
 * without a call are not limited). Lists are ordered newest first: by {@link Transcript#createdAt()} descending,
 * then id. Check an implementation with {@code TranscriptStoreCompatibilityKit} from {@code callcenter-testkit}.
 */
public interface TranscriptStore extends RecordStore<String, Transcript> {
  Page<Transcript> list(TranscriptQuery query, PageRequest page);

  @Override
  default String kind() {
    return "transcript";
  }

  /** A thread-safe store in this process's memory. */
  static TranscriptStore inMemory() {
    return new InMemoryTranscriptStore();
  }
}
