package dev.callcenter.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.callcenter.core.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem detail as the API answers it ({@code application/problem+json}).
 *
 * @param errors one entry per rejected field, when the problem is bad input
 */
record Problem(String type, String title, int status, String detail, @Nullable String instance,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {
  static final String MEDIA_TYPE = "application/problem+json";

  /** One rejected field and what was wrong with it. */
  record FieldError(String field, String message) {
    static FieldError of(InvalidInputException.Violation v) {
      return new FieldError(v.field(), v.message());
    }
  }

  Problem {
    errors = List.copyOf(errors);
  }

  static Problem of(int status, String title, String detail, @Nullable String instance,
      List<InvalidInputException.Violation> violations) {
    String type = "https://callcenter.dev/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    return new Problem(type, title, status, detail, instance, violations.stream().map(FieldError::of).toList());
  }
}
