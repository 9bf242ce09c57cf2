package dev.callcenter.sip.extension;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.core.store.RecordStore;
import java.util.Optional;

/**
 * Stores extensions. Extension codes are unique: {@link #insert} and {@link #update} fail with
 * {@link AlreadyExistsException} (kind "extension code") when another extension has the code. Lists are ordered
 * by extension code. Check an implementation with {@code ExtensionStoreCompatibilityKit} from
 * {@code callcenter-testkit}.
 */
public interface ExtensionStore extends RecordStore<String, Extension> {
  Optional<Extension> findByCode(String extcode);

  Page<Extension> list(ExtensionQuery query, PageRequest page);

  @Override
  default String kind() {
    return "extension";
  }

  /** A thread-safe store in this process's memory. */
  static ExtensionStore inMemory() {
    return new InMemoryExtensionStore();
  }
}
