package dev.callcenter.core.flow;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.Priority;
import dev.callcenter.core.internal.Checks;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a call flow asks for. Telephony adapters and the HTTP API carry out the prompts and collects; the runtime
 * itself carries out {@link Enqueue}, {@link Transfer}, {@link Complete} and {@link HangUp}.
 */
public sealed interface FlowAction {
  /**
   * Play a prompt.
   *
   * @param text the rendered text, in {@code language}
   * @param audio a path or URI of a recorded file for this prompt and language, if there is one
   */
  record PlayPrompt(String promptId, Language language, String text, @Nullable String audio,
      Map<String, String> arguments) implements FlowAction {
    public PlayPrompt {
      Checks.notBlank(promptId, "promptId");
      Checks.notNull(language, "language");
      Checks.notNull(text, "text");
      arguments = Map.copyOf(arguments);
    }
  }

  /**
   * Collect DTMF digits.
   *
   * @param terminator key that ends the input early, such as '#', or null
   */
  record CollectDigits(int maxDigits, @Nullable Character terminator, Duration firstDigitTimeout,
      Duration interDigitTimeout) implements FlowAction {
    public CollectDigits {
      Checks.inRange(maxDigits, 1, 32, "maxDigits");
      Checks.notNull(firstDigitTimeout, "firstDigitTimeout");
      Checks.notNull(interDigitTimeout, "interDigitTimeout");
    }
  }

  /** Collect speech or text, up to {@code timeout}. */
  record CollectText(Duration timeout) implements FlowAction {
    public CollectText {
      Checks.notNull(timeout, "timeout");
    }
  }

  /** Put the call in {@code department}'s queue: the runtime routes it and moves it to IN_QUEUE. */
  record Enqueue(Department department, Priority priority) implements FlowAction {
    public Enqueue {
      Checks.notNull(department, "department");
      Checks.notNull(priority, "priority");
    }
  }

  /** Transfer the call to a telephony endpoint (an extension, a number or a SIP URI). */
  record Transfer(String target) implements FlowAction {
    public Transfer {
      Checks.notBlank(target, "target");
    }
  }

  /** Close the call without an agent (a ticket or voicemail took it): the call becomes COMPLETED. */
  record Complete(String reason) implements FlowAction {
    public Complete {
      Checks.notBlank(reason, "reason");
    }
  }

  /** End the call: ABANDONED when the caller hung up, COMPLETED when the flow hangs up. */
  record HangUp(Reason reason) implements FlowAction {
    public enum Reason {
      CALLER,
      FLOW
    }

    public HangUp {
      Checks.notNull(reason, "reason");
    }
  }
}
