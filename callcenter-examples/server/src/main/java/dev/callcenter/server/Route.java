package dev.callcenter.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint: how it is reached, who may call it, and what it takes and answers; the route table and the
 * OpenAPI document are both made from these.
 *
 * @param role the least staff role that may call it, or {@link Role#ANYONE}
 * @param callScoped whether a call-scoped token for the call in path parameter {@code id} (or {@code callId}) may
 *     call it too
 * @param body the request body's type, if it takes one
 * @param response the answer's type (an element type when {@code shape} is a list or page)
 */
record Route(HandlerType method, String path, Role role, boolean callScoped, String tag, String summary,
    @Nullable Class<?> body, @Nullable Class<?> response, Shape shape, int status, List<Param> query,
    Handler handler) {

  /** How the answer is shaped. */
  enum Shape {
    OBJECT,
    LIST,
    PAGE,
    NONE,
    DOWNLOAD
  }

  /** A query parameter. */
  record Param(String name, String type, String description) {}

  /** Collects the routes of the API modules, in order. */
  static final class Table {
    private final List<Route> routes = new ArrayList<>();

    Builder get(String path) {
      return new Builder(this, HandlerType.GET, path);
    }

    Builder post(String path) {
      return new Builder(this, HandlerType.POST, path);
    }

    Builder put(String path) {
      return new Builder(this, HandlerType.PUT, path);
    }

    Builder patch(String path) {
      return new Builder(this, HandlerType.PATCH, path);
    }

    Builder delete(String path) {
      return new Builder(this, HandlerType.DELETE, path);
    }

    List<Route> routes() {
      return List.copyOf(routes);
    }
  }

  /** Describes one route; {@link #handle} adds it to the table. */
  static final class Builder {
    private final Table table;
    private final HandlerType method;
    private final String path;
    private Role role = Role.ADMIN;
    private boolean callScoped;
    private String tag = "system";
    private String summary = "";
    private @Nullable Class<?> body;
    private @Nullable Class<?> response;
    private Shape shape = Shape.OBJECT;
    private int status = 200;
    private final List<Param> query = new ArrayList<>();

    private Builder(Table table, HandlerType method, String path) {
      this.table = table;
      this.method = method;
      this.path = path;
    }

    Builder role(Role value) {
      role = value;
      return this;
    }

    Builder callScoped() {
      callScoped = true;
      return this;
    }

    Builder doc(String tagValue, String summaryValue) {
      tag = tagValue;
      summary = summaryValue;
      return this;
    }

    Builder body(Class<?> value) {
      body = value;
      return this;
    }

    Builder answers(int statusValue, Class<?> value) {
      status = statusValue;
      response = value;
      shape = Shape.OBJECT;
      return this;
    }

    Builder answersList(Class<?> element) {
      response = element;
      shape = Shape.LIST;
      return this;
    }

    Builder answersPage(Class<?> element) {
      response = element;
      shape = Shape.PAGE;
      return this;
    }

    Builder answersNothing() {
      status = 204;
      response = null;
      shape = Shape.NONE;
      return this;
    }

    Builder answersDownload() {
      response = null;
      shape = Shape.DOWNLOAD;
      return this;
    }

    Builder query(String name, String type, String description) {
      query.add(new Param(name, type, description));
      return this;
    }

    Builder paged() {
      query("offset", "integer", "matching records to skip (default 0)");
      return query("limit", "integer", "records to return, 1-1000 (default 50)");
    }

    void handle(Handler handler) {
      table.routes.add(new Route(method, path, role, callScoped, tag, summary, body, response, shape, status,
          List.copyOf(query), handler));
    }
  }
}
