package dev.callcenter.rules.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The facts a rule may test, with their JSON names, types and storage slots. */
public enum FactKind {
  DEPARTMENT("department", Type.STRING, 0),
  LANGUAGE("language", Type.STRING, 1),
  CUSTOMER_TIER("customerTier", Type.STRING, 2),
  CUSTOMER_ID("customerId", Type.STRING, 3),
  IVR_STAGE("ivrStage", Type.STRING, 4),
  INTENT("intent", Type.STRING, 5),
  WAIT_SECONDS("waitSeconds", Type.NUMBER, 0),
  QUEUE_LENGTH("queueLength", Type.NUMBER, 1),
  SENTIMENT("sentiment", Type.NUMBER, 2),
  CONFIDENCE("confidence", Type.NUMBER, 3),
  CALL_DURATION_SECONDS("callDurationSeconds", Type.NUMBER, 4),
  REPEAT_CALLS("repeatCalls", Type.NUMBER, 5),
  OPEN_TICKETS("openTickets", Type.NUMBER, 6),
  RETRIES("retries", Type.NUMBER, 7),
  VERIFIED("verified", Type.BOOLEAN, 8),
  MATCHED_KEYWORDS("matchedKeywords", Type.SET, 0),
  TIME("time", Type.TIME, 0);

  /** What kind of value a fact holds. */
  public enum Type { STRING, NUMBER, BOOLEAN, SET, TIME }

  public static final int STRING_SLOTS = 6;
  public static final int NUMBER_SLOTS = 9;

  /** The IVR stages a rule may name, lower case. */
  public static final java.util.List<String> STAGES = java.util.List.of("greeting", "language_selection",
      "identification", "verification", "intent", "classification", "data_collection", "queue", "handoff");

  private static final Map<String, FactKind> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toMap(FactKind::jsonName, Function.identity()));

  private final String jsonName;
  private final Type type;
  private final int slot;

  FactKind(String jsonName, Type type, int slot) {
    this.jsonName = jsonName;
    this.type = type;
    this.slot = slot;
  }

  public String jsonName() {
    return jsonName;
  }

  public Type type() {
    return type;
  }

  public int slot() {
    return slot;
  }

  /** Whether string values of this fact are compared in lower case. */
  public boolean caseInsensitive() {
    return this != CUSTOMER_ID;
  }

  public static @Nullable FactKind byName(String name) {
    return BY_NAME.get(name);
  }

  public static String names() {
    return Arrays.stream(values()).map(FactKind::jsonName).collect(Collectors.joining(", "));
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
