package dev.callcenter.ivr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.InvalidInputException.Violation;
import dev.callcenter.core.Language;
import dev.callcenter.core.Priority;
import dev.callcenter.core.internal.Json;
import dev.callcenter.ivr.BusinessHours;
import dev.callcenter.ivr.FieldType;
import dev.callcenter.ivr.FlowDefinition;
import dev.callcenter.ivr.MenuTransfer;
import dev.callcenter.ivr.VerificationMethod;
import dev.callcenter.ivr.FormField;
import dev.callcenter.ivr.PromptCatalogue;
import dev.callcenter.ivr.Stage;
import dev.callcenter.ivr.StageSettings;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON flow file into a {@link FlowDefinition}, collecting every error with its JSON path before failing,
 * so a team sees all of them at once.
 */
public final class FlowFileReader {
  /** Prompts the state machine plays itself, whatever the flow. */
  public static final List<String> REQUIRED_PROMPTS = List.of("greeting.welcome", "greeting.out_of_hours",
      "greeting.closed", "language.choose", "language.selected", "language.switched", "language.not_understood", "identify.ask", "verify.ask_last_digits", "intent.transferring",
      "identify.thanks", "identify.invalid", "verify.ask_pin", "verify.retry", "verify.success", "verify.failed",
      "intent.option", "intent.ask_reason", "intent.not_understood", "classify.confirm", "classify.routing",
      "input.no_input", "input.invalid", "fallback.reception", "queue.position", "queue.wait", "queue.hold",
      "queue.callback_offer", "queue.callback_confirmed", "handoff.connecting", "collect.thanks");
  private static final Set<String> TOP = Set.of("description", "stages", "settings", "interDigitTimeoutSeconds",
      "defaultLanguage", "defaultRegion", "menu", "forms", "confirmBelow", "fallback", "verification",
      "priorityByTier", "priorityByDepartment", "businessHours");

  private final List<Violation> errors = new ArrayList<>();

  private FlowFileReader() {}

