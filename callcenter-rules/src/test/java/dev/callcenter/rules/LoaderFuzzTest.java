package dev.callcenter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Loaders fed random and mutated JSON answer only with {@link RuleValidationException} (or accept the
 * document); no other exception ever escapes.
 */
class LoaderFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static String resource(String name) {
    try (InputStream in = RuleSet.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final String RULES = resource("default-rules.json");
  private static final String KEYWORDS = resource("default-keywords.json");
  private static final String SENTIMENT = resource("default-sentiment.json");

  private static final List<Consumer<String>> LOADERS = List.of(RuleSet::parse, KeywordDictionary::parse,
      Sentiment::load, json -> RuleSet.defaults().withOverrides(json), KeywordRouter::load, RuleEngine::load);

  private static void onlyValidationErrors(String json) {
    for (Consumer<String> loader : LOADERS) {
      try {
        loader.accept(json);
      } catch (RuleValidationException e) {
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.path()).startsWith("$"));
      }
    }
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truefalsnul\\").ofMaxLength(200));
  }

  @Property(tries = 200)
  void randomTextIsRejectedWithValidationErrorsOnly(@ForAll("junk") String json) {
    onlyValidationErrors(json);
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return Arbitraries.recursive(this::leaves, this::containers, 0, 4);
  }

  private Arbitrary<JsonNode> leaves() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(F::textNode),
        Arbitraries.of("eq", "in", "between", "all", "any", "not", "fact", "op", "value", "rules", "id", "when",
            "then", "action", "route", "tag", "sales", "waitSeconds", "time", "matches", "[", "(", "ar", "en",
            "departments", "time_of_day_between", "25:00", "friday", "matchedKeywords").map(F::textNode),
        Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode(),
            F.numberNode(new java.math.BigDecimal("1e400")), F.numberNode(Long.MAX_VALUE)));
  }

  private Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
    Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("rules", "id", "when", "then", "all", "any", "not",
        "fact", "op", "value", "action", "department", "salience", "enabled", "group", "flags", "timeZone",
        "activation", "departments", "negations", "en", "ar", "words", "intensifiers", "negationScope",
        "priority", "stage", "category", "tag"), Arbitraries.strings().ofMaxLength(6));
    Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(4).map(l -> {
      ArrayNode a = F.arrayNode();
      l.forEach(a::add);
      return a;
    });
    Arbitrary<JsonNode> objects = net.jqwik.api.Combinators.combine(keys.list().ofMaxSize(4),
        inner.list().ofSize(4)).as((ks, vs) -> {
          ObjectNode o = F.objectNode();
          for (int i = 0; i < ks.size(); i++) {
            o.set(ks.get(i), vs.get(i));
          }
          return o;
        });
    return Arbitraries.oneOf(arrays, objects);
  }

  @Property(tries = 300)
  void randomJsonTreesAreRejectedWithValidationErrorsOnly(@ForAll("values") JsonNode json) {
    onlyValidationErrors(json.toString());
    ObjectNode wrapped = F.objectNode();
    wrapped.set("rules", F.arrayNode().add(json));
    onlyValidationErrors(wrapped.toString());
  }

  /** Mutates the shipped documents: replace, delete or duplicate a random node, or corrupt the text. */
  @Property(tries = 250)
  void mutatedShippedDocumentsAreRejectedWithValidationErrorsOnly(@ForAll @IntRange(min = 0, max = 2) int which,
      @ForAll long seed, @ForAll("values") JsonNode replacement) throws Exception {
    String source = which == 0 ? RULES : which == 1 ? KEYWORDS : SENTIMENT;
    Random random = new Random(seed);
    JsonNode root = MAPPER.readTree(source);
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    for (int m = 0; m < 1 + random.nextInt(3); m++) {
      JsonNode target = containers.get(random.nextInt(containers.size()));
      if (target instanceof ObjectNode o && o.size() > 0) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(3)) {
          case 0 -> o.set(name, replacement);
          case 1 -> o.remove(name);
          default -> o.set(name + "x", o.get(name));
        }
      } else if (target instanceof ArrayNode a && a.size() > 0) {
        int i = random.nextInt(a.size());
        switch (random.nextInt(3)) {
          case 0 -> a.set(i, replacement);
          case 1 -> a.remove(i);
          default -> a.add(a.get(i).deepCopy());
        }
      }
    }
    onlyValidationErrors(root.toString());
    String text = root.toString();
    int cut = random.nextInt(text.length() + 1);
    onlyValidationErrors(text.substring(0, cut) + (random.nextBoolean() ? "" : text.substring(Math.min(text.length(),
        cut + 1 + random.nextInt(5)))));
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }
}
