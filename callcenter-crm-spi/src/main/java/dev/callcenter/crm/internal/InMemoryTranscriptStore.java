package dev.callcenter.crm.internal;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.InMemoryRecords;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.Transcript;
import dev.callcenter.crm.TranscriptQuery;
import dev.callcenter.crm.TranscriptStore;
import java.util.Comparator;
import java.util.Optional;

/** The transcript store behind {@link TranscriptStore#inMemory()}. */
public final class InMemoryTranscriptStore implements TranscriptStore {
  private final InMemoryRecords<Transcript> records = new InMemoryRecords<>("transcript",
      Comparator.comparing(Transcript::createdAt).reversed().thenComparing(Transcript::id));

  /** Checks and inserts under this store's lock: a call has at most one transcript. */
  @Override
  public synchronized Transcript insert(Transcript transcript) {
    Checks.notNull(transcript, "transcript");
    requireCallFree(transcript);
    return records.insert(transcript);
  }

  @Override
  public Optional<Transcript> find(String id) {
    return records.find(Checks.notNull(id, "id"));
  }

  @Override
  public synchronized Transcript update(Transcript transcript) {
    Checks.notNull(transcript, "transcript");
    requireCallFree(transcript);
    return records.update(transcript);
  }

  private void requireCallFree(Transcript transcript) {
    String callId = transcript.callId();
    if (callId != null && records.stream(t -> callId.equals(t.callId()) && !t.id().equals(transcript.id()))
        .findAny().isPresent()) {
      throw AlreadyExistsException.of("transcript for call", callId);
    }
  }

  @Override
  public void delete(Transcript transcript) {
    records.delete(transcript);
  }

  @Override
  public Page<Transcript> list(TranscriptQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return records.list(query::matches, Checks.notNull(page, "page"));
  }
}
