package dev.callcenter.sip.extension;

import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.InvalidInputException.Violation;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.internal.Checks;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manages SIP extensions and their users. A password given here is checked against the {@link PasswordPolicy},
 * turned into one HA1 per configured realm and algorithm, and dropped: it is never stored, returned or logged.
 *
 * <pre>{@code
 * Extensions extensions = Extensions.builder().realm("pbx.example.com").build();   // in memory
 * Extension e = extensions.create(NewExtension.of("1001", "Reception", "s3cret-Phone"));
 * String ha1 = e.ha1("pbx.example.com", "SHA-256").orElseThrow();                   // for the registrar
 * }</pre>
 *
 * <p>Thread-safe. Bulk operations are all-or-nothing and list every error.
 */
public final class Extensions {
  private static final Logger LOG = LoggerFactory.getLogger(Extensions.class);

  private final ExtensionStore extensions;
  private final UserStore users;
  private final List<String> realms;
  private final List<String> algorithms;
  private final PasswordPolicy policy;
  private final Clock clock;
  private final int maxRetries;

  private Extensions(Builder b) {
    this.extensions = b.extensions != null ? b.extensions : ExtensionStore.inMemory();
    this.users = b.users != null ? b.users : UserStore.inMemory();
    this.realms = b.realms.isEmpty() ? List.of(Builder.DEFAULT_REALM) : List.copyOf(b.realms);
    this.algorithms = b.algorithms.isEmpty() ? Builder.DEFAULT_ALGORITHMS : List.copyOf(b.algorithms);
    this.policy = b.policy != null ? b.policy : PasswordPolicy.DEFAULT;
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.maxRetries = b.maxRetries != null ? b.maxRetries : Builder.DEFAULT_MAX_RETRIES;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The realms credentials are computed for, in order. */
  public List<String> realms() {
    return realms;
  }

  /** The digest algorithms credentials are computed for ({@code MD5}, {@code SHA-256}). */
  public List<String> algorithms() {
    return algorithms;
  }

  public PasswordPolicy passwordPolicy() {
    return policy;
  }

  // ---- extensions ------------------------------------------------------------------------------------------

  /**
   * Creates an extension, UNREGISTERED, with credentials for every realm and algorithm.
   *
   * @throws InvalidInputException naming every invalid field (the password only by what is wrong with it)
   * @throws AlreadyExistsException when the extension code is taken
   * @throws NotFoundException when the user does not exist
   */
  public Extension create(NewExtension request) {
    Checks.notNull(request, "extension");
    List<Violation> problems = new ArrayList<>();
    validate(request, "", problems);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    if (request.userId() != null) {
      users.get(request.userId());
    }
    Extension stored = extensions.insert(build(request, clock.instant()));
    LOG.info("extension {} created ({})", stored.extcode(), stored.displayName());
    return stored;
  }

  /**
   * Creates every extension or none. Every problem is listed, each field prefixed with its index
   * ({@code extensions[2].password}): invalid fields, codes taken or repeated in the batch, unknown users.
   *
   * @throws InvalidInputException listing every problem; nothing is stored then
   */
  public List<Extension> createAll(List<NewExtension> requests) {
    Checks.notNull(requests, "extensions");
    List<Violation> problems = new ArrayList<>();
    Map<String, Integer> codes = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      String prefix = "extensions[" + i + "].";
      NewExtension r = requests.get(i);
      if (r == null) {
        problems.add(new Violation("extensions[" + i + "]", "must not be null"));
        continue;
      }
      validate(r, prefix, problems);
      if (r.extcode() != null) {
        Integer first = codes.putIfAbsent(r.extcode(), i);
        if (first != null) {
          problems.add(new Violation(prefix + "extcode", "repeats extensions[" + first + "] ('" + r.extcode() + "')"));
        } else if (extensions.findByCode(r.extcode()).isPresent()) {
          problems.add(new Violation(prefix + "extcode", "is already taken ('" + r.extcode() + "')"));
        }
      }
      if (r.userId() != null && users.find(r.userId()).isEmpty()) {
        problems.add(new Violation(prefix + "userId", "no user '" + Checks.abbreviate(r.userId()) + "'"));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    Instant now = clock.instant();
    List<Extension> built = requests.stream().map(r -> build(r, now)).toList();
    List<Extension> stored = new ArrayList<>();
    try {
      for (Extension e : built) {
        stored.add(extensions.insert(e));
      }
    } catch (RuntimeException e) {
      rollBackInserts(stored);
      throw e;
    }
    LOG.info("{} extensions created", stored.size());
    return List.copyOf(stored);
  }

  private void rollBackInserts(List<Extension> stored) {
    for (Extension e : stored) {
      try {
        extensions.find(e.id()).ifPresent(extensions::delete);
      } catch (RuntimeException again) {
        LOG.error("could not roll back extension {} after a failed bulk create", e.extcode(), again);
      }
    }
  }

  public Optional<Extension> find(String id) {
    return extensions.find(Checks.notNull(id, "id"));
  }

  /** @throws NotFoundException when there is no such extension */
  public Extension get(String id) {
    return extensions.get(Checks.notNull(id, "id"));
  }

  public Optional<Extension> findByCode(String extcode) {
    return extensions.findByCode(Checks.notNull(extcode, "extcode"));
  }

  public Page<Extension> search(ExtensionQuery query, PageRequest page) {
    return extensions.list(Checks.notNull(query, "query"), Checks.notNull(page, "page"));
  }

  public Extension rename(String id, String displayName) {
    String name = Extension.checkDisplayName(displayName);
    return modify(id, e -> e.withDisplayName(name, clock.instant()));
  }

  /**
   * Replaces the password: new credentials for every realm and algorithm.
   *
   * @throws InvalidInputException saying what is wrong with the password, never repeating it
   */
  public Extension changePassword(String id, String password) {
    Extension current = get(id);
    requirePolicy(current.extcode(), password);
    List<DigestCredential> credentials = credentials(current.extcode(), password);
    Extension updated = modify(id, e -> {
      if (!e.extcode().equals(current.extcode())) {
        throw InvalidInputException.of("extcode", "changed while the password was being set; try again");
      }
      return e.withCredentials(credentials, clock.instant());
    });
    LOG.info("extension {} password changed", updated.extcode());
    return updated;
  }

  /**
   * Changes the display name, password, user and status together: every field is checked first (the display
   * name as {@link Extension} does, the password against the policy, the user to exist), then all changes are
   * applied in one compare-and-set update, so bad input changes nothing.
   *
   * @throws InvalidInputException naming every invalid field (the password only by what is wrong with it)
   * @throws NotFoundException when the extension or the user does not exist
   */
  public Extension update(String id, ExtensionChange change) {
    Checks.notNull(change, "change");
    Extension current = get(id);
    List<Violation> problems = new ArrayList<>();
    String name = null;
    if (change.displayName() != null) {
      try {
        name = Extension.checkDisplayName(change.displayName());
      } catch (InvalidInputException e) {
        problems.addAll(e.violations());
      }
    }
    if (change.password() != null) {
      for (String problem : policy.problems(current.extcode(), change.password())) {
        problems.add(new Violation("password", problem));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    String userId = change.userId() == null || change.userId().isBlank() ? null : change.userId().strip();
    if (userId != null) {
      users.get(userId);
    }
    List<DigestCredential> credentials =
        change.password() == null ? null : credentials(current.extcode(), change.password());
    String newName = name;
    Extension updated = modify(id, e -> {
      if (!e.extcode().equals(current.extcode())) {
        throw InvalidInputException.of("extcode", "changed while the extension was being updated; try again");
      }
      Instant now = clock.instant();
      Extension next = e.withUser(userId, now);
      if (newName != null) {
        next = next.withDisplayName(newName, now);
      }
      if (credentials != null) {
        next = next.withCredentials(credentials, now);
      }
      if (change.status() != null) {
        next = next.withStatus(change.status(), now);
      }
      return next;
    });
    LOG.info("extension {} updated{}", updated.extcode(), credentials == null ? "" : " with a new password");
    return updated;
  }

  /**
   * Assigns the extension to a user.
   *
   * @throws NotFoundException when the user does not exist
   */
  public Extension assign(String id, String userId) {
    Checks.notBlank(userId, "userId");
    users.get(userId);
    Extension updated = modify(id, e -> e.withUser(userId, clock.instant()));
    LOG.info("extension {} assigned to user {}", updated.extcode(), userId);
    return updated;
  }

  public Extension unassign(String id) {
    Extension updated = modify(id, e -> e.withUser(null, clock.instant()));
    LOG.info("extension {} unassigned", updated.extcode());
    return updated;
  }

  /** Records what the registrar or the call handling saw. */
  public Extension setStatus(String id, ExtensionStatus status) {
    Checks.notNull(status, "status");
    return modify(id, e -> e.withStatus(status, clock.instant()));
  }

  /** @throws NotFoundException when there is no such extension */
  public void delete(String id) {
    for (int attempt = 0; ; attempt++) {
      Extension current = get(id);
      try {
        extensions.delete(current);
        LOG.info("extension {} deleted", current.extcode());
        return;
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  /**
   * Deletes every extension or none.
   *
   * @throws InvalidInputException listing every id that does not exist or is repeated; nothing is deleted then
   */
  public void deleteAll(List<String> ids) {
    Checks.notNull(ids, "ids");
    List<Violation> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Extension> targets = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String field = "ids[" + i + "]";
      if (id == null || id.isBlank()) {
        problems.add(new Violation(field, "must not be blank"));
      } else if (!seen.add(id)) {
        problems.add(new Violation(field, "repeats '" + Checks.abbreviate(id) + "'"));
      } else {
        Optional<Extension> e = extensions.find(id);
        if (e.isEmpty()) {
          problems.add(new Violation(field, "no extension '" + Checks.abbreviate(id) + "'"));
        } else {
          targets.add(e.get());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    List<Extension> deleted = new ArrayList<>();
    try {
      for (Extension e : targets) {
        extensions.delete(e);
        deleted.add(e);
      }
    } catch (RuntimeException e) {
      for (Extension back : deleted) {
        try {
          extensions.insert(back.withVersion(0));
        } catch (RuntimeException again) {
          LOG.error("could not restore extension {} after a failed bulk delete", back.extcode(), again);
        }
      }
      throw e;
    }
    LOG.info("{} extensions deleted", deleted.size());
  }

  /** The extensions assigned to {@code userId}, by code. */
  public List<Extension> extensionsOf(String userId) {
    Checks.notBlank(userId, "userId");
    List<Extension> out = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    Page<Extension> p;
    do {
      p = extensions.list(ExtensionQuery.ALL.forUser(userId), page);
      out.addAll(p.items());
      page = page.next();
    } while (p.hasNext());
    return out;
  }

  // ---- users -----------------------------------------------------------------------------------------------

  /**
   * Adds a user.
   *
   * @param id the user's id, or null for a random one
   * @throws AlreadyExistsException when the id is taken
   */
  public User createUser(@Nullable String id, String name, @Nullable String email, UserRole role) {
    Instant now = clock.instant();
    User stored = users.insert(new User(id == null ? UUID.randomUUID().toString() : id, name,
        email == null || email.isBlank() ? null : email.strip(), role, now, now, 0));
    LOG.info("user {} created ({})", stored.id(), stored.role());
    return stored;
  }

  public Optional<User> findUser(String id) {
    return users.find(Checks.notNull(id, "id"));
  }

  /** @throws NotFoundException when there is no such user */
  public User getUser(String id) {
    return users.get(Checks.notNull(id, "id"));
  }

  public Page<User> searchUsers(UserQuery query, PageRequest page) {
    return users.list(Checks.notNull(query, "query"), Checks.notNull(page, "page"));
  }

  /** Changes a user with compare-and-set, re-applying {@code change} when another writer wins. */
  public User updateUser(String id, UnaryOperator<User> change) {
    Checks.notNull(change, "change");
    for (int attempt = 0; ; attempt++) {
      User current = getUser(id);
      User next = change.apply(current);
      if (!next.id().equals(current.id()) || next.version() != current.version()) {
        throw InvalidInputException.of("user", "an update may not change the id or version");
      }
      try {
        return users.update(next);
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  public User setRole(String id, UserRole role) {
    Checks.notNull(role, "role");
    return updateUser(id, u -> u.withRole(role, clock.instant()));
  }

  /** Deletes a user after unassigning their extensions. */
  public void deleteUser(String id) {
    getUser(id);
    for (Extension e : extensionsOf(id)) {
      unassign(e.id());
    }
    for (int attempt = 0; ; attempt++) {
      User current = getUser(id);
      try {
        users.delete(current);
        LOG.info("user {} deleted", id);
        return;
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  // ---- machinery -------------------------------------------------------------------------------------------

  private Extension modify(String id, UnaryOperator<Extension> change) {
    Checks.notNull(id, "id");
    for (int attempt = 0; ; attempt++) {
      Extension current = extensions.get(id);
      Extension next = change.apply(current);
      if (next.equals(current)) {
        return current;
      }
      try {
        return extensions.update(next);
      } catch (VersionConflictException e) {
        if (attempt >= maxRetries) {
          throw e;
        }
      }
    }
  }

  private void validate(NewExtension r, String prefix, List<Violation> problems) {
    collect(problems, prefix, () -> Checks.matches(r.extcode(), Extension.EXTCODE, "extcode",
        "1-32 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    collect(problems, prefix, () -> Extension.checkDisplayName(r.displayName()));
    for (String problem : policy.problems(r.extcode(), r.password())) {
      problems.add(new Violation(prefix + "password", problem));
    }
    if (r.userId() != null && r.userId().isBlank()) {
      problems.add(new Violation(prefix + "userId", "must not be blank (leave it out for none)"));
    }
  }

  private static void collect(List<Violation> problems, String prefix, Runnable check) {
    try {
      check.run();
    } catch (InvalidInputException e) {
      for (Violation v : e.violations()) {
        problems.add(new Violation(prefix + v.field(), v.message()));
      }
    }
  }

  private void requirePolicy(String extcode, String password) {
    List<String> problems = policy.problems(extcode, password);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems.stream().map(p -> new Violation("password", p)).toList());
    }
  }

  private Extension build(NewExtension r, Instant now) {
    return new Extension(UUID.randomUUID().toString(), r.extcode(), r.displayName(), r.userId(),
        ExtensionStatus.UNREGISTERED, credentials(r.extcode(), r.password()), now, now, 0);
  }

  private List<DigestCredential> credentials(String extcode, String password) {
    List<DigestCredential> out = new ArrayList<>();
    for (String realm : realms) {
      for (String algorithm : algorithms) {
        out.add(new DigestCredential(realm, algorithm, Digest.ha1(algorithm, extcode, realm, password)));
      }
    }
    return out;
  }

  /** Configures {@link Extensions}; every setter rejects a value set twice. */
  public static final class Builder {
    public static final String DEFAULT_REALM = "callcenter";
    public static final List<String> DEFAULT_ALGORITHMS = List.of(DigestCredential.SHA_256, DigestCredential.MD5);
    public static final int DEFAULT_MAX_RETRIES = 16;

    private @Nullable ExtensionStore extensions;
    private @Nullable UserStore users;
    private final Set<String> realms = new LinkedHashSet<>();
    private final Set<String> algorithms = new LinkedHashSet<>();
    private @Nullable PasswordPolicy policy;
    private @Nullable Clock clock;
    private @Nullable Integer maxRetries;

    private Builder() {}

    private static <T> T once(@Nullable Object current, @Nullable T value, String field) {
      if (current != null) {
        throw InvalidInputException.of(field, "was already set");
      }
      return Checks.notNull(value, field);
    }

    public Builder extensionStore(ExtensionStore value) {
      extensions = once(extensions, value, "extensionStore");
      return this;
    }

    public Builder userStore(UserStore value) {
      users = once(users, value, "userStore");
      return this;
    }

    /** Adds a digest realm; credentials are computed for each. {@value #DEFAULT_REALM} when none is added. */
    public Builder realm(String value) {
      String realm = new DigestCredential(value, DigestCredential.MD5, "0".repeat(32)).realm();
      if (!realms.add(realm)) {
        throw InvalidInputException.of("realm", "'%s' was already added", realm);
      }
      return this;
    }

    /** Adds a digest algorithm ({@code MD5} or {@code SHA-256}); both when none is added. */
    public Builder algorithm(String value) {
      String algorithm = DigestCredential.canonicalAlgorithm(value);
      if (!algorithms.add(algorithm)) {
        throw InvalidInputException.of("algorithm", "'%s' was already added", algorithm);
      }
      return this;
    }

    public Builder passwordPolicy(PasswordPolicy value) {
      policy = once(policy, value, "passwordPolicy");
      return this;
    }

    public Builder clock(Clock value) {
      clock = once(clock, value, "clock");
      return this;
    }

    public Builder maxRetries(int value) {
      maxRetries = once(maxRetries, Checks.inRange(value, 0, 1000, "maxRetries"), "maxRetries");
      return this;
    }

    public Extensions build() {
      return new Extensions(this);
    }
  }
}
