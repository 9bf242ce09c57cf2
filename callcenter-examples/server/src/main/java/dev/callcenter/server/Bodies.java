package dev.callcenter.server;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
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
    try (com.fasterxml.jackson.core.JsonParser parser = mapper.getFactory().createParser(bytes)) {
      while (parser.nextToken() != null) {
        // reading through checks the syntax
      }
    } catch (JsonParseException e) {
      throw HttpProblem.malformed("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
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
      throw HttpProblem.badRequest(path(e), "must be %s, was '%s'", expected(e.getTargetType()),
          String.valueOf(e.getValue()));
    } catch (MismatchedInputException e) {
      if (e.getPath().isEmpty()) {
        throw HttpProblem.malformed("the body must be a JSON object");
      }
      throw HttpProblem.badRequest(path(e), "must be %s", expected(e.getTargetType()));
    } catch (JsonParseException e) {
      throw HttpProblem.malformed("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof CallCenterException cce) {
        throw cce;
      }
      throw HttpProblem.badRequest(path(e), "invalid value: %s", e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw HttpProblem.malformed("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
