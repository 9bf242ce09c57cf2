package dev.callcenter.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.InvalidInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies strictly: at most {@code limit} bytes (413 beyond), JSON only (415), well-formed (400),
 * no unknown fields and no wrong types (400 naming the field).
 */
final class Bodies {
  private final ObjectMapper mapper;
  private final long limit;

  Bodies(ObjectMapper mapper, long limit) {
    this.mapper = mapper;
    this.limit = limit;
  }

  long limit() {
    return limit;
  }

  /** The body as {@code type}; a missing or empty body is a 400. */
  <T> T read(Context ctx, Class<T> type) {
    byte[] bytes = bytes(ctx, limit);
    if (bytes.length == 0) {
      throw HttpProblem.malformed("a JSON body is required");
    }
    return parse(bytes, type);
  }

  /** The body as bytes, checked to be well-formed JSON (for documents validated by their own parser). */
  byte[] raw(Context ctx, long maxBytes) {
    byte[] bytes = bytes(ctx, maxBytes);
    if (bytes.length == 0) {
      throw HttpProblem.malformed("a JSON body is required");
    }
    try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
      while (parser.nextToken() != null) {
        // reading through checks the syntax
      }
    } catch (JsonParseException e) {
      throw HttpProblem.malformed(malformed(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes;
  }

  /** Checks the declared size up front, so an oversized body is refused before it is read. */
  private static void checkDeclaredLength(Context ctx, long max) {
    String length = ctx.header("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > max) {
          throw HttpProblem.tooLarge(max);
        }
      } catch (NumberFormatException e) {
        throw HttpProblem.badRequest("Content-Length", "must be a number");
      }
    }
  }

  private byte[] bytes(Context ctx, long max) {
    String contentType = ctx.contentType();
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw HttpProblem.unsupportedMediaType(contentType);
    }
    checkDeclaredLength(ctx, max);
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw HttpProblem.tooLarge(max);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  <T> T parse(byte[] bytes, Class<T> type) {
    try {
      return mapper.readValue(bytes, type);
    } catch (UnrecognizedPropertyException e) {
      throw HttpProblem.badRequest(path(e), "unknown field; accepted fields are %s",
          e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw HttpProblem.badRequest(path(e), "invalid value");
    } catch (InvalidFormatException e) {
      throw HttpProblem.badRequest(path(e), "must be %s%s", expected(e.getTargetType()), at(e.getLocation()));
    } catch (MismatchedInputException e) {
      if (e.getPath().isEmpty()) {
        throw HttpProblem.malformed("the body must be a JSON object");
      }
      throw HttpProblem.badRequest(path(e), "must be %s%s", expected(e.getTargetType()), at(e.getLocation()));
    } catch (JsonParseException e) {
      throw HttpProblem.malformed(malformed(e));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof CallCenterException cce) {
        throw cce;
      }
      if (e.getCause() instanceof JsonParseException parse) {
        throw HttpProblem.malformed(malformed(parse));
      }
      throw HttpProblem.badRequest(path(e), "invalid value%s", at(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw HttpProblem.malformed("malformed JSON" + at(e.getLocation()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Where and what: the field being read, line and column, and what the parser expected there. Jackson's own
   * message is not passed on, as it quotes the offending text, which may be a secret typed without quotes.
   */
  private static String malformed(JsonParseException e) {
    StringBuilder out = new StringBuilder("malformed JSON");
    JsonParser parser = e.getProcessor();
    if (parser != null) {
      String field = fieldPath(parser.getParsingContext());
      if (!field.isEmpty()) {
        out.append(" in field ").append(field);
      }
    }
    out.append(at(e.getLocation())).append(": ").append(expectation(String.valueOf(e.getOriginalMessage())));
    return out.toString();
  }

  private static String at(@org.jspecify.annotations.Nullable JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** What the parser expected, in fixed words (never text taken from the body). */
  private static String expectation(String jacksonMessage) {
    if (jacksonMessage.startsWith("Unexpected end-of-input")) {
      return "the body ends too early (an object, array or string is not closed)";
    }
    if (jacksonMessage.contains("double-quote to start field name")) {
      return "expected a field name in double quotes";
    }
    if (jacksonMessage.contains("comma to separate")) {
      return "expected a comma";
    }
    if (jacksonMessage.contains("colon to separate")) {
      return "expected a colon after the field name";
    }
    if (jacksonMessage.startsWith("Illegal unquoted character")) {
      return "control characters in a string must be escaped";
    }
    if (jacksonMessage.contains("escape")) {
      return "expected a valid escape sequence in a string";
    }
    return "expected a JSON value: a string in double quotes, a number, true, false, null, an object or an array";
  }

  private static String fieldPath(@org.jspecify.annotations.Nullable JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject()) {
        if (c.getCurrentName() != null) {
          parts.add(0, c.getCurrentName());
        }
      } else if (c.inArray()) {
        parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    return String.join(".", parts).replace(".[", "[");
  }

  private static String path(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return path.isEmpty() ? "body" : path;
  }

  private static String expected(@org.jspecify.annotations.Nullable Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (java.time.Instant.class == type) {
      return "an ISO-8601 instant such as 2025-01-31T10:15:30Z";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
