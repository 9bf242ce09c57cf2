package dev.callcenter.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.callcenter.core.CallCenterException;
import java.util.Map;

/**
 * The SDK's Jackson configuration: ISO-8601 times, durations as ISO strings, nulls left out, unknown fields
 * rejected. Not public API.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}

  /** A copy of the shared mapper, for callers that need to add modules. */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CallCenterException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new CallCenterException("cannot read " + type.getSimpleName() + " from JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * The JSON shape of {@code value} as a map, with the value types a JSON reader produces (a {@code long} 1
   * becomes an {@code Integer}), so that the map equals the one read back from its JSON text.
   */
  public static Map<String, Object> toMap(Object value) {
    try {
      return MAPPER.readValue(MAPPER.writeValueAsBytes(value), MAP);
    } catch (java.io.IOException e) {
      throw new CallCenterException("cannot convert " + value.getClass().getSimpleName() + " to a JSON map", e);
    }
  }
}
