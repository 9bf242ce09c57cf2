package dev.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.callcenter.core.InvalidInputException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema shipped for flow files ({@code dev/callcenter/ivr/flow.schema.json}, for editors) agrees with the
 * code's validation, which stays the source of truth: what the code accepts the schema accepts, and the schema
 * rejects what the code rejects.
 */
class FlowSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try (InputStream in = FlowDefinition.class.getResourceAsStream("/dev/callcenter/ivr/flow.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> validFiles() {
    return List.of(
        FlowDefinition.defaultFlowFile(),
        "{}",
        "{\"menu\": {\"1\": \"Sales\", \"9\": {\"transfer\": \"1001\", \"prompt\": \"intent.operator_option\"},"
            + " \"8\": {\"transfer\": \"+966112345678\"}}}",
        "{\"verification\": {\"always\": true, \"method\": \"last_digits\", \"lastDigits\": 4, \"maxAttempts\": 2}}",
        "{\"stages\": [\"greeting\", \"INTENT\"], \"priorityByTier\": {\"vip\": \"urgent\"}, \"defaultRegion\": null,"
            + " \"businessHours\": {\"zone\": \"Asia/Riyadh\", \"open\": \"08:00\", \"close\": \"20:00\","
            + " \"days\": [\"SUNDAY\", \"monday\"]}, \"settings\": {\"QUEUE\": {\"timeoutSeconds\": 30}}}",
        "{\"forms\": {\"complaints\": [{\"name\": \"order_number\", \"prompt\": \"complaints.ask_order\","
            + " \"type\": \"pattern\", \"pattern\": \"[0-9]{6}\", \"maxDigits\": 6}]}}");
  }

  static List<String> invalidFiles() {
    return List.of(
        "{\"stages\": [\"GREETING\", \"DANCING\"]}",
        "{\"menu\": {\"12\": \"sales\"}}",
        "{\"menu\": {}}",
        "{\"menu\": {\"9\": {\"transfer\": \"front desk\"}}}",
        "{\"menu\": {\"9\": {\"transfer\": \"1001\", \"ring\": 3}}}",
        "{\"verification\": {\"method\": \"voiceprint\"}}",
        "{\"verification\": {\"lastDigits\": 12}}",
        "{\"forms\": {\"complaints\": [{\"name\": \"order\", \"prompt\": \"complaints.ask_order\", \"type\": \"pattern\"}]}}",
        "{\"forms\": {\"sales\": [{\"name\": \"Bad Name\", \"prompt\": \"sales.ask_product\", \"type\": \"text\"}]}}",
        "{\"forms\": {\"sales\": [{\"name\": \"x\", \"prompt\": \"sales.ask_product\", \"type\": \"text\","
            + " \"pattern\": \"a\"}]}}",
        "{\"settings\": {\"QUEUE\": {\"timeoutSeconds\": 0, \"maxRetries\": 2}}}",
        "{\"settings\": {\"LUNCH\": {\"timeoutSeconds\": 5}}}",
        "{\"confirmBelow\": 1.5}",
        "{\"colour\": \"blue\"}",
        "{\"defaultRegion\": \"SAU\"}",
        "{\"priorityByTier\": {\"vip\": \"asap\"}}",
        "{\"businessHours\": {\"zone\": \"Asia/Riyadh\", \"open\": \"08:00\", \"close\": \"20:00\"}}");
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void whatTheCodeAcceptsTheSchemaAccepts(String json) throws Exception {
    FlowDefinition.fromJson(json, PromptCatalogue.defaults());
    assertThat(SCHEMA.validate(MAPPER.readTree(json))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalidFiles")
  void whatTheCodeRejectsTheSchemaRejects(String json) throws Exception {
    assertThatThrownBy(() -> FlowDefinition.fromJson(json, PromptCatalogue.defaults()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("$");
    assertThat(SCHEMA.validate(MAPPER.readTree(json))).as(json).isNotEmpty();
  }

  @Test
  void theSchemaIsOnTheClassPathBesideTheDefaultFlow() {
    assertThat(FlowDefinition.class.getResource("/dev/callcenter/ivr/flow.schema.json")).isNotNull();
  }
}
