package dev.callcenter.ivr.internal;

import dev.callcenter.core.Call;
import dev.callcenter.core.CustomerInfo;
import dev.callcenter.core.Department;
import dev.callcenter.core.Language;
import dev.callcenter.core.PhoneNumber;
import dev.callcenter.core.Priority;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.core.flow.FlowInput;
import dev.callcenter.core.flow.FlowStep;
import dev.callcenter.ivr.CallFacts;
import dev.callcenter.ivr.CallPolicy;
import dev.callcenter.ivr.Classification;
import dev.callcenter.ivr.CustomerLookup;
import dev.callcenter.ivr.CustomerProfile;
import dev.callcenter.ivr.DetectedLanguage;
import dev.callcenter.ivr.FlowDefinition;
import dev.callcenter.ivr.FormField;
import dev.callcenter.ivr.IntentClassifier;
import dev.callcenter.ivr.PinVerifier;
import dev.callcenter.ivr.PolicyDecision;
import dev.callcenter.ivr.PromptCatalogue;
import dev.callcenter.ivr.QueueOutlook;
import dev.callcenter.ivr.Stage;
import dev.callcenter.ivr.StageSettings;
import dev.callcenter.ivr.TicketRequest;
import dev.callcenter.ivr.TicketRequester;
import dev.callcenter.ivr.MenuTransfer;
import dev.callcenter.ivr.VerificationMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The nine-stage state machine. All per-call state lives in the call ({@link Call#flowState()}, the collected data,
 * the language, department, priority and customer), so the machine itself is stateless and thread-safe.
 *
 * <p>Keys of the flow state: {@code stage}; {@code step} (a question within a stage: {@code confirm}, a field
 * index); {@code retries}; {@code misses} (intents not understood); {@code pins} (failed PIN attempts);
 * {@code switches} (language switches); {@code verify}; {@code tier}; {@code candidate} and {@code confidence}
 * (a department to confirm); {@code utterance}; {@code end} (how the session ended: queued, fallback, callback,
 * abandoned).
 */
public final class StateMachine {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StateMachine.class);
  public static final String STAGE = "stage";
  public static final String END = "end";
  private static final String STEP = "step";
  private static final String RETRIES = "retries";
  private static final String MISSES = "misses";
  private static final String PINS = "pins";
  private static final String SWITCHES = "switches";
  private static final String VERIFY = "verify";
  private static final String TIER = "tier";
  private static final String CANDIDATE = "candidate";
  private static final String CONFIDENCE = "confidence";
  private static final String UTTERANCE = "utterance";
  private static final String FALLBACK_FROM = "fallback_from";
  private static final String STEP_CONFIRM = "confirm";
  private static final String ROUTING = "classify.routing";
  private static final int MAX_SWITCHES = 3;
  private static final int MAX_UTTERANCE = 200;
  private static final Stage[] STAGES = Stage.values();

  private final Supplier<FlowDefinition> definitions;
  private final PromptCatalogue prompts;
  private final CustomerLookup lookup;
  private final PinVerifier pins;
  private final IntentClassifier classifier;
  private final Function<FlowDefinition, CallPolicy> policies;
  private final QueueOutlook outlook;
  private final TicketRequester tickets;
  private final Clock clock;

  public StateMachine(Supplier<FlowDefinition> definitions, PromptCatalogue prompts, CustomerLookup lookup,
      PinVerifier pins, IntentClassifier classifier, Function<FlowDefinition, CallPolicy> policies,
      QueueOutlook outlook, TicketRequester tickets, Clock clock) {
    this.definitions = definitions;
    this.prompts = prompts;
    this.lookup = lookup;
    this.pins = pins;
    this.classifier = classifier;
    this.policies = policies;
    this.outlook = outlook;
    this.tickets = tickets;
    this.clock = clock;
  }

  /** The working copy of one step: the call's session state, changed in place, written back once. */
  private final class Turn {
    final Call call;
    final FlowDefinition def;
    final CallPolicy policy;
    final Instant now;
    final DraftMap state;
    /** This step's answers; {@link #collectedData()} adds them to the call's. */
    private final DraftMap collected = new DraftMap(4);
    private @Nullable Map<String, String> collectedData;
    final List<FlowAction> actions = new ArrayList<>(6);
    @Nullable Language language;
    @Nullable Department department;
    Priority priority;
    CustomerInfo customer;
    /** Tags this step adds, or null before the first. */
    private java.util.@Nullable Set<String> tags;
    /**
     * The candidate's confidence as a number while this step knows it (NaN: read the flow state), so a step that
     * classifies and routes at once neither formats nor parses it.
     */
    double confidence = Double.NaN;

    Turn(Call call) {
      this.call = call;
      this.def = definitions.get();
      this.policy = policies.apply(def);
      this.now = clock.instant();
      this.state = DraftMap.of(call.flowState());
      this.language = call.language();
      this.department = call.department();
      this.priority = call.priority();
      this.customer = call.customer();
    }

    private @Nullable Stage stage;

    Stage stage() {
      Stage current = stage;
      if (current == null) {
        String s = state.get(STAGE);
        current = s == null ? Stage.GREETING : Stage.valueOf(s);
        stage = current;
      }
      return current;
    }

    void setStage(Stage value) {
      stage = value;
      state.put(STAGE, value.name());
    }

    Language lang() {
      return language != null ? language : def.defaultLanguage();
    }

    int count(String key) {
      String v = state.get(key);
      return v == null ? 0 : Integer.parseInt(v);
    }

    void setCount(String key, int value) {
      if (value == 0) {
        state.remove(key);
      } else {
        state.put(key, Integer.toString(value));
      }
    }

    void collect(String name, String value) {
      collected.put(name, value);
      collectedData = null;
    }

    /**
     * The call's collected data with this step's answers, immutable: built once for both the policy's facts and the
     * next call snapshot (neither copies it again).
     */
    Map<String, String> collectedData() {
      Map<String, String> data = collectedData;
      if (data == null) {
        if (collected.isEmpty()) {
          data = call.collectedData();
        } else if (call.collectedData().isEmpty()) {
          data = collected.toMap();
        } else {
          DraftMap all = DraftMap.of(call.collectedData());
          all.putAll(collected);
          data = all.toMap();
        }
        collectedData = data;
      }
      return data;
    }

    void tag(String tag) {
      if (tags == null) {
        tags = new java.util.HashSet<>(4);
      }
      tags.add(tag);
    }

    void say(String promptId) {
      actions.add(prompts.render(promptId, lang()));
    }

    void say(String promptId, Map<String, ?> args) {
      actions.add(prompts.render(promptId, lang(), args));
    }

    StageSettings settings() {
      return def.settings(stage());
    }

    void collectDigits(int max, @Nullable Character terminator) {
      actions.add(new FlowAction.CollectDigits(max, terminator, settings().timeout(), def.interDigitTimeout()));
    }

    void collectText() {
      actions.add(new FlowAction.CollectText(settings().timeout()));
    }

    String departmentName(Department d) {
      return departmentPrompts(d).name(lang());
    }

    /**
     * The call with this turn's changes, built in one go through the record's constructor (one copy of the maps
     * instead of one per wither); unchanged when nothing changed.
     */
    FlowStep finish() {
      Call c = call;
      String stage = state.get(STAGE);
      java.util.Set<String> added = tags;
      boolean tagsChanged = added != null && !c.tags().containsAll(added);
      boolean changed = !java.util.Objects.equals(stage, c.ivrStage())
          || !java.util.Objects.equals(language, c.language())
          || !java.util.Objects.equals(department, c.department())
          || priority != c.priority()
          || !customer.equals(c.customer())
          || !collected.isEmpty()
          || tagsChanged
          || !state.sameAs(c.flowState());
      if (!changed) {
        return new FlowStep(c, actions);
      }
      Map<String, String> data = collectedData();
      java.util.Set<String> allTags = c.tags();
      if (tagsChanged) {
        allTags = new java.util.HashSet<>(c.tags());
        allTags.addAll(added);
      }
      Call next = new Call(c.id(), c.status(), customer, language, department, priority, c.agentId(), stage, data,
          state.toMap(), allTags, c.metadata(), c.createdAt(), now, c.queuedAt(), c.answeredAt(), c.endedAt(),
          c.version());
      return new FlowStep(next, actions);
    }
  }

  // ---- entry points ------------------------------------------------------------------------------------------

  public FlowStep begin(Call call) {
    Turn t = new Turn(call);
    if (t.state.containsKey(END)) {
      return t.finish();
    }
    if (t.state.containsKey(STAGE)) { // begun before: ask the current question again
      ask(t);
      return t.finish();
    }
    t.setStage(Stage.GREETING);
    PhoneNumber caller = call.customer().phone();
    if (t.def.runs(Stage.IDENTIFICATION) && caller != null && call.customer().customerId() == null) {
      lookup.byPhone(caller).ifPresent(p -> identified(t, p, true));
    }
    PolicyDecision decision = decide(t);
    if (t.def.runs(Stage.GREETING)) {
      if (t.language != null) {
        t.say("greeting.welcome");
      } else {
        t.actions.add(prompts.render("greeting.welcome", Language.ARABIC));
        t.actions.add(prompts.render("greeting.welcome", Language.ENGLISH));
      }
      if (decision.outOfHours()) {
        String id = t.def.businessHours() == null ? "greeting.closed" : "greeting.out_of_hours";
        Map<String, Object> hours = t.def.businessHours() == null ? Map.of() : Map.of(
            "open", t.def.businessHours().open().toString(), "close", t.def.businessHours().close().toString());
        if (t.language != null) {
          t.say(id, hours);
        } else {
          t.actions.add(prompts.render(id, Language.ARABIC, hours));
          t.actions.add(prompts.render(id, Language.ENGLISH, hours));
        }
      }
    }
    advance(t, Stage.LANGUAGE_SELECTION);
    return t.finish();
  }

  public FlowStep handle(Call call, FlowInput input) {
    Turn t = new Turn(call);
    if (input instanceof FlowInput.HangUp) {
      if (!t.state.containsKey(END)) {
        t.state.put(END, "abandoned");
        t.state.putIfAbsent(STAGE, Stage.GREETING.name());
      }
      t.actions.add(new FlowAction.HangUp(FlowAction.HangUp.Reason.CALLER));
      return t.finish();
    }
    if (t.state.containsKey(END)) {
      return t.finish(); // the IVR is done with this call; agents and the queue take it from here
    }
    if (!t.state.containsKey(STAGE)) {
      return begin(call);
    }
    if (input instanceof FlowInput.Timeout) {
      if (t.stage() == Stage.QUEUE) {
        enter(t, Stage.HANDOFF);
      } else {
        retry(t, "input.no_input");
      }
      return t.finish();
    }
    String text = input instanceof FlowInput.Text x ? x.text() : null;
    String digits = input instanceof FlowInput.Digits d ? d.digits() : null;
    if (text != null && t.stage() != Stage.LANGUAGE_SELECTION && t.stage() != Stage.QUEUE) {
      Language asked = DetectedLanguage.requested(text);
      if (asked != null && t.count(SWITCHES) < MAX_SWITCHES) {
        t.setCount(SWITCHES, t.count(SWITCHES) + 1);
        t.language = asked;
        t.say("language.switched");
        ask(t);
        return t.finish();
      }
    }
    String answer = text != null ? text : java.util.Objects.requireNonNull(digits);
    switch (t.stage()) {
      case LANGUAGE_SELECTION -> onLanguage(t, text, digits);
      case IDENTIFICATION -> onIdentification(t, answer);
      case VERIFICATION -> onVerification(t, answer);
      case INTENT -> onIntent(t, text, digits);
      case CLASSIFICATION -> onConfirm(t, answer);
      case DATA_COLLECTION -> onField(t, answer);
      case QUEUE -> onQueue(t, digits);
      case GREETING, HANDOFF -> advance(t, Stage.LANGUAGE_SELECTION);
    }
    return t.finish();
  }

  // ---- moving between stages -----------------------------------------------------------------------------

  private boolean active(Turn t, Stage s) {
    if (s == Stage.QUEUE || s == Stage.HANDOFF) {
      return true;
    }
    if (!t.def.runs(s) || skipped(t, s)) {
      return s == Stage.CLASSIFICATION; // classification always happens; skipping it only skips the confirmation
    }
    return switch (s) {
      case LANGUAGE_SELECTION -> t.language == null;
      case IDENTIFICATION -> t.customer.customerId() == null;
      case VERIFICATION -> "1".equals(t.state.get(VERIFY));
      case DATA_COLLECTION -> t.department != null && !t.def.form(t.department).isEmpty();
      default -> true;
    };
  }

  private static boolean skipped(Turn t, Stage s) {
    String skip = t.state.get("skip");
    return skip != null && skip.contains(s.name());
  }

  private void advance(Turn t, Stage from) {
    for (int i = from.ordinal(); i < STAGES.length; i++) {
      Stage s = STAGES[i];
      if (s.ordinal() > Stage.LANGUAGE_SELECTION.ordinal() && t.language == null) {
        t.language = t.def.defaultLanguage();
      }
      if (active(t, s)) {
        enter(t, s);
        return;
      }
    }
  }

  private void enter(Turn t, Stage s) {
    t.setStage(s);
    t.state.remove(STEP);
    t.state.remove(RETRIES);
    switch (s) {
      case INTENT -> {
        if (t.state.containsKey(UTTERANCE)) { // said while choosing the language
          enter(t, Stage.CLASSIFICATION);
          return;
        }
        ask(t);
      }
      case CLASSIFICATION -> classify(t);
      case DATA_COLLECTION -> {
        String intro = departmentPrompts(java.util.Objects.requireNonNull(t.department)).intro();
        if (intro != null) {
          t.say(intro);
        }
        t.state.put(STEP, "0");
        ask(t);
      }
      case QUEUE -> queue(t);
      case HANDOFF -> {
        t.say("handoff.connecting");
        t.state.put(END, "queued");
      }
      default -> ask(t);
    }
  }

  /**
   * A department's prompts, worked out once: its spoken name in each language, its intro's id, if any, and the
   * "routing you to" prompt rendered in Arabic and in English.
   */
  private record DepartmentPrompts(String arabicName, String englishName, @Nullable String intro,
      FlowAction.PlayPrompt arabicRouting, FlowAction.PlayPrompt englishRouting) {
    String name(Language language) {
      return language.primary().equals("ar") ? arabicName : englishName;
    }

    /** The routing prompt as rendered once, or null in a language other than Arabic and English. */
    FlowAction.@Nullable PlayPrompt routing(Language language) {
      String primary = language.primary();
      return primary.equals("ar") ? arabicRouting : primary.equals("en") ? englishRouting : null;
    }
  }

  private final java.util.concurrent.ConcurrentHashMap<Department, DepartmentPrompts> departmentPrompts =
      new java.util.concurrent.ConcurrentHashMap<>();

  private DepartmentPrompts departmentPrompts(Department d) {
    DepartmentPrompts p = departmentPrompts.get(d);
    if (p == null) {
      if (departmentPrompts.size() > 256) {
        departmentPrompts.clear();
      }
      p = departmentPrompts.computeIfAbsent(d, dept -> {
        String nameId = "department." + dept.id();
        String introId = dept.id() + ".intro";
        boolean named = prompts.contains(nameId);
        String arabic = named ? prompts.text(nameId, Language.ARABIC) : dept.id();
        String english = named ? prompts.text(nameId, Language.ENGLISH) : dept.id();
        return new DepartmentPrompts(arabic, english, prompts.contains(introId) ? introId : null,
            prompts.render(ROUTING, Language.ARABIC, Map.of("department", arabic)),
            prompts.render(ROUTING, Language.ENGLISH, Map.of("department", english)));
      });
    }
    return p;
  }

  /** The department with this id, preferring the flow's own instances (no parsing on the hot path). */
  private static Department department(Turn t, String id) {
    for (Department d : t.def.menu().values()) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    return t.def.fallback().id().equals(id) ? t.def.fallback() : Department.of(id);
  }

  /** The main menu's prompts rendered once per flow definition and language: the menu is the most played text. */
  private record MenuCache(FlowDefinition definition, java.util.concurrent.ConcurrentHashMap<Language,
      List<FlowAction>> byLanguage) {}

  private volatile @Nullable MenuCache menuCache;

  private List<FlowAction> menuPrompts(Turn t) {
    MenuCache cache = menuCache;
    if (cache == null || cache.definition() != t.def) {
      cache = new MenuCache(t.def, new java.util.concurrent.ConcurrentHashMap<>());
      menuCache = cache;
    }
    return cache.byLanguage().computeIfAbsent(t.lang(), language -> {
      List<FlowAction> menu = new ArrayList<>();
      for (Map.Entry<String, Department> e : t.def.menu().entrySet()) {
        menu.add(prompts.render("intent.option", language,
            Map.of("department", t.departmentName(e.getValue()), "key", e.getKey())));
      }
      for (Map.Entry<String, MenuTransfer> e : t.def.transfers().entrySet()) {
        String promptId = e.getValue().promptId();
        if (promptId != null) {
          menu.add(prompts.render(promptId, language, Map.of("key", e.getKey())));
        }
      }
      menu.add(prompts.render("intent.ask_reason", language));
      return List.copyOf(menu);
    });
  }

  /** Asks the current stage's question (again). */
  private void ask(Turn t) {
    switch (t.stage()) {
      case LANGUAGE_SELECTION -> {
        t.actions.add(prompts.render("language.choose", Language.ARABIC, Map.of("key", 1)));
        t.actions.add(prompts.render("language.choose", Language.ENGLISH, Map.of("key", 2)));
        t.collectDigits(1, null);
        t.collectText();
      }
      case IDENTIFICATION -> {
        t.say("identify.ask");
        t.collectDigits(16, '#');
        t.collectText();
      }
      case VERIFICATION -> {
        if (t.def.verifyBy() == VerificationMethod.LAST_DIGITS) {
          t.say("verify.ask_last_digits", Map.of("count", t.def.lastDigits()));
          t.collectDigits(t.def.lastDigits(), '#');
        } else {
          t.say("verify.ask_pin");
          t.collectDigits(t.def.pinLength(), '#');
        }
      }
      case INTENT -> {
        t.actions.addAll(menuPrompts(t));
        t.collectDigits(1, null);
        t.collectText();
      }
      case CLASSIFICATION -> {
        String candidate = t.state.get(CANDIDATE);
        t.say("classify.confirm", Map.of("department",
            t.departmentName(candidate == null ? t.def.fallback() : department(t, candidate)),
            "yes", 1, "no", 2));
        t.collectDigits(1, null);
        t.collectText();
      }
      case DATA_COLLECTION -> {
        FormField field = currentField(t);
        if (field.type() == dev.callcenter.ivr.FieldType.YES_NO) {
          t.say(field.promptId(), Map.of("yes", 1, "no", 2));
        } else {
          t.say(field.promptId());
        }
        t.collectDigits(field.maxDigits(), field.type() == dev.callcenter.ivr.FieldType.YES_NO ? null : '#');
        t.collectText();
      }
      case QUEUE -> {
        t.say("queue.callback_offer", Map.of("key", 1));
        t.collectDigits(1, null);
      }
      case GREETING, HANDOFF -> t.say("handoff.connecting");
    }
  }

  private void retry(Turn t, String why) {
    int retries = t.count(RETRIES) + 1;
    if (retries > t.settings().maxRetries()) {
      fallback(t);
      return;
    }
    t.setCount(RETRIES, retries);
    t.say(why);
    ask(t);
  }

  private void fallback(Turn t) {
    Stage from = t.stage();
    if (t.language == null) { // ran out of tries at the language menu: reception speaks the default language
      t.language = t.def.defaultLanguage();
    }
    t.state.put(FALLBACK_FROM, from.name());
    t.tag("ivr-fallback");
    t.say("fallback.reception");
    t.department = t.def.fallback();
    t.actions.add(new FlowAction.Enqueue(t.def.fallback(), t.priority));
    t.setStage(Stage.HANDOFF);
    t.state.remove(STEP);
    t.state.remove(RETRIES);
    t.state.remove(CANDIDATE);
    t.state.remove(UTTERANCE);
    t.state.put(END, "fallback");
  }

  private PolicyDecision decide(Turn t) {
    double confidence = t.confidence;
    if (Double.isNaN(confidence)) {
      String stored = t.state.get(CONFIDENCE);
      confidence = stored == null ? 0 : Double.parseDouble(stored);
    }
    Map<String, String> data = t.collectedData();
    CallFacts facts = new CallFacts(t.call.id().value(), t.stage(), t.customer.phone(), t.language,
        t.customer.customerId(), t.state.get(TIER), t.department, confidence, data.getOrDefault("matched_terms", ""),
        data, "1".equals(t.state.get("verified")), t.count(RETRIES), t.now);
    PolicyDecision d = t.policy.decide(facts);
    if (d.requireVerification()) {
      t.state.put(VERIFY, "1");
    } else {
      t.state.remove(VERIFY);
    }
    if (d.skipStages().isEmpty()) {
      t.state.remove("skip");
    } else {
      StringBuilder skip = new StringBuilder();
      d.skipStages().forEach(s -> skip.append(s.name()).append(','));
      t.state.put("skip", skip.toString());
    }
    if (d.priority() != null) {
      t.priority = d.priority();
    }
    for (String tag : d.tags()) {
      t.tag(tag);
    }
    return d;
  }

  private void identified(Turn t, CustomerProfile profile, boolean byCallerId) {
    t.customer = t.customer.withCustomerId(profile.customerId());
    t.state.put(TIER, profile.tier());
    if (byCallerId && t.language == null && profile.preferredLanguage() != null) {
      t.language = profile.preferredLanguage();
    }
  }

  // ---- stage handlers ----------------------------------------------------------------------------------------

  private void onLanguage(Turn t, @Nullable String text, @Nullable String digits) {
    Language chosen = null;
    if (digits != null) {
      String key = Answers.stripTerminator(digits);
      chosen = key.equals("1") ? Language.ARABIC : key.equals("2") ? Language.ENGLISH : null;
    } else if (text != null) {
      chosen = DetectedLanguage.requested(text);
      if (chosen == null) {
        DetectedLanguage detected = DetectedLanguage.of(text);
        if (detected.language() != null && detected.confidence() >= 0.6) {
          chosen = detected.language();
          if (TextNormalizer.tokens(text).size() >= 3) { // an intent said straight away: keep it
            t.state.put(UTTERANCE, text.length() > MAX_UTTERANCE ? text.substring(0, MAX_UTTERANCE) : text);
          }
        }
      }
    }
    if (chosen == null) {
      retry(t, digits != null ? "input.invalid" : "language.not_understood");
      return;
    }
    t.language = chosen;
    t.say("language.selected");
    advance(t, Stage.IDENTIFICATION);
  }

  private void onIdentification(Turn t, String answer) {
    String number = Answers.digitsOnly(answer);
    if (number.length() < 4 || number.length() > 16) {
      retry(t, "identify.invalid");
      return;
    }
    Optional<CustomerProfile> found = Optional.empty();
    String phone = Answers.phone(number, t.def.defaultRegion());
    if (phone != null) {
      found = lookup.byPhone(PhoneNumber.parse(phone));
    }
    if (found.isEmpty() && !number.startsWith("+")) {
      found = lookup.byCustomerNumber(number);
    }
    found.ifPresent(p -> identified(t, p, false));
    t.say("identify.thanks"); // the same words whether or not a record exists
    decide(t);
    advance(t, Stage.VERIFICATION);
  }

  private void onVerification(Turn t, String answer) {
    String secret = Answers.digitsOnly(answer);
    String customerId = t.customer.customerId();
    boolean ok = !secret.isEmpty() && !secret.startsWith("+") && customerId != null
        && (t.def.verifyBy() == VerificationMethod.LAST_DIGITS
            ? lastDigitsMatch(t, customerId, secret)
            : pins.verify(customerId, secret));
    if (ok) {
      t.state.remove(PINS);
      t.state.put("verified", "1");
      t.say("verify.success");
      advance(t, Stage.INTENT);
      return;
    }
    int failed = t.count(PINS) + 1;
    if (failed >= t.def.maxPinAttempts()) {
      t.say("verify.failed");
      fallback(t);
      return;
    }
    t.setCount(PINS, failed);
    t.say("verify.retry");
    ask(t);
  }

  /**
   * Whether {@code digits} are the last digits of one of the customer's registered phone numbers. Exactly as many
   * digits as the flow asks for; compared in constant time. The numbers themselves never reach the call.
   */
  private boolean lastDigitsMatch(Turn t, String customerId, String digits) {
    int n = t.def.lastDigits();
    if (digits.length() != n) {
      return false;
    }
    Optional<CustomerProfile> profile = lookup.byCustomerNumber(customerId);
    PhoneNumber caller = t.customer.phone();
    if (profile.isEmpty() && caller != null) { // a directory that finds by phone only
      profile = lookup.byPhone(caller).filter(p -> p.customerId().equals(customerId));
    }
    if (profile.isEmpty()) {
      return false;
    }
    byte[] given = digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    boolean match = false;
    for (PhoneNumber phone : profile.get().phones()) {
      String registered = phone.lastDigits(n);
      match |= registered.length() == n && java.security.MessageDigest.isEqual(
          registered.getBytes(java.nio.charset.StandardCharsets.US_ASCII), given);
    }
    return match;
  }

  private void onIntent(Turn t, @Nullable String text, @Nullable String digits) {
    if (digits != null && !t.def.transfers().isEmpty()) {
      MenuTransfer transfer = t.def.transfers().get(Answers.stripTerminator(digits));
      if (transfer != null) {
        t.say("intent.transferring");
        t.collect("transferred_to", transfer.target());
        t.actions.add(new FlowAction.Transfer(transfer.target()));
        t.setStage(Stage.HANDOFF);
        t.state.remove(STEP);
        t.state.remove(RETRIES);
        t.state.put(END, "transferred");
        return;
      }
    }
    if (digits != null) {
      Department d = t.def.menu().get(Answers.stripTerminator(digits));
      if (d == null) {
        retry(t, "input.invalid");
        return;
      }
      t.state.put(CANDIDATE, d.id());
      t.state.put(CONFIDENCE, "1.0");
      t.confidence = 1.0;
    } else if (text != null) {
      t.state.put(UTTERANCE, text.length() > MAX_UTTERANCE ? text.substring(0, MAX_UTTERANCE) : text);
    }
    t.setCount(MISSES, t.count(RETRIES));
    enter(t, Stage.CLASSIFICATION);
  }

  private void classify(Turn t) {
    String utterance = t.state.remove(UTTERANCE);
    String candidate = t.state.get(CANDIDATE);
    if (utterance != null) {
      Classification c = classifier.classify(utterance, t.lang());
      t.collect("utterance", utterance);
      if (c.department() == null) {
        notUnderstood(t);
        return;
      }
      t.collect("matched_terms", String.join(",", c.matchedTerms()));
      t.state.put(CANDIDATE, c.department().id());
      t.confidence = c.confidence();
      boolean confirm = c.confidence() < t.def.confirmBelow() && t.def.runs(Stage.CLASSIFICATION)
          && !skipped(t, Stage.CLASSIFICATION);
      if (confirm) {
        t.state.put(CONFIDENCE, Double.toString(c.confidence())); // kept for the confirmation step
        t.state.put(STEP, STEP_CONFIRM);
        ask(t);
        return;
      }
      route(t, c.department());
    } else if (candidate != null) {
      route(t, department(t, candidate));
    } else {
      route(t, t.def.fallback()); // INTENT left out and nothing said: reception
    }
  }

  /** Back to the main menu, counting the miss against INTENT's retries. */
  private void notUnderstood(Turn t) {
    t.setStage(Stage.INTENT);
    t.state.remove(STEP);
    t.state.remove(CANDIDATE);
    t.state.remove(CONFIDENCE);
    t.confidence = Double.NaN;
    t.setCount(RETRIES, t.count(MISSES));
    retry(t, "intent.not_understood");
    t.setCount(MISSES, t.count(RETRIES));
  }

  private void onConfirm(Turn t, String answer) {
    String yesNo = Answers.yesNo(answer);
    if (yesNo == null) {
      retry(t, "input.invalid");
      return;
    }
    if (yesNo.equals("yes")) {
      t.state.put(CONFIDENCE, "1.0"); // the caller confirmed it
      t.confidence = 1.0;
      route(t, department(t, java.util.Objects.requireNonNull(t.state.get(CANDIDATE))));
    } else {
      notUnderstood(t);
    }
  }

  private void route(Turn t, Department department) {
    t.department = department;
    t.state.remove(CANDIDATE);
    t.state.remove(MISSES);
    t.state.remove(STEP);
    PolicyDecision decision = decide(t);
    if (decision.route() != null && !decision.route().equals(department)) {
      department = decision.route();
      t.department = department;
      t.tag("routed-by-rules");
    }
    t.state.remove(CONFIDENCE);
    t.confidence = Double.NaN;
    FlowAction.PlayPrompt routing = departmentPrompts(department).routing(t.lang());
    t.actions.add(routing != null ? routing
        : prompts.render(ROUTING, t.lang(), Map.of("department", t.departmentName(department))));
    advance(t, Stage.DATA_COLLECTION);
  }

  private FormField currentField(Turn t) {
    List<FormField> form = t.def.form(java.util.Objects.requireNonNull(t.department));
    int index = Integer.parseInt(t.state.getOrDefault(STEP, "0"));
    return form.get(Math.min(index, form.size() - 1));
  }

  private void onField(Turn t, String answer) {
    FormField field = currentField(t);
    String value = field.normalise(answer, t.def.defaultRegion());
    if (value == null) {
      retry(t, "input.invalid");
      return;
    }
    t.collect(field.name(), value);
    int next = Integer.parseInt(t.state.getOrDefault(STEP, "0")) + 1;
    if (next < t.def.form(java.util.Objects.requireNonNull(t.department)).size()) {
      t.state.put(STEP, Integer.toString(next));
      t.state.remove(RETRIES);
      ask(t);
      return;
    }
    t.say("collect.thanks");
    advance(t, Stage.QUEUE);
  }

  private static TicketRequest ticketRequest(Turn t, String reason) {
    Map<String, String> data = new HashMap<>(t.collectedData());
    data.put(reason, "requested");
    data.remove("matched_terms");
    return new TicketRequest(t.call.id().value(), reason,
        t.department != null ? t.department : t.def.fallback(), t.priority, t.customer.customerId(),
        t.customer.phone(), t.lang(), data);
  }

  private void queue(Turn t) {
    decide(t);
    Department department = t.department != null ? t.department : t.def.fallback();
    t.department = department;
    t.actions.add(new FlowAction.Enqueue(department, t.priority));
    Optional<QueueOutlook.Estimate> estimate = outlook.estimate(department, t.priority);
    if (estimate.isPresent()) {
      t.say("queue.position", Map.of("position", estimate.get().position()));
      Duration wait = estimate.get().expectedWait();
      t.say("queue.wait", Map.of("minutes", (wait.getSeconds() + 30) / 60));
    } else {
      t.say("queue.hold");
    }
    ask(t);
  }

  private void onQueue(Turn t, @Nullable String digits) {
    if (digits != null && Answers.stripTerminator(digits).equals("1")) {
      Optional<String> ticket;
      try {
        ticket = tickets.request(ticketRequest(t, "callback"));
      } catch (RuntimeException e) { // fenced: the caller keeps their place in the queue instead
        LOG.warn("call {}: the callback ticket could not be opened; the call stays queued", t.call.id(), e);
        t.tag("ticket-failed");
        enter(t, Stage.HANDOFF);
        return;
      }
      t.collect("callback", "requested");
      ticket.ifPresent(id -> t.collect("ticket_id", id));
      t.say("queue.callback_confirmed");
      t.actions.add(new FlowAction.Complete("callback requested"));
      t.setStage(Stage.HANDOFF);
      t.state.put(END, "callback");
      return;
    }
    enter(t, Stage.HANDOFF);
  }
}
