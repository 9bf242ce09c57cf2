package dev.callcenter.sip.extension;

import org.jspecify.annotations.Nullable;

/**
 * New values for an extension's changeable fields, checked together and applied in one update by
 * {@link Extensions#update}. {@link #toString()} never shows the password.
 *
 * @param displayName the new display name, or null to keep it
 * @param password the new password, or null to keep the credentials
 * @param userId the user the extension belongs to afterwards; null or blank unassigns it
 * @param status the new status, or null to keep it
 */
public record ExtensionChange(@Nullable String displayName, @Nullable String password, @Nullable String userId,
    @Nullable ExtensionStatus status) {

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "ExtensionChange[displayName=" + displayName + ", password=" + (password == null ? "null" : "<redacted>")
        + ", userId=" + userId + ", status=" + status + "]";
  }
}
