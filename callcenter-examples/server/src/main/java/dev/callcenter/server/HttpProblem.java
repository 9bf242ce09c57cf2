package dev.callcenter.server;

import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * A request the server refuses at the HTTP level (bad body, missing or wrong token, wrong role, too large, too many
 * requests), answered as an RFC 9457 problem with {@link #status()}. Nothing was changed.
 */
final class HttpProblem extends CallCenterException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;
  private final List<InvalidInputException.Violation> errors;
  private final Map<String, String> headers;

  private HttpProblem(int status, String title, String detail, List<InvalidInputException.Violation> errors,
      Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  static HttpProblem badRequest(String field, String format, Object... args) {
    String message = String.format(format, args);
    return new HttpProblem(400, "Bad Request", field + ": " + message,
        List.of(new InvalidInputException.Violation(field, message)), Map.of());
  }

  static HttpProblem malformed(String detail) {
    return new HttpProblem(400, "Malformed JSON", detail, List.of(), Map.of());
  }

  static HttpProblem unauthorized(String detail) {
    return new HttpProblem(401, "Unauthorized", detail, List.of(),
        Map.of("WWW-Authenticate", "Bearer realm=\"callcenter\""));
  }

  static HttpProblem forbidden(String detail) {
    return new HttpProblem(403, "Forbidden", detail, List.of(), Map.of());
  }

  static HttpProblem tooLarge(long limit) {
    return new HttpProblem(413, "Content Too Large", "the request body exceeds the limit of " + limit + " bytes",
        List.of(), Map.of());
  }

  static HttpProblem unsupportedMediaType(String contentType) {
    return new HttpProblem(415, "Unsupported Media Type",
        "the request body must be application/json, was " + contentType, List.of(), Map.of());
  }

  static HttpProblem tooManyRequests(long retryAfterSeconds) {
    return new HttpProblem(429, "Too Many Requests", "rate limit exceeded; retry after " + retryAfterSeconds + " s",
        List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  static HttpProblem preconditionFailed(String detail) {
    return new HttpProblem(412, "Precondition Failed", detail, List.of(), Map.of());
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  List<InvalidInputException.Violation> errors() {
    return errors;
  }

  Map<String, String> headers() {
    return headers;
  }
}
