package dev.callcenter.core.internal;

import dev.callcenter.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Case-insensitive enum parsing whose error lists the accepted values. Not public API. */
public final class Enums {
  private Enums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, @Nullable String name, String field) {
    Checks.notBlank(name, field);
    String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    String accepted = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    throw InvalidInputException.of(field, "must be one of %s, was '%s'", accepted, Checks.abbreviate(name));
  }
}
