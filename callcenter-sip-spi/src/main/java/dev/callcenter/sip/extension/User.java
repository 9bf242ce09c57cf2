package dev.callcenter.sip.extension;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Versioned;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A person who uses the call center (and may be given extensions). Stored with compare-and-set. */
public record User(
    String id, String name, @Nullable String email, UserRole role, Instant createdAt, Instant updatedAt,
    long version)
    implements Versioned<User> {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public User {
    Checks.matches(id, Extension.ID, "id", "1-64 letters, digits or . _ : -");
    Checks.notBlank(name, "name");
    name = name.strip();
    if (name.length() > 200) {
      throw InvalidInputException.of("name", "must be at most 200 characters, was %d", name.length());
    }
    if (email != null) {
      Checks.matches(email, EMAIL, "email", "an e-mail address");
    }
    Checks.notNull(role, "role");
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw InvalidInputException.of("version", "must not be negative, was %d", version);
    }
  }

  public User withName(String value, Instant now) {
    return new User(id, value, email, role, createdAt, now, version);
  }

  public User withEmail(@Nullable String value, Instant now) {
    return new User(id, name, value, role, createdAt, now, version);
  }

  public User withRole(UserRole value, Instant now) {
    return new User(id, name, email, value, createdAt, now, version);
  }

  @Override
  public User withVersion(long newVersion) {
    return new User(id, name, email, role, createdAt, updatedAt, newVersion);
  }

  @Override
  public String key() {
    return id;
  }
}
