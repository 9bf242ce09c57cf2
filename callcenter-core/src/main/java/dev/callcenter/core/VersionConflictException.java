package dev.callcenter.core;

/**
 * A compare-and-set write lost: the record was changed by someone else since it was read. Nothing was written;
 * read the record again and retry.
 */
public final class VersionConflictException extends CallCenterException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;
  private final long expectedVersion;

  private VersionConflictException(String message, String kind, String id, long expectedVersion) {
    super(message);
    this.kind = kind;
    this.id = id;
    this.expectedVersion = expectedVersion;
  }

  public static VersionConflictException of(String kind, Object id, long expectedVersion, long actualVersion) {
    return new VersionConflictException(
        String.format("%s %s was changed concurrently: write expected version %d but the stored version is %d",
            kind, id, expectedVersion, actualVersion),
        kind, String.valueOf(id), expectedVersion);
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public long expectedVersion() {
    return expectedVersion;
  }
}
