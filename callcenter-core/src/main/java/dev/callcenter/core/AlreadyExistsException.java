package dev.callcenter.core;

/** An insert whose id (or other unique key) is already taken. Nothing was written. */
public final class AlreadyExistsException extends CallCenterException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String key;

  private AlreadyExistsException(String message, String kind, String key) {
    super(message);
    this.kind = kind;
    this.key = key;
  }

  public static AlreadyExistsException of(String kind, Object key) {
    return new AlreadyExistsException(String.format("%s %s already exists", kind, key), kind, String.valueOf(key));
  }

  public String kind() {
    return kind;
  }

  public String key() {
    return key;
  }
}
