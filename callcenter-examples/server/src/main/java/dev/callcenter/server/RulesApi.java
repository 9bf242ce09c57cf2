package dev.callcenter.server;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.rules.Classification;
import dev.callcenter.rules.KeywordMatch;
import dev.callcenter.rules.KeywordRouter;
import dev.callcenter.rules.RuleEngine;
import dev.callcenter.rules.RuleSet;
import dev.callcenter.rules.RuleValidationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/rules} and {@code /api/routing/classify}: the rule set in force (replaced whole after validation, and
 * kept in the data directory so that it survives a restart) and the keyword router.
 */
final class RulesApi implements Api.Endpoints {
  static final String RULES_FILE = "rules.json";
  /** Rule files are larger than other bodies: this limit applies to them when the general one is smaller. */
  static final long MAX_RULES_BYTES = 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(RulesApi.class);

  record ClassifyBody(String text, @Nullable String language) {}

  record MatchView(String term, String department, String language, boolean negated, int start, int end) {}

  record ClassifyView(String department, double confidence, boolean matched, Map<String, Double> scores,
      List<String> matchedTerms, List<MatchView> matches) {}

  record RulesReplaced(int rules, int active, List<String> groups) {}

  private final Api api;
  private final RuleEngine rules;
  private final KeywordRouter router;
  private final Path file;

  RulesApi(Api api) {
    this.api = api;
    this.rules = api.rules();
    this.router = api.router();
    this.file = api.settings().dataDir().resolve(RULES_FILE);
  }

  /** The rules kept in the data directory, or the shipped defaults. */
  static RuleEngine load(Path dataDir, java.time.Clock clock) {
    Path file = dataDir.resolve(RULES_FILE);
    if (Files.exists(file)) {
      try {
        return RuleEngine.of(RuleSet.parse(Files.readString(file, StandardCharsets.UTF_8)), clock);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return RuleEngine.of(RuleSet.defaults(), clock);
  }

  @Override
  public void addTo(Route.Table t) {
    t.get("/api/rules").role(Role.SUPERVISOR).doc("rules", "The rule set in force, as JSON").answers(200, Map.class)
        .handle(ctx -> ctx.contentType("application/json").result(rules.ruleSet().toJson()));
    t.put("/api/rules").role(Role.ADMIN).doc("rules", "Replace the rule set: validated whole, every error listed "
        + "with its JSON path; the set in force stays on any error").body(Map.class)
        .answers(200, RulesReplaced.class).handle(this::replace);
    t.post("/api/routing/classify").role(Role.AGENT).doc("rules", "Classify an utterance: department, confidence "
        + "and matched terms").body(ClassifyBody.class).answers(200, ClassifyView.class).handle(this::classify);
  }

  private void replace(Context ctx) {
    String json = new String(api.bodies().raw(ctx, Math.max(MAX_RULES_BYTES, api.bodies().limit())), StandardCharsets.UTF_8);
    RuleSet next;
    try {
      next = RuleSet.parse(json);
    } catch (RuleValidationException e) {
      throw InvalidInputException.of(e.problems().stream()
          .map(p -> new InvalidInputException.Violation(p.path(), p.message())).toList());
    }
    synchronized (this) {
      try {
        Path tmp = file.resolveSibling(RULES_FILE + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot keep the rules in " + file, e);
      }
      rules.reload(next);
    }
    LOG.info("rule set replaced: {} rules, {} active", next.size(), next.activeCount());
    ctx.json(new RulesReplaced(next.size(), next.activeCount(), List.copyOf(next.groups())));
  }

  private void classify(Context ctx) {
    ClassifyBody b = api.bodies().read(ctx, ClassifyBody.class);
    if (b.text() == null || b.text().isBlank()) {
      throw InvalidInputException.of("text", "must not be blank");
    }
    if (b.text().length() > 2000) {
      throw InvalidInputException.of("text", "must be at most 2000 characters, was %d", b.text().length());
    }
    Classification c = b.language() == null ? router.classify(b.text())
        : router.classify(b.text(), Language.of(b.language()));
    Map<String, Double> scores = new LinkedHashMap<>();
    c.scores().forEach((d, v) -> scores.put(d.id(), v));
    List<MatchView> matches = c.matches().stream().map((KeywordMatch m) -> new MatchView(m.term(),
        m.department().id(), m.language().tag(), m.negated(), m.start(), m.end())).toList();
    ctx.json(new ClassifyView(c.department().id(), c.confidence(), c.matched(), scores,
        List.copyOf(c.matchedTerms()), matches));
  }
}
