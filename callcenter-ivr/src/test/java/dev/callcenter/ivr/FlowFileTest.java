package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NewCall;
import dev.callcenter.core.Priority;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowFileTest {
  private static final String VALID = """
      {
        "description": "sales first, a short menu, a ticket form for complaints",
        "stages": ["GREETING", "LANGUAGE_SELECTION", "INTENT", "CLASSIFICATION", "DATA_COLLECTION"],
        "settings": {"INTENT": {"timeoutSeconds": 5, "maxRetries": 1}},
        "interDigitTimeoutSeconds": 2,
        "defaultLanguage": "en",
        "defaultRegion": "AE",
        "menu": {"1": "complaints", "2": "sales"},
        "forms": {
          "complaints": [{"name": "order_number", "prompt": "complaints.ask_order", "type": "pattern",
                          "pattern": "[0-9]{8}", "maxDigits": 8}],
          "sales": []
        },
        "confirmBelow": 0.4,
        "fallback": "reception",
        "verification": {"always": false, "tiers": ["vip"], "maxAttempts": 2, "pinLength": 4},
        "priorityByTier": {"vip": "urgent"},
        "priorityByDepartment": {"complaints": "high"},
        "businessHours": {"zone": "Asia/Dubai", "open": "08:00", "close": "18:00",
                          "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]}
      }
      """;

  private static final String BROKEN = """
      {
        "stages": ["GREETING", "SMALL_TALK", "GREETING"],
        "settings": {"INTENT": {"timeoutSeconds": -1, "maxRetries": 2.5}, "NAPPING": {}},
        "defaultLanguage": "fr",
        "defaultRegion": "Saudi",
        "menu": {"1": "Sales Team!", "12": "complaints"},
        "forms": {
          "complaints": [
            {"name": "Order Number", "prompt": "complaints.no_such_prompt", "type": "pattern"},
            {"name": "urgent", "prompt": "complaints.ask_urgent", "type": "maybe"}
          ]
        },
        "confirmBelow": 1.5,
        "verification": {"always": "sometimes", "pinLength": 3},
        "priorityByTier": {"vip": "sky-high"},
        "businessHours": {"zone": "Mars/Olympus", "open": "18:00", "close": "08:00", "days": []},
        "colour": "blue"
      }
      """;

  @Test
  void aValidFileIsReadWhole() {
    FlowDefinition flow = FlowDefinition.fromJson(VALID, PromptCatalogue.defaults());
    assertThat(flow.runs(Stage.IDENTIFICATION)).isFalse();
    assertThat(flow.runs(Stage.QUEUE)).isTrue(); // always
    assertThat(flow.settings(Stage.INTENT)).isEqualTo(new StageSettings(Duration.ofSeconds(5), 1));
    assertThat(flow.settings(Stage.LANGUAGE_SELECTION)).isEqualTo(StageSettings.DEFAULT);
    assertThat(flow.menu()).containsExactly(java.util.Map.entry("1", Department.COMPLAINTS),
        java.util.Map.entry("2", Department.SALES));
    assertThat(flow.form(Department.COMPLAINTS)).extracting(FormField::name).containsExactly("order_number");
    assertThat(flow.priorityByTier()).containsEntry("vip", Priority.URGENT);
    assertThat(flow.businessHours().isOpen(Instant.parse("2026-03-02T06:00:00Z"))).isTrue(); // Mon 10:00 Dubai
    assertThat(flow.businessHours().isOpen(Instant.parse("2026-03-01T06:00:00Z"))).isFalse(); // Sunday
  }

  @Test
  void anInvalidFileReportsEveryErrorWithItsJsonPath() {
    assertThatThrownBy(() -> FlowDefinition.fromJson(BROKEN, PromptCatalogue.defaults()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(InvalidInputException.Violation::field)
            .contains("$.stages[1]", "$.stages[2]", "$.settings.INTENT.timeoutSeconds", "$.settings.NAPPING",
                "$.defaultLanguage", "$.defaultRegion", "$.menu.1", "$.menu.12", "$.forms.complaints[0].name",
                "$.forms.complaints[0].prompt", "$.forms.complaints[0].pattern", "$.forms.complaints[1].type",
                "$.confirmBelow", "$.verification.always", "$.verification.pinLength", "$.priorityByTier.vip",
                "$.businessHours.zone", "$.businessHours.days", "$.colour"));
  }

  @Test
  void aRejectedFileChangesNothingAndTheFlowInForceStays() {
    FlowRepository flows = FlowRepository.of(FlowDefinition.defaults(), PromptCatalogue.defaults());
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T09:00:00Z"));
    CallCenter center = CallCenter.builder().clock(clock)
        .callFlow(IvrFlow.builder().clock(clock).flows(flows).build()).build();
    Call call = center.createCall(NewCall.fromPhone("+966501234567"));
    center.startFlow(call.id());

    assertThatThrownBy(() -> flows.load(BROKEN)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("$.colour").hasMessageContaining("$.menu.12");
    assertThat(flows.get()).isSameAs(FlowDefinition.defaults());
    FlowStep step = center.handleInput(call.id(), FlowInput.digits("2"));
    assertThat(step.call().ivrStage()).isEqualTo("IDENTIFICATION"); // the default flow still runs

    flows.load(VALID); // a good file takes effect at the next input
    step = center.handleInput(call.id(), FlowInput.digits("0501234567#"));
    step = center.handleInput(call.id(), FlowInput.timeout());
    step = center.handleInput(call.id(), FlowInput.timeout()); // INTENT now allows one retry only
    assertThat(step.call().department()).isEqualTo(Department.RECEPTION);
  }

  @Test
  void aFlowNamingAMissingPromptIsNeverPutInForce() {
    FlowRepository flows = FlowRepository.of(FlowDefinition.defaults());
    FlowDefinition bad = FlowDefinition.builder().form(Department.SALES,
        List.of(FormField.of("budget", "sales.ask_budget", FieldType.DIGITS))).build();
    assertThatThrownBy(() -> flows.replace(bad)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::field)
            .containsExactly("$.forms.sales[0].prompt"));
    assertThat(flows.get()).isSameAs(FlowDefinition.defaults());
  }

  @Test
  void theShippedDefaultFlowFileIsTheDefaultFlow() {
    assertThat(FlowDefinition.fromJson(FlowDefinition.defaultFlowFile(), PromptCatalogue.defaults()))
        .isEqualTo(FlowDefinition.defaults());
  }

  @Test
  void aFlowFileIsLoadedFromDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    FlowRepository flows = FlowRepository.of(FlowDefinition.defaults());
    java.nio.file.Path file = dir.resolve("flow.json");
    java.nio.file.Files.writeString(file, VALID);
    assertThat(flows.load(file).runs(Stage.IDENTIFICATION)).isFalse();
    assertThatThrownBy(() -> flows.load(dir.resolve("missing.json"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing.json");
    assertThat(flows.get().runs(Stage.IDENTIFICATION)).isFalse();
  }

  @Test
  void malformedJsonIsRejectedWithItsLocation() {
    assertThatThrownBy(() -> FlowDefinition.fromJson("{\"menu\": {\"1\": }"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations().get(0).message()).contains("line 1"));
  }

  @Test
  void theBuilderFailsFastNamingTheField() {
    assertThatThrownBy(() -> FlowDefinition.builder().confirmBelow(0.5).confirmBelow(0.7))
        .hasMessageContaining("confirmBelow");
    assertThatThrownBy(() -> FlowDefinition.builder().menu("1", Department.SALES).menu("1", Department.SALES))
        .hasMessageContaining("menu.1");
    assertThatThrownBy(() -> FlowDefinition.builder().menu("11", Department.SALES).build())
        .hasMessageContaining("menu");
    assertThatThrownBy(() -> FormField.pattern("order", "p", "[0-9", 8)).hasMessageContaining("pattern");
    assertThatThrownBy(() -> IvrFlow.builder().flow(FlowDefinition.builder().form(Department.SALES,
        List.of(FormField.of("x", "sales.nope", FieldType.TEXT))).build()).build())
        .hasMessageContaining("sales.nope");
  }

  @Test
  void aFlowRendersAsMermaid() {
    String mermaid = FlowDefinition.defaults().toMermaid();
    assertThat(mermaid).startsWith("flowchart TD\n")
        .contains("GREETING[\"1. greeting\"]", "INTENT[\"5. intent (8s, 2 retries)\"]")
        .contains("GREETING --> LANGUAGE_SELECTION", "QUEUE --> HANDOFF")
        .contains("INTENT -- \"key 1\" --> MENU_sales")
        .contains("FORM_complaints[/\"order_number:pattern, urgent:yes_no\"/]")
        .contains("INTENT -. \"no input / retries used up\" .-> FALLBACK");
    String small = FlowDefinition.fromJson(VALID).toMermaid();
    assertThat(small).doesNotContain("IDENTIFICATION").contains("DATA_COLLECTION --> QUEUE");
  }

  @Test
  void theDiagramTellsHowTheQueueStageEnds() {
    FlowDefinition flow = FlowDefinition.builder().stage(Stage.QUEUE, new StageSettings(Duration.ofSeconds(20), 2))
        .build();
    String mermaid = flow.toMermaid();
    // a queue timeout goes on to the handoff, it is never retried: the diagram must not promise retries
    assertThat(mermaid).contains("QUEUE[\"8. queue (callback offer 20s, then handoff)\"]")
        .contains("HANDOFF[\"9. handoff\"]")
        .doesNotContain("QUEUE -. ")
        .doesNotContainPattern("QUEUE\\[[^\\]]*retries");
    // and the state machine does what the diagram says: one timeout in the queue ends in the handoff
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T06:00:00Z"));
    IvrFlow ivr = IvrFlow.builder().clock(clock).flow(flow).build();
    CallCenter center = CallCenter.builder().clock(clock).callFlow(ivr).build();
    Call call = center.createCall(NewCall.fromPhone("+971501234567"));
    center.startFlow(call.id());
    center.handleInput(call.id(), FlowInput.digits("2"));
    center.handleInput(call.id(), FlowInput.digits("12345678#"));
    center.handleInput(call.id(), FlowInput.digits("0"));
    FlowStep step = center.handleInput(call.id(), FlowInput.timeout());
    assertThat(step.call().ivrStage()).isEqualTo("HANDOFF");
    assertThat(IvrFlow.outcomeOf(step.call())).isEqualTo("queued");
  }

  @Test
  void stagesLeftOutAreNotRun() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T06:00:00Z"));
    IvrFlow ivr = IvrFlow.builder().clock(clock).flow(FlowDefinition.fromJson(VALID)).build();
    CallCenter center = CallCenter.builder().clock(clock).callFlow(ivr).build();
    Call call = center.createCall(NewCall.fromPhone("+971501234567"));
    center.startFlow(call.id());
    FlowStep step = center.handleInput(call.id(), FlowInput.digits("2"));
    assertThat(step.call().ivrStage()).isEqualTo("INTENT"); // no identification in this flow
    assertThat(step.actions()).contains(new FlowAction.CollectDigits(1, null, Duration.ofSeconds(5),
        Duration.ofSeconds(2)));
    step = center.handleInput(call.id(), FlowInput.digits("1"));
    step = center.handleInput(call.id(), FlowInput.text("٨٧٦٥٤٣٢١"));
    assertThat(step.call().collectedData()).containsEntry("order_number", "87654321");
    assertThat(step.call().priority()).isEqualTo(Priority.HIGH);
    assertThat(step.call().department()).isEqualTo(Department.COMPLAINTS);
  }
}
