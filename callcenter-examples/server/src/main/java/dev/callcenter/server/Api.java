package dev.callcenter.server;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.CallId;
import dev.callcenter.core.acd.Acd;
import dev.callcenter.core.acd.Placement;
import java.util.Optional;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.CrmService;
import dev.callcenter.rules.KeywordRouter;
import dev.callcenter.rules.RuleEngine;
import dev.callcenter.sip.extension.Extensions;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** What every group of endpoints works with, and the small request helpers they share. */
record Api(CallCenter center, Acd acd, CrmService crm, Extensions extensions, RuleEngine rules, KeywordRouter router,
    TokenStore tokens, Bodies bodies, Storage storage, ServerSettings settings) {
  static final String PRINCIPAL = "callcenter.principal";

  /** A group of endpoints (one per module of the SDK); adds its routes to the table. */
  interface Endpoints {
    void addTo(Route.Table table);
  }

  /** Where the call stands in the ACD; empty when the ACD does not hold it (never queued, or left). */
  Optional<Placement> placement(CallId callId) {
    try {
      Placement p = acd.placement(callId);
      return p.state() == Placement.State.LEFT ? Optional.empty() : Optional.of(p);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw HttpProblem.unauthorized("a bearer token is required");
    }
    return p;
  }

  static PageRequest page(Context ctx) {
    int offset = intParam(ctx, "offset", 0);
    int limit = intParam(ctx, "limit", PageRequest.DEFAULT_LIMIT);
    return PageRequest.of(offset, limit);
  }

  static int intParam(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(name, "must be a whole number, was '%s'", value);
    }
  }

  static @Nullable String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * A time bound from a query parameter: an ISO instant ({@code 2025-01-31T10:00:00Z}) or a date
   * ({@code 2025-01-31}, the start of that day in UTC; with {@code endOfDay}, the start of the next day).
   */
  static @Nullable Instant instantParam(Context ctx, String name, boolean endOfDay) {
    String value = param(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(name, "must be a date (2025-01-31) or an ISO instant (2025-01-31T10:00:00Z), "
          + "was '%s'", value);
    }
  }
}
