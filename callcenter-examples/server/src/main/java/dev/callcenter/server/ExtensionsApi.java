package dev.callcenter.server;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.store.Page;
import dev.callcenter.sip.extension.Extension;
import dev.callcenter.sip.extension.ExtensionChange;
import dev.callcenter.sip.extension.ExtensionQuery;
import dev.callcenter.sip.extension.ExtensionStatus;
import dev.callcenter.sip.extension.Extensions;
import dev.callcenter.sip.extension.NewExtension;
import dev.callcenter.sip.extension.User;
import dev.callcenter.sip.extension.UserQuery;
import dev.callcenter.sip.extension.UserRole;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/callcenter/extensions} and {@code /api/callcenter/users}: SIP extensions and who they belong to.
 * Passwords go in only; answers never carry a password or a credential hash.
 */
final class ExtensionsApi implements Api.Endpoints {
  record NewExtensionBody(String extcode, String password, @Nullable String userId, @Nullable String displayName) {}

  /**
   * A replacement of an extension's changeable fields; the password is changed only when given.
   *
   * @param userId the user it belongs to; null or blank unassigns it
   */
  record ExtensionBody(@Nullable String displayName, @Nullable String password, @Nullable String userId,
      @Nullable String status) {}

  record AssignBody(String userId, String extensionId) {}

  record UnassignBody(String extensionId) {}

  /** An extension without its credentials. */
  record ExtensionView(String id, String extcode, String displayName, @Nullable String userId,
      ExtensionStatus status, List<String> algorithms, Instant createdAt, Instant updatedAt, long version) {
    static ExtensionView of(Extension e) {
      return new ExtensionView(e.id(), e.extcode(), e.displayName(), e.userId(), e.status(),
          e.credentials().stream().map(c -> c.algorithm()).distinct().toList(), e.createdAt(), e.updatedAt(),
          e.version());
    }
  }

  record UserView(String id, String name, @Nullable String email, UserRole role, List<String> extensions,
      Instant createdAt, long version) {}

  private final Api api;
  private final Extensions extensions;

  ExtensionsApi(Api api) {
    this.api = api;
    this.extensions = api.extensions();
  }

  @Override
  public void addTo(Route.Table t) {
    t.get("/api/callcenter/extensions").role(Role.SUPERVISOR).doc("extensions", "Search extensions")
        .query("q", "string", "text in code or display name").query("status", "string", "comma-separated statuses")
        .query("userId", "string", "user id").query("assigned", "boolean", "only (un)assigned ones").paged()
        .answersPage(ExtensionView.class).handle(this::search);
    t.post("/api/callcenter/extensions").role(Role.ADMIN).doc("extensions", "Create an extension (the password is "
        + "checked against the policy and kept only as digest hashes)").body(NewExtensionBody.class)
        .answers(201, ExtensionView.class).handle(this::create);
    t.get("/api/callcenter/extensions/{id}").role(Role.SUPERVISOR).doc("extensions", "One extension")
        .answers(200, ExtensionView.class)
        .handle(ctx -> ctx.json(ExtensionView.of(extensions.get(ctx.pathParam("id")))));
    t.put("/api/callcenter/extensions/{id}").role(Role.ADMIN).doc("extensions", "Change display name, user, status "
        + "or password").body(ExtensionBody.class).answers(200, ExtensionView.class).handle(this::replace);
    t.delete("/api/callcenter/extensions/{id}").role(Role.ADMIN).doc("extensions", "Delete an extension")
        .answersNothing().handle(ctx -> {
          extensions.delete(ctx.pathParam("id"));
          ctx.status(204);
        });

    t.get("/api/callcenter/users").role(Role.SUPERVISOR).doc("users", "List users with their extensions")
        .query("q", "string", "text in name or e-mail").query("role", "string", "admin, supervisor, agent, viewer")
        .paged().answersPage(UserView.class).handle(this::users);
    t.post("/api/callcenter/users/assign").role(Role.ADMIN).doc("users", "Assign an extension to a user")
        .body(AssignBody.class).answers(200, ExtensionView.class).handle(ctx -> {
          AssignBody b = api.bodies().read(ctx, AssignBody.class);
          required(b.userId(), "userId");
          required(b.extensionId(), "extensionId");
          ctx.json(ExtensionView.of(extensions.assign(b.extensionId(), b.userId())));
        });
    t.delete("/api/callcenter/users/unassign").role(Role.ADMIN).doc("users", "Take an extension from its user "
        + "(body {extensionId}, or query parameter extensionId)").body(UnassignBody.class)
        .query("extensionId", "string", "the extension, when no body is sent").answers(200, ExtensionView.class)
        .handle(this::unassign);
  }

  private void search(Context ctx) {
    Set<ExtensionStatus> statuses = EnumSet.noneOf(ExtensionStatus.class);
    String s = Api.param(ctx, "status");
    if (s != null) {
      for (String part : s.split(",")) {
        statuses.add(parseStatus(part));
      }
    }
    String assigned = Api.param(ctx, "assigned");
    Boolean isAssigned = null;
    if (assigned != null) {
      if (!assigned.equalsIgnoreCase("true") && !assigned.equalsIgnoreCase("false")) {
        throw InvalidInputException.of("assigned", "must be true or false, was '%s'", assigned);
      }
      isAssigned = Boolean.parseBoolean(assigned);
    }
    ExtensionQuery query = new ExtensionQuery(Api.param(ctx, "q"), statuses, Api.param(ctx, "userId"), isAssigned);
    ctx.json(extensions.search(query, Api.page(ctx)).map(ExtensionView::of));
  }

  private void create(Context ctx) {
    NewExtensionBody b = api.bodies().read(ctx, NewExtensionBody.class);
    required(b.extcode(), "extcode");
    String name = b.displayName() == null || b.displayName().isBlank() ? b.extcode() : b.displayName();
    Extension e = extensions.create(new NewExtension(b.extcode(), name, b.password(),
        b.userId() == null || b.userId().isBlank() ? null : b.userId().strip()));
    ctx.status(201).header("Location", "/api/callcenter/extensions/" + e.id()).json(ExtensionView.of(e));
  }

  private void replace(Context ctx) {
    String id = ctx.pathParam("id");
    ExtensionBody b = api.bodies().read(ctx, ExtensionBody.class);
    ExtensionStatus status = b.status() == null ? null : parseStatus(b.status());
    // the service checks every field before it changes anything, then changes all in one update
    Extension updated = extensions.update(id, new ExtensionChange(b.displayName(), b.password(), b.userId(), status));
    ctx.json(ExtensionView.of(updated));
  }

  private void unassign(Context ctx) {
    String id = ctx.queryParam("extensionId");
    if (id == null || id.isBlank()) {
      id = api.bodies().read(ctx, UnassignBody.class).extensionId();
    }
    required(id, "extensionId");
    ctx.json(ExtensionView.of(extensions.unassign(id)));
  }

  private void users(Context ctx) {
    String role = Api.param(ctx, "role");
    UserQuery query = new UserQuery(Api.param(ctx, "q"), role == null ? null : parseRole(role));
    Page<User> page = extensions.searchUsers(query, Api.page(ctx));
    ctx.json(page.map(u -> new UserView(u.id(), u.name(), u.email(), u.role(),
        extensions.extensionsOf(u.id()).stream().map(Extension::extcode).toList(), u.createdAt(), u.version())));
  }

  private static ExtensionStatus parseStatus(String s) {
    return ExtensionStatus.parse(s);
  }

  private static UserRole parseRole(String s) {
    return UserRole.parse(s);
  }

  private static void required(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.of(field, "is required");
    }
  }
}
