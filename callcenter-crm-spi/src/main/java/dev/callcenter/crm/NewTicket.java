package dev.callcenter.crm;

import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is needed to open a ticket. Build one with {@link #builder(String)}.
 *
 * @param priority null for MEDIUM
 */
public record NewTicket(
    String subject,
    @Nullable String description,
    @Nullable TicketPriority priority,
    @Nullable Department department,
    @Nullable String customerId,
    @Nullable String callId,
    @Nullable String assignee,
    Set<String> tags) {

  public NewTicket {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  public static Builder builder(String subject) {
    return new Builder(subject);
  }

  /** Builds a {@link NewTicket}; every setter rejects a value set twice. */
  public static final class Builder {
    private final String subject;
    private @Nullable String description;
    private @Nullable TicketPriority priority;
    private @Nullable Department department;
    private @Nullable String customerId;
    private @Nullable String callId;
    private @Nullable String assignee;
    private final Set<String> tags = new LinkedHashSet<>();

    private Builder(String subject) {
      if (subject == null || subject.isBlank()) {
        throw InvalidInputException.of("subject", "must not be blank");
      }
      this.subject = subject;
    }

    private static <T> T once(@Nullable Object current, T value, String field) {
      if (current != null) {
        throw InvalidInputException.of(field, "was already set");
      }
      if (value == null) {
        throw InvalidInputException.of(field, "must not be null");
      }
      return value;
    }

    public Builder description(String value) {
      description = once(description, value, "description");
      return this;
    }

    public Builder priority(TicketPriority value) {
      priority = once(priority, value, "priority");
      return this;
    }

    public Builder department(Department value) {
      department = once(department, value, "department");
      return this;
    }

    public Builder customerId(String value) {
      customerId = once(customerId, value, "customerId");
      return this;
    }

    public Builder callId(String value) {
      callId = once(callId, value, "callId");
      return this;
    }

    public Builder assignee(String value) {
      assignee = once(assignee, value, "assignee");
      return this;
    }

    /** Adds a tag; may be called for each tag. */
    public Builder tag(String value) {
      if (value == null || value.isBlank()) {
        throw InvalidInputException.of("tags", "must not contain a blank tag");
      }
      tags.add(value);
      return this;
    }

    public NewTicket build() {
      return new NewTicket(subject, description, priority, department, customerId, callId, assignee, tags);
    }
  }
}
