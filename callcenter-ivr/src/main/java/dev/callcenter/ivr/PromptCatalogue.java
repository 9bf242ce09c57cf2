package dev.callcenter.ivr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.internal.Json;
import dev.callcenter.core.flow.FlowAction;
import dev.callcenter.ivr.internal.Plurals;
import dev.callcenter.ivr.internal.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The prompts the IVR plays, keyed by prompt id, in Arabic and English, from JSON:
 *
 * <pre>{@code
 * {"prompts": {
 *   "greeting.welcome": {"set": "reception", "ar": "أهلًا وسهلًا", "en": "Welcome", "audio": {"ar": "ar/welcome.wav"}},
 *   "queue.wait": {"set": "reception",
 *       "ar": {"count": "minutes", "zero": "...", "one": "...", "two": "...", "few": "...", "many": "...", "other": "..."},
 *       "en": {"count": "minutes", "one": "about {minutes} minute", "other": "about {minutes} minutes"}}}}
 * }</pre>
 *
 * A text names its parameters {@code {name}}; a plural text picks the CLDR category of its {@code count}
 * parameter (Arabic: zero, one, two, few, many, other; English: one, other, and "zero" when given). Inside Arabic
 * text every argument is wrapped in Unicode isolates (LRI/FSI ... PDI) so numbers and Latin names stay in order;
 * numbers are written with {@link DigitStyle Western or Arabic-Indic digits}. A prompt with only one language falls
 * back to it and is listed in {@link #problems()}. Immutable.
 */
public final class PromptCatalogue {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PromptCatalogue.class);
  private static final String RESOURCE = "/dev/callcenter/ivr/prompts.json";
  private static final Set<String> CATEGORIES = Set.of(Plurals.ZERO, Plurals.ONE, Plurals.TWO, Plurals.FEW,
      Plurals.MANY, Plurals.OTHER);
  private static final PromptCatalogue DEFAULTS = loadDefaults();

  /** One text: plain, or one template per plural category of the {@code count} parameter. */
  private record Text(Language language, @Nullable Template plain, @Nullable String count,
      Map<String, Template> forms, @Nullable String audio, boolean rightToLeft) {
    Text(Language language, @Nullable Template plain, @Nullable String count, Map<String, Template> forms,
        @Nullable String audio) {
      this(language, plain, count, forms, audio, language.isRightToLeft()); // worked out once, not per rendering
    }
  }

  /**
   * A prompt in each of its languages; what Arabic and English callers hear, and the prompt rendered without
   * arguments in each (the same every time), worked out once rather than per rendering.
   */
  private record Prompt(String id, String set, Map<String, Text> byLanguage, Text arabic, Text english,
      FlowAction.PlayPrompt arabicAlone, FlowAction.PlayPrompt englishAlone) {
    Prompt(String id, String set, Map<String, Text> byLanguage, Text arabic, Text english) {
      this(id, set, byLanguage, arabic, english, play(id, arabic, Map.of(), false), play(id, english, Map.of(), false));
    }

    Prompt(String id, String set, Map<String, Text> byLanguage) {
      this(id, set, byLanguage, pick(byLanguage, "ar"), pick(byLanguage, "en"));
    }

    /** The text in {@code primary}, else in the other of Arabic and English, else in any language it has. */
    static Text pick(Map<String, Text> byLanguage, String primary) {
      Text text = byLanguage.get(primary);
      if (text == null) {
        text = byLanguage.get(primary.equals("ar") ? "en" : "ar");
        if (text == null) {
          text = byLanguage.values().iterator().next();
        }
      }
      return text;
    }

    Text in(Language language) {
      String primary = language.primary();
      return primary.equals("ar") ? arabic : primary.equals("en") ? english : pick(byLanguage, primary);
    }

    /** Rendered without arguments in {@code language}, or null when not worked out before (not ar or en). */
    FlowAction.@Nullable PlayPrompt alone(Language language) {
      String primary = language.primary();
      return primary.equals("ar") ? arabicAlone : primary.equals("en") ? englishAlone : null;
    }
  }

  private final Map<String, Prompt> prompts;
  private final List<String> problems;
  private final DigitStyle arabicDigits;

  private PromptCatalogue(Map<String, Prompt> prompts, List<String> problems, DigitStyle arabicDigits) {
    this.prompts = java.util.Collections.unmodifiableMap(new HashMap<>(prompts)); // compares hashes before ids
    this.problems = List.copyOf(problems);
    this.arabicDigits = arabicDigits;
  }

  /** The built-in catalogue (reception, sales and complaints sets), Western digits. */
  public static PromptCatalogue defaults() {
    return DEFAULTS;
  }

  /**
   * Reads a catalogue.
   *
   * @throws InvalidInputException listing every error with its JSON path
   */
  public static PromptCatalogue fromJson(String json) {
    Checks.notNull(json, "json");
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of("$", "is not JSON: %s", e.getOriginalMessage());
    }
    List<InvalidInputException.Violation> errors = new ArrayList<>();
    Map<String, Prompt> prompts = new LinkedHashMap<>();
    JsonNode all = root == null ? null : root.get("prompts");
    if (all == null || !all.isObject()) {
      throw InvalidInputException.of("$.prompts", "must be an object of prompt id to prompt");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Prompt prompt = readPrompt(e.getKey(), e.getValue(), "$.prompts." + e.getKey(), errors);
      if (prompt != null) {
        prompts.put(prompt.id(), prompt);
      }
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
    List<String> problems = problemsOf(prompts);
    for (String problem : problems) {
      LOG.warn("prompt catalogue: {}", problem);
    }
    return new PromptCatalogue(prompts, problems, DigitStyle.WESTERN);
  }

  private static @Nullable Prompt readPrompt(String id, JsonNode node, String path,
      List<InvalidInputException.Violation> errors) {
    int before = errors.size();
    if (!id.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*")) {
      errors.add(new InvalidInputException.Violation(path, "prompt id must be dotted lower-case words"));
    }
    if (!node.isObject()) {
      errors.add(new InvalidInputException.Violation(path, "must be an object with language texts"));
      return null;
    }
    String set = node.path("set").asText("reception");
    JsonNode audio = node.path("audio");
    Map<String, Text> texts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.equals("set") || key.equals("audio")) {
        continue;
      }
      String at = path + "." + key;
      Language language;
      try {
        language = Language.of(key);
      } catch (InvalidInputException ex) {
        errors.add(new InvalidInputException.Violation(at, "is not a language tag"));
        continue;
      }
      String audioFile = audio.path(key).isTextual() ? audio.path(key).asText() : null;
      JsonNode value = e.getValue();
      if (value.isTextual()) {
        texts.put(language.primary(), new Text(language, Template.parse(value.asText()), null, Map.of(), audioFile));
      } else if (value.isObject()) {
        String count = value.path("count").asText("");
        if (count.isBlank()) {
          errors.add(new InvalidInputException.Violation(at + ".count", "must name the number parameter"));
        }
        Map<String, Template> forms = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> f = value.fields(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> form = f.next();
          if (form.getKey().equals("count")) {
            continue;
          }
          if (!CATEGORIES.contains(form.getKey())) {
            errors.add(new InvalidInputException.Violation(at + "." + form.getKey(),
                "is not a plural category (zero, one, two, few, many, other)"));
          } else if (!form.getValue().isTextual()) {
            errors.add(new InvalidInputException.Violation(at + "." + form.getKey(), "must be a text"));
          } else {
            forms.put(form.getKey(), Template.parse(form.getValue().asText()));
          }
        }
        if (!forms.containsKey(Plurals.OTHER)) {
          errors.add(new InvalidInputException.Violation(at + ".other", "is required in a plural text"));
        }
        texts.put(language.primary(), new Text(language, null, count, Map.copyOf(forms), audioFile));
      } else {
        errors.add(new InvalidInputException.Violation(at, "must be a text or a plural object"));
      }
    }
    if (texts.isEmpty()) {
      errors.add(new InvalidInputException.Violation(path, "has no text in any language"));
    }
    if (audio.isObject()) {
      for (Iterator<String> it = audio.fieldNames(); it.hasNext(); ) {
        String tag = it.next();
        if (!audio.get(tag).isTextual() || audio.get(tag).asText().isBlank()) {
          errors.add(new InvalidInputException.Violation(path + ".audio." + tag, "must be a file name"));
        }
      }
    }
    return errors.size() > before ? null : new Prompt(id, set, Map.copyOf(texts));
  }

  private static List<String> problemsOf(Map<String, Prompt> prompts) {
    List<String> problems = new ArrayList<>();
    for (Prompt p : prompts.values()) {
      for (String tag : List.of("ar", "en")) {
        if (!p.byLanguage().containsKey(tag)) {
          problems.add("prompt '" + p.id() + "' has no " + tag + " text; "
              + p.byLanguage().keySet().iterator().next() + " is played instead");
        }
      }
    }
    return problems;
  }

  private static PromptCatalogue loadDefaults() {
    try (InputStream in = PromptCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CallCenterException("the built-in prompt catalogue " + RESOURCE + " is missing");
      }
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CallCenterException("cannot read the built-in prompt catalogue " + RESOURCE, e);
    }
  }

  /** This catalogue with numbers in Arabic prompts written in {@code style}. */
  public PromptCatalogue withArabicDigits(DigitStyle style) {
    return new PromptCatalogue(prompts, problems, Checks.notNull(style, "style"));
  }

  /** This catalogue with {@code other}'s prompts added, replacing those with the same id. */
  public PromptCatalogue extendedWith(PromptCatalogue other) {
    Map<String, Prompt> merged = new LinkedHashMap<>(prompts);
    merged.putAll(other.prompts);
    return new PromptCatalogue(merged, problemsOf(merged), arabicDigits);
  }

  /** What was found wrong but tolerated when the catalogue loaded (a prompt missing in one language). */
  public List<String> problems() {
    return problems;
  }

  public boolean contains(String promptId) {
    return prompts.containsKey(promptId);
  }

  public Set<String> ids() {
    return prompts.keySet();
  }

  /** The prompt ids of one set ({@code reception}, {@code sales}, {@code complaints}, ...). */
  public Set<String> idsInSet(String set) {
    Set<String> ids = new java.util.TreeSet<>();
    prompts.values().stream().filter(p -> p.set().equals(set)).forEach(p -> ids.add(p.id()));
    return ids;
  }

  public DigitStyle arabicDigits() {
    return arabicDigits;
  }

  /**
   * The prompt rendered in {@code language} (or the other language when it has none there).
   *
   * @param args parameter values: numbers pick plural forms and get the digit style; other values are text
   * @throws dev.callcenter.core.NotFoundException when there is no such prompt
   */
  public FlowAction.PlayPrompt render(String promptId, Language language, Map<String, ?> args) {
    Prompt prompt = prompts.get(promptId);
    if (prompt == null) {
      throw dev.callcenter.core.NotFoundException.of("prompt", promptId);
    }
    if (args.isEmpty()) {
      FlowAction.PlayPrompt alone = prompt.alone(language);
      if (alone != null) {
        return alone;
      }
    }
    return play(promptId, prompt.in(language), args, arabicDigits == DigitStyle.ARABIC_INDIC);
  }

  private static FlowAction.PlayPrompt play(String promptId, Text text, Map<String, ?> args,
      boolean arabicIndicDigits) {
    Template template = text.plain();
    if (template == null) {
      Object n = args.get(text.count());
      long count = n instanceof Number number ? number.longValue() : parseOr(n, Long.MIN_VALUE);
      String category = count == Long.MIN_VALUE ? Plurals.OTHER : Plurals.category(text.language().primary(), count);
      template = count == 0 ? text.forms().get(Plurals.ZERO) : null; // an explicit zero form wins in any language
      if (template == null) {
        template = text.forms().get(category);
      }
      if (template == null) {
        template = text.forms().get(Plurals.OTHER);
      }
    }
    boolean rtl = text.rightToLeft();
    String rendered = template.render(args, rtl, rtl && arabicIndicDigits);
    Map<String, String> shown;
    if (args.isEmpty()) {
      shown = Map.of();
    } else if (args.size() == 1) {
      Map.Entry<String, ?> only = args.entrySet().iterator().next();
      shown = Map.of(only.getKey(), String.valueOf(only.getValue()));
    } else {
      shown = new HashMap<>();
      args.forEach((k, v) -> shown.put(k, String.valueOf(v)));
    }
    return new FlowAction.PlayPrompt(promptId, text.language(), rendered, text.audio(), shown);
  }

  /**
   * The text of a prompt without parameters (a department's name, say) in {@code language} or the fallback
   * language; the prompt id itself when there is no such prompt.
   */
  public String text(String promptId, Language language) {
    Prompt prompt = prompts.get(promptId);
    if (prompt == null) {
      return promptId;
    }
    Text text = prompt.byLanguage().get(language.primary());
    if (text == null || text.plain() == null || text.plain().hasParameters()) {
      return render(promptId, language).text();
    }
    return text.plain().source();
  }

  /** Renders without arguments. */
  public FlowAction.PlayPrompt render(String promptId, Language language) {
    return render(promptId, language, Map.of());
  }

  private static long parseOr(@Nullable Object value, long otherwise) {
    if (value == null) {
      return otherwise;
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
