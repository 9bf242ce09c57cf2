package dev.callcenter.ivr;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A main-menu option that transfers the call (to an extension, a number or another queue's line) instead of
 * routing it to a department: the IVR plays {@code intent.transferring} and ends with core's
 * {@link dev.callcenter.core.flow.FlowAction.Transfer}.
 *
 * @param target where to transfer: an extension code or a phone number, such as {@code 1001} or {@code +966112345678}
 * @param promptId the prompt that announces the option in the menu (played with {@code {key}}), or null for an
 *     option that is not announced
 */
public record MenuTransfer(String target, @Nullable String promptId) {
  /** Extension codes and phone numbers: an optional {@code +}, then 2 to 16 digits. */
  public static final Pattern TARGET = Pattern.compile("\\+?[0-9]{2,16}");

  public MenuTransfer {
    Checks.notBlank(target, "target");
    if (!TARGET.matcher(target).matches()) {
      throw InvalidInputException.of("target", "must be an extension or phone number (+ and 2 to 16 digits), was '%s'",
          Checks.abbreviate(target));
    }
    if (promptId != null) {
      Checks.notBlank(promptId, "promptId");
    }
  }

  /** A transfer that is not announced in the menu. */
  public static MenuTransfer to(String target) {
    return new MenuTransfer(target, null);
  }
}