  public static FlowDefinition read(String json, @Nullable PromptCatalogue prompts) {
    if (json == null || json.isBlank()) {
      throw InvalidInputException.of("$", "must be a JSON object, was empty");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of("$", "is not JSON: %s (line %d, column %d)", e.getOriginalMessage(),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw InvalidInputException.of("$", "must be a JSON object");
    }
    FlowFileReader reader = new FlowFileReader();
    FlowDefinition flow = reader.parse(root, prompts);
    if (!reader.errors.isEmpty() || flow == null) {
      throw InvalidInputException.of(reader.errors);
    }
    return flow;
  }

  /** Checks that every prompt {@code flow} and the state machine need is in {@code prompts}. */
  public static void checkPrompts(FlowDefinition flow, PromptCatalogue prompts) {
    List<Violation> missing = new ArrayList<>();
    for (String id : REQUIRED_PROMPTS) {
      if (!prompts.contains(id)) {
        missing.add(new Violation("prompts." + id, "is missing from the prompt catalogue"));
      }
    }
    flow.forms().forEach((d, fields) -> {
      for (int i = 0; i < fields.size(); i++) {
        if (!prompts.contains(fields.get(i).promptId())) {
          missing.add(new Violation("$.forms." + d.id() + "[" + i + "].prompt",
              "names prompt '" + fields.get(i).promptId() + "', which is not in the prompt catalogue"));
        }
      }
    });
    flow.transfers().forEach((key, transfer) -> {
      if (transfer.promptId() != null && !prompts.contains(transfer.promptId())) {
        missing.add(new Violation("$.menu." + key + ".prompt",
            "names prompt '" + transfer.promptId() + "', which is not in the prompt catalogue"));
      }
    });
    if (!missing.isEmpty()) {
      throw InvalidInputException.of(missing);
    }
  }

  private void error(String path, String message) {
    errors.add(new Violation(path, message));
  }

  private @Nullable FlowDefinition parse(JsonNode root, @Nullable PromptCatalogue prompts) {
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!TOP.contains(name)) {
        error("$." + name, "is not a flow property (expected one of " + new java.util.TreeSet<>(TOP) + ")");
      }
    }
    FlowDefinition.Builder b = FlowDefinition.builder();
    if (root.has("stages")) {
      JsonNode stages = root.get("stages");
      if (!stages.isArray()) {
        error("$.stages", "must be an array of stage names");
      } else {
        Set<Stage> set = EnumSet.noneOf(Stage.class);
        for (int i = 0; i < stages.size(); i++) {
          Stage s = enumValue(stages.get(i), "$.stages[" + i + "]", Stage.class);
          if (s != null && !set.add(s)) {
            error("$.stages[" + i + "]", "stage " + s + " is listed twice");
          }
        }
        b.stages(set);
      }
    }
    JsonNode settings = root.path("settings");
    if (!settings.isMissingNode()) {
      forEachField(settings, "$.settings", (name, node, path) -> {
        Stage s = enumValue(new com.fasterxml.jackson.databind.node.TextNode(name), path, Stage.class);
        if (s == null || !objectWith(node, path, Set.of("timeoutSeconds", "maxRetries"))) {
          return;
        }
        Double timeout = number(node, "timeoutSeconds", path, 0.001, 300, (double) StageSettings.DEFAULT_TIMEOUT
            .toSeconds());
        Double retries = number(node, "maxRetries", path, 0, 10, StageSettings.DEFAULT_MAX_RETRIES);
        if (timeout != null && retries != null) {
          if (retries != Math.rint(retries)) {
            error(path + ".maxRetries", "must be a whole number, was " + node.get("maxRetries"));
          } else {
            b.stage(s, new StageSettings(Duration.ofMillis(Math.round(timeout * 1000)), retries.intValue()));
          }
        }
      });
    }
    Double interDigit = number(root, "interDigitTimeoutSeconds", "$", 0.1, 60,
        FlowDefinition.DEFAULT_INTER_DIGIT_TIMEOUT.toSeconds());
    if (interDigit != null && root.has("interDigitTimeoutSeconds")) {
      b.interDigitTimeout(Duration.ofMillis(Math.round(interDigit * 1000)));
    }
    if (root.has("defaultLanguage")) {
      Language l = value(root.get("defaultLanguage"), "$.defaultLanguage", Language::of);
      if (l != null && !l.primary().equals("ar") && !l.primary().equals("en")) {
        error("$.defaultLanguage", "must be ar or en, was " + l);
      } else if (l != null) {
        b.defaultLanguage(l);
      }
    }
    if (root.has("defaultRegion")) {
      JsonNode r = root.get("defaultRegion");
      if (r.isNull()) {
        b.defaultRegion(null);
      } else if (!r.isTextual() || !r.asText().matches("[A-Za-z]{2}")) {
        error("$.defaultRegion", "must be a two-letter region code such as SA, was " + r);
      } else {
        b.defaultRegion(r.asText().toUpperCase(Locale.ROOT));
      }
    }
    if (root.has("menu")) {
      Set<String> seen = new HashSet<>();
      forEachField(root.get("menu"), "$.menu", (key, node, path) -> {
        if (!key.matches("[0-9*#]")) {
          error(path, "menu keys must be one DTMF key (0-9, *, #)");
          return;
        }
        if (node.isObject()) { // {"transfer": "1001", "prompt": "menu.operator"}
          MenuTransfer transfer = transfer(node, path, prompts);
          if (transfer != null && seen.add(key)) {
            b.transfer(key, transfer);
          }
          return;
        }
        Department d = value(node, path, Department::of);
        if (d != null && seen.add(key)) {
          b.menu(key, d);
        }
      });
      if (root.get("menu").isObject() && root.get("menu").isEmpty()) {
        error("$.menu", "must have at least one key");
      }
    }
    if (root.has("forms")) {
      forEachField(root.get("forms"), "$.forms", (dept, node, path) -> {
        Department d = value(new com.fasterxml.jackson.databind.node.TextNode(dept), path, Department::of);
        if (!node.isArray()) {
          error(path, "must be an array of fields");
          return;
        }
        List<FormField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
          FormField f = field(node.get(i), path + "[" + i + "]", prompts);
          if (f != null && !names.add(f.name())) {
            error(path + "[" + i + "].name", "field '" + f.name() + "' appears twice in this form");
          } else if (f != null) {
            fields.add(f);
          }
        }
        if (d != null) {
          b.form(d, fields);
        }
      });
    }
    Double confirm = number(root, "confirmBelow", "$", 0, 1, FlowDefinition.DEFAULT_CONFIRM_BELOW);
    if (confirm != null && root.has("confirmBelow")) {
      b.confirmBelow(confirm);
    }
    if (root.has("fallback")) {
      Department d = value(root.get("fallback"), "$.fallback", Department::of);
      if (d != null) {
        b.fallback(d);
      }
    }
    JsonNode verification = root.path("verification");
    if (!verification.isMissingNode()
        && objectWith(verification, "$.verification", Set.of("always", "tiers", "maxAttempts", "pinLength", "method",
        "lastDigits"))) {
      if (verification.has("method")) {
        JsonNode method = verification.get("method");
        VerificationMethod m = method.isTextual() && method.asText().equals("pin") ? VerificationMethod.PIN
            : method.isTextual() && method.asText().equals("last_digits") ? VerificationMethod.LAST_DIGITS : null;
        if (m == null) {
          error("$.verification.method", "must be \"pin\" or \"last_digits\", was " + method);
        } else {
          b.verifyBy(m);
        }
      }
      Double lastDigits = number(verification, "lastDigits", "$.verification", 3, 8,
          FlowDefinition.DEFAULT_LAST_DIGITS);
      if (lastDigits != null && verification.has("lastDigits")) {
        if (lastDigits != Math.rint(lastDigits)) {
          error("$.verification.lastDigits", "must be a whole number, was " + verification.get("lastDigits"));
        } else {
          b.lastDigits(lastDigits.intValue());
        }
      }
      if (verification.has("always")) {
        if (!verification.get("always").isBoolean()) {
          error("$.verification.always", "must be true or false");
        } else {
          b.verifyAlways(verification.get("always").asBoolean());
        }
      }
      if (verification.has("tiers")) {
        JsonNode tiers = verification.get("tiers");
        Set<String> set = new HashSet<>();
        if (!tiers.isArray()) {
          error("$.verification.tiers", "must be an array of tier names");
        } else {
          for (int i = 0; i < tiers.size(); i++) {
            if (!tiers.get(i).isTextual() || tiers.get(i).asText().isBlank()) {
              error("$.verification.tiers[" + i + "]", "must be a tier name");
            } else {
              set.add(tiers.get(i).asText());
            }
          }
          b.verifyTiers(set);
        }
      }
      Double attempts = number(verification, "maxAttempts", "$.verification", 1, 10, 3);
      if (attempts != null && verification.has("maxAttempts")) {
        b.maxPinAttempts(attempts.intValue());
      }
      Double pinLength = number(verification, "pinLength", "$.verification", 4, 12, 6);
      if (pinLength != null && verification.has("pinLength")) {
        b.pinLength(pinLength.intValue());
      }
    }
    if (root.has("priorityByTier")) {
      Map<String, Priority> byTier = new LinkedHashMap<>();
      forEachField(root.get("priorityByTier"), "$.priorityByTier", (tier, node, path) -> {
        Priority p = enumValue(node, path, Priority.class);
        if (p != null) {
          byTier.put(tier, p);
        }
      });
      b.priorityByTier(byTier);
    }
    if (root.has("priorityByDepartment")) {
      forEachField(root.get("priorityByDepartment"), "$.priorityByDepartment", (dept, node, path) -> {
        Department d = value(new com.fasterxml.jackson.databind.node.TextNode(dept), path, Department::of);
        Priority p = enumValue(node, path, Priority.class);
        if (d != null && p != null) {
          b.priority(d, p);
        }
      });
    }
    JsonNode hours = root.path("businessHours");
    if (!hours.isMissingNode() && !hours.isNull()
        && objectWith(hours, "$.businessHours", Set.of("zone", "open", "close", "days"))) {
      ZoneId zone = value(hours.path("zone"), "$.businessHours.zone", ZoneId::of);
      LocalTime open = value(hours.path("open"), "$.businessHours.open", LocalTime::parse);
      LocalTime close = value(hours.path("close"), "$.businessHours.close", LocalTime::parse);
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      JsonNode d = hours.path("days");
      if (!d.isArray() || d.isEmpty()) {
        error("$.businessHours.days", "must be a non-empty array of days such as SUNDAY");
      } else {
        for (int i = 0; i < d.size(); i++) {
          DayOfWeek day = enumValue(d.get(i), "$.businessHours.days[" + i + "]", DayOfWeek.class);
          if (day != null) {
            days.add(day);
          }
        }
      }
      if (zone != null && open != null && close != null) {
        if (!open.isBefore(close)) {
          error("$.businessHours.close", "must be after open (" + open + "), was " + close);
        } else if (!days.isEmpty()) {
          b.businessHours(new BusinessHours(zone, open, close, days));
        }
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    FlowDefinition flow;
    try {
      flow = b.build();
    } catch (InvalidInputException e) {
      for (Violation v : e.violations()) {
        error("$." + v.field(), v.message());
      }
      return null;
    }
    for (Map.Entry<String, Department> e : flow.menu().entrySet()) {
      if (!flow.forms().containsKey(e.getValue()) && !e.getValue().equals(flow.fallback())
          && prompts != null && !prompts.contains("department." + e.getValue().id())) {
        error("$.menu." + e.getKey(), "department '" + e.getValue().id()
            + "' has no name prompt 'department." + e.getValue().id() + "' in the catalogue");
      }
    }
    return flow;
  }

  private @Nullable MenuTransfer transfer(JsonNode node, String path, @Nullable PromptCatalogue prompts) {
    if (!objectWith(node, path, Set.of("transfer", "prompt"))) {
      return null;
    }
    int before = errors.size();
    JsonNode target = node.path("transfer");
    if (!target.isTextual() || !MenuTransfer.TARGET.matcher(target.asText()).matches()) {
      error(path + ".transfer", "must be an extension or phone number (+ and 2 to 16 digits), was " + target);
    }
    String prompt = null;
    if (node.has("prompt")) {
      JsonNode p = node.get("prompt");
      if (!p.isTextual() || p.asText().isBlank()) {
        error(path + ".prompt", "must be a prompt id");
      } else {
        prompt = p.asText();
        if (prompts != null && !prompts.contains(prompt)) {
          error(path + ".prompt", "names prompt '" + prompt + "', which is not in the prompt catalogue");
        }
      }
    }
    return errors.size() == before ? new MenuTransfer(target.asText(), prompt) : null;
  }

  private @Nullable FormField field(JsonNode node, String path, @Nullable PromptCatalogue prompts) {
    if (!objectWith(node, path, Set.of("name", "prompt", "type", "pattern", "maxDigits"))) {
      return null;
    }
    int before = errors.size();
    String name = text(node, "name", path);
    if (name != null && !name.matches("[a-z][a-z0-9_]{0,39}")) {
      error(path + ".name", "must be a snake_case name of at most 40 characters, was '" + name + "'");
    }
    String prompt = text(node, "prompt", path);
    if (prompt != null && prompts != null && !prompts.contains(prompt)) {
      error(path + ".prompt", "names prompt '" + prompt + "', which is not in the prompt catalogue");
    }
    FieldType type = node.has("type") ? enumValue(node.get("type"), path + ".type", FieldType.class) : null;
    if (!node.has("type")) {
      error(path + ".type", "is required (one of " + java.util.Arrays.toString(FieldType.values()) + ")");
    }
    String pattern = null;
    if (node.has("pattern")) {
      pattern = text(node, "pattern", path);
      if (type != null && type != FieldType.PATTERN) {
        error(path + ".pattern", "is only for type PATTERN, not " + type);
      } else if (pattern != null) {
        try {
          java.util.regex.Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
          error(path + ".pattern", "is not a regular expression: " + e.getDescription());
        }
      }
    } else if (type == FieldType.PATTERN) {
      error(path + ".pattern", "is required for type PATTERN");
    }
    Double maxDigits = number(node, "maxDigits", path, 1, 32, type == FieldType.YES_NO ? 1 : 16);
    if (errors.size() > before || name == null || prompt == null || type == null || maxDigits == null) {
      return null;
    }
    return new FormField(name, prompt, type, pattern, maxDigits.intValue());
  }

  private interface FieldVisitor {
    void visit(String name, JsonNode value, String path);
  }

  private void forEachField(JsonNode node, String path, FieldVisitor visitor) {
    if (!node.isObject()) {
      error(path, "must be an object");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      visitor.visit(e.getKey(), e.getValue(), path + "." + e.getKey());
    }
  }

  private boolean objectWith(JsonNode node, String path, Set<String> allowed) {
    if (!node.isObject()) {
      error(path, "must be an object");
      return false;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        error(path + "." + name, "is not expected here (expected one of " + new java.util.TreeSet<>(allowed) + ")");
      }
    }
    return true;
  }

  private @Nullable String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      error(path + "." + field, v == null ? "is required" : "must be a non-blank text, was " + v);
      return null;
    }
    return v.asText();
  }

  private @Nullable Double number(JsonNode node, String field, String path, double min, double max,
      double otherwise) {
    JsonNode v = node.get(field);
    if (v == null) {
      return otherwise;
    }
    if (!v.isNumber()) {
      error(path + "." + field, "must be a number, was " + v);
      return null;
    }
    double d = v.asDouble();
    if (d < min || d > max) {
      error(path + "." + field, "must be between " + fmt(min) + " and " + fmt(max) + ", was " + v);
      return null;
    }
    return d;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private <T> @Nullable T value(JsonNode node, String path, Function<String, T> parse) {
    if (!node.isTextual()) {
      error(path, node.isMissingNode() ? "is required" : "must be a text, was " + node);
      return null;
    }
    try {
      return parse.apply(node.asText());
    } catch (InvalidInputException e) {
      error(path, e.violations().isEmpty() ? e.getMessage() : e.violations().get(0).message());
    } catch (DateTimeException | IllegalArgumentException e) {
      error(path, "is not valid: " + e.getMessage());
    }
    return null;
  }

  private <E extends Enum<E>> @Nullable E enumValue(JsonNode node, String path, Class<E> type) {
    if (!node.isTextual()) {
      error(path, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", was " + node);
      return null;
    }
    try {
      return Enum.valueOf(type, node.asText().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      error(path, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", was '"
          + node.asText() + "'");
      return null;
    }
  }
}
