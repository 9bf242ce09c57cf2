package dev.callcenter.core;

/** A status change that the lifecycle does not allow, e.g. COMPLETED to IN_QUEUE. Nothing was changed. */
public final class IllegalTransitionException extends CallCenterException {
  private static final long serialVersionUID = 1L;
  private final String subject;
  private final String from;
  private final String to;

  private IllegalTransitionException(String message, String subject, String from, String to) {
    super(message);
    this.subject = subject;
    this.from = from;
    this.to = to;
  }

  /** A transition refused for {@code subject} (for example "call 42"), naming both states. */
  public static IllegalTransitionException of(String subject, Enum<?> from, Enum<?> to) {
    return new IllegalTransitionException(
        String.format("%s cannot go from %s to %s", subject, from.name(), to.name()), subject, from.name(), to.name());
  }

  public String subject() {
    return subject;
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }
}
