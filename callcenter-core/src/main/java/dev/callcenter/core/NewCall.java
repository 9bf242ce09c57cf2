package dev.callcenter.core;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A request to start a call, with the field names clients already send. Every field is optional; the phone is
 * parsed to E.164 (see {@link PhoneNumber#parse(String, String)}) and the language to a {@link Language}.
 */
public record NewCall(
    @Nullable @Size(max = 200) String customerName,
    @Nullable @Size(max = 40) String phone,
    @Nullable @Email @Size(max = 254) String email,
    @Nullable @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be letters, digits, '_' or '-'")
        String source,
    @Nullable @Size(max = 35) String language,
    @Nullable @Size(max = 64) String ipAddress,
    @Nullable @Size(max = 512) String userAgent) {

  /** A call from a phone number, nothing else known. */
  public static NewCall fromPhone(String phone) {
    return new NewCall(null, phone, null, "phone", null, null, null);
  }
}
