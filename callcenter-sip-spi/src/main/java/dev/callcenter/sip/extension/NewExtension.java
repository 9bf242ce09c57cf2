package dev.callcenter.sip.extension;

import org.jspecify.annotations.Nullable;

/**
 * What is needed to create an extension. The password is checked against the {@link PasswordPolicy}, turned
 * into digest credentials and dropped; {@link #toString()} never shows it.
 *
 * @param userId the user to assign the extension to, or null
 */
public record NewExtension(String extcode, String displayName, String password, @Nullable String userId) {
  public static NewExtension of(String extcode, String displayName, String password) {
    return new NewExtension(extcode, displayName, password, null);
  }

  public NewExtension assignedTo(@Nullable String user) {
    return new NewExtension(extcode, displayName, password, user);
  }

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "NewExtension[extcode=" + extcode + ", displayName=" + displayName + ", password=<redacted>, userId="
        + userId + "]";
  }
}
