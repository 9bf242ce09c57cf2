package dev.callcenter.sip.extension;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.InMemoryRecords;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The extension store behind {@link ExtensionStore#inMemory()}; writes are serialised to keep codes unique. */
final class InMemoryExtensionStore implements ExtensionStore {
  private final InMemoryRecords<Extension> records = new InMemoryRecords<>("extension",
      Comparator.comparing(Extension::extcode).thenComparing(Extension::id));
  private final Map<String, String> idByCode = new HashMap<>();

  @Override
  public synchronized Extension insert(Extension extension) {
    Checks.notNull(extension, "extension");
    String owner = idByCode.get(extension.extcode());
    if (owner != null && !owner.equals(extension.id())) {
      throw AlreadyExistsException.of("extension code", extension.extcode());
    }
    Extension stored = records.insert(extension);
    idByCode.put(stored.extcode(), stored.id());
    return stored;
  }

  @Override
  public Optional<Extension> find(String id) {
    return records.find(Checks.notNull(id, "id"));
  }

  @Override
  public synchronized Optional<Extension> findByCode(String extcode) {
    Checks.notNull(extcode, "extcode");
    String id = idByCode.get(extcode);
    return id == null ? Optional.empty() : records.find(id);
  }

  @Override
  public synchronized Extension update(Extension extension) {
    Checks.notNull(extension, "extension");
    String owner = idByCode.get(extension.extcode());
    if (owner != null && !owner.equals(extension.id())) {
      throw AlreadyExistsException.of("extension code", extension.extcode());
    }
    Optional<Extension> before = records.find(extension.id());
    Extension stored = records.update(extension);
    before.ifPresent(b -> idByCode.remove(b.extcode()));
    idByCode.put(stored.extcode(), stored.id());
    return stored;
  }

  @Override
  public synchronized void delete(Extension extension) {
    Checks.notNull(extension, "extension");
    Optional<Extension> before = records.find(extension.id());
    records.delete(extension);
    before.ifPresent(b -> idByCode.remove(b.extcode()));
  }

  @Override
  public Page<Extension> list(ExtensionQuery query, PageRequest page) {
    Checks.notNull(query, "query");
    return records.list(query::matches, Checks.notNull(page, "page"));
  }
}
