package dev.callcenter.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input to a public entry point was rejected; {@link #violations()} names each field and what was expected.
 * Nothing was applied.
 */
public final class InvalidInputException extends CallCenterException {
  private static final long serialVersionUID = 1L;

  /** One rejected field: its path (for example {@code customer.phone}) and what was wrong with it. */
  public record Violation(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final List<Violation> violations;

  private InvalidInputException(String message, List<Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations must not be empty");
    }
    String text = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    return new InvalidInputException("invalid input: " + text, violations);
  }

  public static InvalidInputException of(String field, String message) {
    return of(List.of(new Violation(field, message)));
  }

  public static InvalidInputException of(String field, String format, Object... args) {
    return of(field, String.format(format, args));
  }

  public List<Violation> violations() {
    return violations;
  }
}
