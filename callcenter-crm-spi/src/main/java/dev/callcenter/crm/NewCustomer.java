package dev.callcenter.crm;

import dev.callcenter.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is needed to create a customer. Phone numbers and the language are text, parsed by {@link CrmService};
 * the PIN, when given, is hashed there and never kept. {@link #toString()} leaves the PIN out.
 *
 * @param id the id to use, or null for a random one
 */
public record NewCustomer(
    @Nullable String id,
    String name,
    List<String> phones,
    @Nullable String email,
    @Nullable String preferredLanguage,
    @Nullable String tier,
    @Nullable String notes,
    Set<String> tags,
    @Nullable String pin) {

  public NewCustomer {
    phones = phones == null ? List.of() : List.copyOf(phones);
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "NewCustomer[id=" + id + ", name=" + name + ", phones=" + phones + ", email=" + email
        + ", preferredLanguage=" + preferredLanguage + ", tier=" + tier + ", tags=" + tags + ", pin="
        + (pin == null ? "none" : "****") + "]";
  }

  /** Builds a {@link NewCustomer}; every setter rejects a value set twice. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String name;
    private final List<String> phones = new ArrayList<>();
    private @Nullable String email;
    private @Nullable String preferredLanguage;
    private @Nullable String tier;
    private @Nullable String notes;
    private final Set<String> tags = new LinkedHashSet<>();
    private @Nullable String pin;

    private Builder() {}

    private static <T> T once(@Nullable Object current, T value, String field) {
      if (current != null) {
        throw InvalidInputException.of(field, "was already set");
      }
      return value;
    }

    public Builder id(String value) {
      id = once(id, value, "id");
      return this;
    }

    public Builder name(String value) {
      name = once(name, value, "name");
      return this;
    }

    /** Adds a phone number; may be called for each number. */
    public Builder phone(String value) {
      phones.add(value);
      return this;
    }

    public Builder email(String value) {
      email = once(email, value, "email");
      return this;
    }

    public Builder preferredLanguage(String value) {
      preferredLanguage = once(preferredLanguage, value, "preferredLanguage");
      return this;
    }

    public Builder tier(String value) {
      tier = once(tier, value, "tier");
      return this;
    }

    public Builder notes(String value) {
      notes = once(notes, value, "notes");
      return this;
    }

    /** Adds a tag; may be called for each tag. */
    public Builder tag(String value) {
      tags.add(value);
      return this;
    }

    public Builder pin(String value) {
      pin = once(pin, value, "pin");
      return this;
    }

    public NewCustomer build() {
      if (name == null || name.isBlank()) {
        throw InvalidInputException.of("name", "must not be blank");
      }
      return new NewCustomer(id, name, phones, email, preferredLanguage, tier, notes, tags, pin);
    }
  }
}
