package dev.callcenter.core;

/** The record named by an id does not exist. */
public final class NotFoundException extends CallCenterException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;

  private NotFoundException(String message, String kind, String id) {
    super(message);
    this.kind = kind;
    this.id = id;
  }

  public static NotFoundException of(String kind, Object id) {
    return new NotFoundException(String.format("%s %s not found", kind, id), kind, String.valueOf(id));
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
