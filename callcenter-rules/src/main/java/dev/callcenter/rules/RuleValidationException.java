package dev.callcenter.rules;

import dev.callcenter.core.CallCenterException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A rule set, keyword dictionary or sentiment lexicon was rejected whole; {@link #problems()} lists every
 * error with its JSON path (for example {@code $.rules[3].when.all[0].op}). The document in force stays.
 */
public final class RuleValidationException extends CallCenterException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 10;

  /** One error: where in the document ({@code $} is the root) and what was wrong. */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private final String document;
  private final List<Problem> problems;

  private RuleValidationException(String document, List<Problem> problems, String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.document = document;
    this.problems = List.copyOf(problems);
  }

  /**
   * An exception for a rejected document.
   *
   * @param document what was rejected, for example {@code "rule set"}
   * @param problems at least one problem
   */
  public static RuleValidationException of(String document, List<Problem> problems) {
    return of(document, problems, null);
  }

  /** As {@link #of(String, List)}, keeping the parser's exception as the cause. */
  public static RuleValidationException of(String document, List<Problem> problems, @Nullable Throwable cause) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    String shown = problems.stream().limit(SHOWN).map(Problem::toString).collect(Collectors.joining("; "));
    String more = problems.size() > SHOWN ? "; ... " + (problems.size() - SHOWN) + " more" : "";
    String message = String.format("invalid %s, %d problem%s: %s%s", document, problems.size(),
        problems.size() == 1 ? "" : "s", shown, more);
    return new RuleValidationException(document, problems, message, cause);
  }

  /** What was rejected: {@code "rule set"}, {@code "keyword dictionary"} or {@code "sentiment lexicon"}. */
  public String document() {
    return document;
  }

  /** Every problem found, in document order. */
  public List<Problem> problems() {
    return problems;
  }
}
