package dev.callcenter.server;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /health} and {@code /openapi.json}, open to anyone. */
final class SystemApi implements Api.Endpoints {
  static final String VERSION = "0.1.0-SNAPSHOT";

  private final Api api;
  private final Supplier<List<Route>> routes;
  private final List<String> modules;
  private volatile Map<String, Object> document = Map.of();

  SystemApi(Api api, Supplier<List<Route>> routes, List<String> modules) {
    this.api = api;
    this.routes = routes;
    this.modules = List.copyOf(modules);
  }

  @Override
  public void addTo(Route.Table t) {
    t.get("/health").role(Role.ANYONE).doc("system", "Liveness and storage").answers(200, Views.Health.class)
        .handle(ctx -> ctx.json(new Views.Health("up", VERSION, api.storage().description(),
            api.storage().persistent(), api.center().eventLog().lastSequence(), modules)));
    t.get("/openapi.json").role(Role.ANYONE).doc("system", "This API as an OpenAPI 3.1 document")
        .answers(200, Map.class).handle(ctx -> {
          if (document.isEmpty()) {
            document = OpenApi.document(routes.get(), VERSION);
          }
          ctx.json(document);
        });
  }
}
