package dev.callcenter.server;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI 3.1 document of the routes, made from the route table itself so that it cannot drift from the code;
 * the schemas come from the request and answer records by reflection.
 */
final class OpenApi {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z]+)}");

  private OpenApi() {}

  static Map<String, Object> document(List<Route> routes, String version) {
    Map<String, Object> schemas = new TreeMap<>();
    schemas.put("Problem", schemaOf(Problem.class, schemas));
    Map<String, Object> paths = new TreeMap<>();
    for (Route route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(),
          p -> new LinkedHashMap<String, Object>());
      item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route, schemas));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put("info", Map.of("title", "Call-center example server", "version", version,
        "description", "REST API of the call-center SDK's example server. Errors are RFC 9457 problem details. "
            + "Live events: WebSocket /ws/updates?after=<sequence> (bearer token in the Authorization header or "
            + "the access_token query parameter)."));
    doc.put("paths", paths);
    doc.put("components", Map.of(
        "schemas", schemas,
        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
    return doc;
  }

  private static Map<String, Object> operation(Route route, Map<String, Object> schemas) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("tags", List.of(route.tag()));
    op.put("summary", route.summary());
    op.put("operationId", route.method().name().toLowerCase(Locale.ROOT) + route.path()
        .replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+(.)", "_$1"));
    String who = route.role() == Role.ANYONE ? "no token needed"
        : "role " + route.role().name().toLowerCase(Locale.ROOT) + " or higher"
            + (route.callScoped() ? ", or the call-scoped token of this call" : "");
    op.put("description", route.summary() + " (" + who + ").");
    op.put("security", route.role() == Role.ANYONE ? List.of() : List.of(Map.of("bearer", List.of())));
    List<Object> parameters = new ArrayList<>();
    Matcher m = PATH_PARAM.matcher(route.path());
    while (m.find()) {
      parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema",
          Map.of("type", "string")));
    }
    for (Route.Param p : route.query()) {
      parameters.add(Map.of("name", p.name(), "in", "query", "required", false, "description", p.description(),
          "schema", Map.of("type", p.type())));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (route.body() != null) {
      op.put("requestBody", Map.of("required", true, "content",
          Map.of("application/json", Map.of("schema", ref(route.body(), schemas)))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    String okText = route.status() == 201 ? "Created" : route.status() == 204 ? "No Content" : "OK";
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("description", okText);
    if (route.shape() == Route.Shape.DOWNLOAD) {
      ok.put("content", Map.of("text/csv", Map.of("schema", Map.of("type", "string")),
          "application/json", Map.of("schema", Map.of("type", "array"))));
    } else if (route.response() != null) {
      Map<String, Object> element = ref(route.response(), schemas);
      Object schema = switch (route.shape()) {
        case LIST -> Map.of("type", "array", "items", element);
        case PAGE -> Map.of("type", "object", "properties", Map.of(
            "items", Map.of("type", "array", "items", element),
            "total", Map.of("type", "integer"), "offset", Map.of("type", "integer"),
            "limit", Map.of("type", "integer")));
        default -> element;
      };
      ok.put("content", Map.of("application/json", Map.of("schema", schema)));
    }
    responses.put(Integer.toString(route.status()), ok);
    Map<String, Object> problem = Map.of(Problem.MEDIA_TYPE, Map.of("schema",
        Map.of("$ref", "#/components/schemas/Problem")));
    if (route.body() != null || !route.query().isEmpty()) {
      responses.put("400", Map.of("description", "Bad input (malformed JSON, unknown field, wrong type)",
          "content", problem));
    }
    if (route.role() != Role.ANYONE) {
      responses.put("401", Map.of("description", "Missing or unknown token", "content", problem));
      responses.put("403", Map.of("description", "The token's role may not do this", "content", problem));
    }
    if (route.path().contains("{")) {
      responses.put("404", Map.of("description", "Not found", "content", problem));
    }
    if (route.method() != io.javalin.http.HandlerType.GET) {
      responses.put("409", Map.of("description", "Version conflict or illegal status change", "content", problem));
    }
    if (route.body() != null) {
      responses.put("413", Map.of("description", "Body too large", "content", problem));
    }
    responses.put("429", Map.of("description", "Rate limit exceeded", "content", problem));
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> ref(Class<?> type, Map<String, Object> schemas) {
    Map<String, Object> inline = simple(type);
    if (inline != null) {
      return inline;
    }
    String name = type.getSimpleName();
    if (!schemas.containsKey(name)) {
      schemas.put(name, Map.of()); // placeholder against cycles
      schemas.put(name, schemaOf(type, schemas));
    }
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  private static Map<String, Object> schemaOf(Class<?> type, Map<String, Object> schemas) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        properties.put(c.getName(), schemaFor(c.getGenericType(), schemas));
      }
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> schemaFor(Type type, Map<String, Object> schemas) {
    if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
      Type[] args = pt.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return Map.of("type", "array", "items", schemaFor(args[0], schemas));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of("type", "object", "additionalProperties", schemaFor(args[1], schemas));
      }
      return Map.of("type", "object");
    }
    if (type instanceof Class<?> c) {
      return ref(c, schemas);
    }
    return Map.of();
  }

  private static @Nullable Map<String, Object> simple(Class<?> type) {
    if (type == String.class || type == Character.class) {
      return Map.of("type", "string");
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return Map.of("type", "integer");
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return Map.of("type", "number");
    }
    if (type == boolean.class || type == Boolean.class) {
      return Map.of("type", "boolean");
    }
    if (type == Instant.class) {
      return Map.of("type", "string", "format", "date-time");
    }
    if (type == LocalDate.class) {
      return Map.of("type", "string", "format", "date");
    }
    if (type == Duration.class) {
      return Map.of("type", "string", "format", "duration");
    }
    if (type.isEnum()) {
      return Map.of("type", "string", "enum", java.util.Arrays.stream(type.getEnumConstants())
          .map(e -> ((Enum<?>) e).name()).toList());
    }
    if (type == Object.class) {
      return Map.of();
    }
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (c.getAccessor().isAnnotationPresent(JsonValue.class) || c.isAnnotationPresent(JsonValue.class)) {
          return Map.of("type", "string");
        }
      }
    }
    if (Map.class.isAssignableFrom(type)) {
      return Map.of("type", "object");
    }
    return null;
  }
}
