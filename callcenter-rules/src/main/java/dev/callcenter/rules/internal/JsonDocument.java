package dev.callcenter.rules.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.rules.RuleValidationException;
import dev.callcenter.rules.RuleValidationException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads JSON documents strictly and collects problems with their JSON paths. */
public final class JsonDocument {
  /** Cap on problems kept, so a pathological document cannot produce an unbounded list. */
  private static final int MAX_PROBLEMS = 500;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final String document;
  private final List<Problem> problems = new ArrayList<>();

  public JsonDocument(String document) {
    this.document = document;
  }

  /** Parses text, throwing a validation exception at {@code $} when it is not one JSON object. */
  public ObjectNode parse(@Nullable String json) {
    if (json == null) {
      throw RuleValidationException.of(document, List.of(new Problem("$", "must not be null")));
    }
    JsonNode root;
    try (JsonParser parser = MAPPER.createParser(json)) {
      root = MAPPER.readTree(parser);
      if (root != null && parser.nextToken() != null) {
        throw RuleValidationException.of(document, List.of(new Problem("$", "trailing content after the JSON value")));
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw RuleValidationException.of(document, List.of(new Problem("$", "not valid JSON" + where + ": "
          + abbreviate(String.valueOf(e.getOriginalMessage())))), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw RuleValidationException.of(document, List.of(new Problem("$", "must be a JSON object")));
    }
    return (ObjectNode) root;
  }

  public static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void problem(String path, String format, Object... args) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(path, args.length == 0 ? format : String.format(format, args)));
    }
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public int problemCount() {
    return problems.size();
  }

  public void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw RuleValidationException.of(document, problems);
    }
  }

  public static String child(String path, String field) {
    return IDENTIFIER.matcher(field).matches() ? path + "." + field
        : path + "['" + abbreviate(field).replace("'", "\\'") + "']";
  }

  public static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  /** Reports every field of {@code node} not in {@code allowed}. */
  public void onlyFields(JsonNode node, String path, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        problem(child(path, f), "unknown field (expected one of %s)", new java.util.TreeSet<>(allowed));
      }
    }
  }

  /** The text of a required string field, or null after reporting a problem. */
  public @Nullable String string(JsonNode node, String field, String path, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problem(child(path, field), "is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      problem(child(path, field), "must be a string, was %s", kind(v));
      return null;
    }
    return v.textValue();
  }

  public static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return "null";
  }

  public static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 61) + "...";
  }

}
