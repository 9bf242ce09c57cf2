package dev.callcenter.ivr;

import dev.callcenter.core.Department;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.Priority;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.ivr.internal.FlowFileReader;
import dev.callcenter.ivr.internal.MermaidWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an IVR does, as data: which stages run, their timeouts and retries, the main menu, the data-collection form
 * of each department, verification and priority settings, business hours. Immutable; made by {@link #builder()},
 * {@link #defaults()} or {@link #fromJson(String)}.
 *
 * @param stages the stages that run (QUEUE and HANDOFF always do)
 * @param settings timeout and retry limit of each stage
 * @param interDigitTimeout how long to wait between two keys of one answer
 * @param defaultLanguage the language used when LANGUAGE_SELECTION is left out and nothing else is known
 * @param defaultRegion region for phone numbers keyed without a country code (ISO 3166), or null
 * @param menu the INTENT stage's DTMF menu: key to department, in the order the options are announced
 * @param forms each department's data-collection questions, in order
 * @param confirmBelow classifications with a lower confidence are confirmed with the caller
 * @param fallback where calls go when a stage runs out of retries
 * @param verifyAlways whether every caller must pass VERIFICATION
 * @param verifyTiers customer tiers that must pass VERIFICATION
 * @param maxPinAttempts verification attempts (PIN or last digits) before the call falls back to reception
 * @param pinLength the longest PIN collected
 * @param verifyBy how VERIFICATION checks the caller: PIN, or the last digits of a registered phone number
 * @param lastDigits how many last digits of a registered phone number the caller keys when verifying by them
 * @param transfers main-menu keys that transfer the call instead of routing it to a department
 * @param priorityByTier queue priority by customer tier
 * @param priorityByDepartment queue priority by department (the higher of the two wins)
 * @param businessHours opening hours for the out-of-hours notice, or null when always open
 */
public record FlowDefinition(
    Set<Stage> stages,
    Map<Stage, StageSettings> settings,
    Duration interDigitTimeout,
    Language defaultLanguage,
    @Nullable String defaultRegion,
    Map<String, Department> menu,
    Map<Department, List<FormField>> forms,
    double confirmBelow,
    Department fallback,
    boolean verifyAlways,
    Set<String> verifyTiers,
    int maxPinAttempts,
    int pinLength,
    VerificationMethod verifyBy,
    int lastDigits,
    Map<String, MenuTransfer> transfers,
    Map<String, Priority> priorityByTier,
    Map<Department, Priority> priorityByDepartment,
    @Nullable BusinessHours businessHours) {

  public static final Duration DEFAULT_INTER_DIGIT_TIMEOUT = Duration.ofSeconds(3);
  public static final double DEFAULT_CONFIRM_BELOW = 0.6;
  public static final int DEFAULT_MAX_PIN_ATTEMPTS = 3;
  public static final int DEFAULT_PIN_LENGTH = 6;
  public static final int DEFAULT_LAST_DIGITS = 4;
  /** Order numbers: up to three letters, an optional dash, 6 to 10 digits ("ORD-123456" or "123456"). */
  public static final String DEFAULT_ORDER_PATTERN = "(?:[A-Z]{1,3}-?)?[0-9]{6,10}";

  private static final FlowDefinition DEFAULTS = builder().build();

  public FlowDefinition {
    Checks.notNull(stages, "stages");
    EnumSet<Stage> all = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
    all.add(Stage.QUEUE);
    all.add(Stage.HANDOFF);
    stages = java.util.Collections.unmodifiableSet(all); // an EnumSet underneath: runs(stage) is a bit test
    EnumMap<Stage, StageSettings> s = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      s.put(stage, Checks.notNull(settings, "settings").getOrDefault(stage, StageSettings.DEFAULT));
    }
    settings = Map.copyOf(s);
    Checks.notNull(interDigitTimeout, "interDigitTimeout");
    Checks.notNull(defaultLanguage, "defaultLanguage");
    menu = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(menu, "menu")));
    for (String key : menu.keySet()) {
      if (!key.matches("[0-9*#]")) {
        throw InvalidInputException.of("menu", "keys must be one DTMF key (0-9, *, #), was '%s'",
            Checks.abbreviate(key));
      }
    }
    Map<Department, List<FormField>> f = new LinkedHashMap<>();
    Checks.notNull(forms, "forms").forEach((d, fields) -> {
      Set<String> names = new HashSet<>();
      for (FormField field : fields) {
        if (!names.add(field.name())) {
          throw InvalidInputException.of("forms." + d, "field '%s' appears twice", field.name());
        }
      }
      f.put(d, List.copyOf(fields));
    });
    forms = Map.copyOf(f);
    if (!(confirmBelow >= 0 && confirmBelow <= 1)) {
      throw InvalidInputException.of("confirmBelow", "must be between 0 and 1, was %s", confirmBelow);
    }
    Checks.notNull(fallback, "fallback");
    verifyTiers = Set.copyOf(verifyTiers);
    Checks.inRange(maxPinAttempts, 1, 10, "maxPinAttempts");
    Checks.inRange(pinLength, 4, 12, "pinLength");
    Checks.notNull(verifyBy, "verifyBy");
    Checks.inRange(lastDigits, 3, 8, "lastDigits");
    transfers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(transfers, "transfers")));
    for (Map.Entry<String, MenuTransfer> e : transfers.entrySet()) {
      if (!e.getKey().matches("[0-9*#]")) {
        throw InvalidInputException.of("transfers", "keys must be one DTMF key (0-9, *, #), was '%s'",
            Checks.abbreviate(e.getKey()));
      }
      Checks.notNull(e.getValue(), "transfers." + e.getKey());
      if (menu.containsKey(e.getKey())) {
        throw InvalidInputException.of("menu." + e.getKey(), "is both a department and a transfer");
      }
    }
    priorityByTier = Map.copyOf(priorityByTier);
    priorityByDepartment = Map.copyOf(priorityByDepartment);
  }

  /** The default nine-stage flow: every stage, menu 1 sales / 2 complaints / 0 reception, forms for both. */
  public static FlowDefinition defaults() {
    return DEFAULTS;
  }

  /**
   * Reads a flow file. Every error is reported at once, each with its JSON path ({@code $.forms.sales[0].type}).
   *
   * @throws InvalidInputException listing every error; nothing is returned half-read
   */
  public static FlowDefinition fromJson(String json) {
    return FlowFileReader.read(json, null);
  }

  /**
   * The default flow as a flow file ({@code dev/callcenter/ivr/default-flow.json} on the class path), to copy and
   * change.
   */
  public static String defaultFlowFile() {
    try (java.io.InputStream in = FlowDefinition.class.getResourceAsStream("/dev/callcenter/ivr/default-flow.json")) {
      if (in == null) {
        throw new dev.callcenter.core.CallCenterException("the default flow file is missing from the class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new dev.callcenter.core.CallCenterException("cannot read the default flow file", e);
    }
  }

  /** Reads a flow file and also checks that every prompt it names is in {@code prompts}. */
  public static FlowDefinition fromJson(String json, PromptCatalogue prompts) {
    return FlowFileReader.read(json, prompts);
  }

  public StageSettings settings(Stage stage) {
    return settings.get(stage);
  }

  public boolean runs(Stage stage) {
    return stages.contains(stage);
  }

  public List<FormField> form(Department department) {
    return forms.getOrDefault(department, List.of());
  }

  /** The flow as a Mermaid flowchart, for documentation. */
  public String toMermaid() {
    return MermaidWriter.write(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a flow, starting from the defaults; each property may be set once, each menu key and department form
   * once.
   */
  public static final class Builder {
    private final Set<String> set = new HashSet<>();
    private Set<Stage> stages = EnumSet.allOf(Stage.class);
    private final Map<Stage, StageSettings> settings = new EnumMap<>(Stage.class);
    private Duration interDigitTimeout = DEFAULT_INTER_DIGIT_TIMEOUT;
    private Language defaultLanguage = Language.ARABIC;
    private @Nullable String defaultRegion = "SA";
    private Map<String, Department> menu = new LinkedHashMap<>();
    private final Map<Department, List<FormField>> forms = new LinkedHashMap<>();
    private double confirmBelow = DEFAULT_CONFIRM_BELOW;
    private Department fallback = Department.RECEPTION;
    private boolean verifyAlways;
    private Set<String> verifyTiers = Set.of();
    private int maxPinAttempts = DEFAULT_MAX_PIN_ATTEMPTS;
    private int pinLength = DEFAULT_PIN_LENGTH;
    private VerificationMethod verifyBy = VerificationMethod.PIN;
    private int lastDigits = DEFAULT_LAST_DIGITS;
    private final Map<String, MenuTransfer> transfers = new LinkedHashMap<>();
    private Map<String, Priority> priorityByTier = Map.of("vip", Priority.HIGH, "gold", Priority.NORMAL);
    private final Map<Department, Priority> priorityByDepartment = new LinkedHashMap<>();
    private @Nullable BusinessHours businessHours;
    private boolean menuSet;
    private boolean formsSet;

    private Builder() {}

    private void once(String field) {
      if (!set.add(field)) {
        throw InvalidInputException.of(field, "is already set");
      }
    }

    /** The stages that run; QUEUE and HANDOFF are always added. */
    public Builder stages(Set<Stage> value) {
      once("stages");
      stages = EnumSet.noneOf(Stage.class);
      stages.addAll(Checks.notNull(value, "stages"));
      return this;
    }

    public Builder stage(Stage stage, StageSettings value) {
      Checks.notNull(stage, "stage");
      if (settings.putIfAbsent(stage, Checks.notNull(value, "settings")) != null) {
        throw InvalidInputException.of("settings." + stage, "is already set");
      }
      return this;
    }

    public Builder interDigitTimeout(Duration value) {
      once("interDigitTimeout");
      interDigitTimeout = Checks.notNull(value, "interDigitTimeout");
      return this;
    }

    public Builder defaultLanguage(Language value) {
      once("defaultLanguage");
      defaultLanguage = Checks.notNull(value, "defaultLanguage");
      return this;
    }

    public Builder defaultRegion(@Nullable String value) {
      once("defaultRegion");
      defaultRegion = value;
      return this;
    }

    /** Adds a main-menu key; the first call replaces the default menu. */
    public Builder menu(String key, Department department) {
      if (!menuSet) {
        menu = new LinkedHashMap<>();
        menuSet = true;
      }
      Checks.notBlank(key, "menu key");
      if (menu.putIfAbsent(key, Checks.notNull(department, "department")) != null) {
        throw InvalidInputException.of("menu." + key, "is already set");
      }
      return this;
    }

    /** Sets a department's form; the first call replaces the default forms. */
    public Builder form(Department department, List<FormField> fields) {
      if (!formsSet) {
        forms.clear();
        formsSet = true;
      }
      Checks.notNull(department, "department");
      if (forms.putIfAbsent(department, List.copyOf(Checks.notNull(fields, "fields"))) != null) {
        throw InvalidInputException.of("forms." + department, "is already set");
      }
      return this;
    }

    public Builder confirmBelow(double value) {
      once("confirmBelow");
      confirmBelow = value;
      return this;
    }

    public Builder fallback(Department value) {
      once("fallback");
      fallback = Checks.notNull(value, "fallback");
      return this;
    }

    public Builder verifyAlways(boolean value) {
      once("verifyAlways");
      verifyAlways = value;
      return this;
    }

    public Builder verifyTiers(Set<String> value) {
      once("verifyTiers");
      verifyTiers = Set.copyOf(value);
      return this;
    }

    public Builder maxPinAttempts(int value) {
      once("maxPinAttempts");
      maxPinAttempts = value;
      return this;
    }

    public Builder pinLength(int value) {
      once("pinLength");
      pinLength = value;
      return this;
    }

    /** How VERIFICATION checks the caller (default PIN). */
    public Builder verifyBy(VerificationMethod value) {
      once("verifyBy");
      verifyBy = Checks.notNull(value, "verifyBy");
      return this;
    }

    /** How many last digits of a registered phone number are asked for (3 to 8, default 4). */
    public Builder lastDigits(int value) {
      once("lastDigits");
      lastDigits = value;
      return this;
    }

    /** Adds a main-menu key that transfers the call to {@code transfer}'s target. */
    public Builder transfer(String key, MenuTransfer transfer) {
      Checks.notBlank(key, "transfer key");
      if (transfers.putIfAbsent(key, Checks.notNull(transfer, "transfer")) != null) {
        throw InvalidInputException.of("transfers." + key, "is already set");
      }
      return this;
    }

    public Builder priorityByTier(Map<String, Priority> value) {
      once("priorityByTier");
      priorityByTier = Map.copyOf(value);
      return this;
    }

    public Builder priority(Department department, Priority priority) {
      if (priorityByDepartment.putIfAbsent(Checks.notNull(department, "department"),
          Checks.notNull(priority, "priority")) != null) {
        throw InvalidInputException.of("priorityByDepartment." + department, "is already set");
      }
      return this;
    }

    public Builder businessHours(@Nullable BusinessHours value) {
      once("businessHours");
      businessHours = value;
      return this;
    }

    public FlowDefinition build() {
      Map<String, Department> m = menuSet ? menu : defaultMenu();
      Map<Department, List<FormField>> f = formsSet ? forms : defaultForms();
      return new FlowDefinition(stages, settings, interDigitTimeout, defaultLanguage, defaultRegion, m, f,
          confirmBelow, fallback, verifyAlways, verifyTiers, maxPinAttempts, pinLength, verifyBy, lastDigits,
          transfers, priorityByTier,
          priorityByDepartment, businessHours);
    }

    private static Map<String, Department> defaultMenu() {
      Map<String, Department> m = new LinkedHashMap<>();
      m.put("1", Department.SALES);
      m.put("2", Department.COMPLAINTS);
      m.put("0", Department.RECEPTION);
      return m;
    }

    private static Map<Department, List<FormField>> defaultForms() {
      Map<Department, List<FormField>> f = new LinkedHashMap<>();
      f.put(Department.SALES, List.of(
          FormField.of("product_interest", "sales.ask_product", FieldType.TEXT),
          FormField.of("contact_phone", "sales.ask_contact_phone", FieldType.PHONE)));
      f.put(Department.COMPLAINTS, List.of(
          FormField.pattern("order_number", "complaints.ask_order", DEFAULT_ORDER_PATTERN, 10),
          FormField.of("urgent", "complaints.ask_urgent", FieldType.YES_NO)));
      return f;
    }
  }
}
