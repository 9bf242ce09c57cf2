package dev.callcenter.testkit.sip;

import dev.callcenter.core.Call;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.Priority;
import dev.callcenter.core.flow.CallFlow;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small DTMF menu for telephony tests. The menu prompt {@value #MENU} collects one key: {@code 1} queues the call
 * for SALES; {@code 2} plays {@value #ACCOUNT} and collects up to 8 digits ended by {@code #}, kept as collected data
 * {@code account}, then queues for COMPLAINTS at HIGH priority; {@code 3} transfers to {@value #OPERATOR}; {@code 9}
 * plays {@value #GOODBYE} and hangs up; any other key replays the menu; silence hangs up.
 */
public final class DtmfMenuFlow implements CallFlow {
  public static final String MENU = "menu";
  public static final String ACCOUNT = "account";
  public static final String GOODBYE = "goodbye";
  public static final String OPERATOR = "operator";

  private final Clock clock;
  private final Duration firstDigitTimeout;
  private final Duration interDigitTimeout;

  /** Collect timeouts: {@code firstDigitTimeout} after the prompts, {@code interDigitTimeout} between keys. */
  public DtmfMenuFlow(Clock clock, Duration firstDigitTimeout, Duration interDigitTimeout) {
    this.clock = clock;
    this.firstDigitTimeout = firstDigitTimeout;
    this.interDigitTimeout = interDigitTimeout;
  }

  @Override
  public FlowStep begin(Call call) {
    return menu(call.withIvrStage(MENU, clock.instant()));
  }

  @Override
  public FlowStep handle(Call call, FlowInput input) {
    if (input instanceof FlowInput.HangUp) {
      return new FlowStep(call, List.of(new FlowAction.HangUp(FlowAction.HangUp.Reason.CALLER)));
    }
    if (input instanceof FlowInput.Timeout) {
      return new FlowStep(call, List.of(new FlowAction.HangUp(FlowAction.HangUp.Reason.FLOW)));
    }
    String keys = input instanceof FlowInput.Digits d ? d.digits() : "";
    if (ACCOUNT.equals(call.ivrStage())) {
      Call next = call.withCollectedData(Map.of("account", keys), clock.instant());
      return new FlowStep(next, List.of(new FlowAction.Enqueue(Department.COMPLAINTS, Priority.HIGH)));
    }
    return switch (keys) {
      case "1" -> new FlowStep(call, List.of(new FlowAction.Enqueue(Department.SALES, Priority.NORMAL)));
      case "2" -> new FlowStep(call.withIvrStage(ACCOUNT, clock.instant()), List.of(
          prompt(ACCOUNT, "Please key your account number, then hash."),
          new FlowAction.CollectDigits(8, '#', firstDigitTimeout, interDigitTimeout)));
      case "3" -> new FlowStep(call, List.of(new FlowAction.Transfer(OPERATOR)));
      case "9" -> new FlowStep(call, List.of(prompt(GOODBYE, "Goodbye."),
          new FlowAction.HangUp(FlowAction.HangUp.Reason.FLOW)));
      default -> menu(call);
    };
  }

  private FlowStep menu(Call call) {
    return new FlowStep(call, List.of(
        prompt(MENU, "Press 1 for sales, 2 for your account, 3 for the operator, 9 to hang up."),
        new FlowAction.CollectDigits(1, null, firstDigitTimeout, interDigitTimeout)));
  }

  private static FlowAction.PlayPrompt prompt(String id, String text) {
    return new FlowAction.PlayPrompt(id, Language.ENGLISH, text, null, Map.of());
  }
}
