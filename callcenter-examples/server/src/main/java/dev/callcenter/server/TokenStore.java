package dev.callcenter.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.CallId;
import dev.callcenter.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Bearer tokens, kept only as SHA-256 hashes (tokens are 256 random bits, so a fast hash is enough). Staff tokens
 * live in a file of the data directory, one {@code hash role subject} line each; call-scoped tokens live in memory
 * for {@link #CALL_TOKEN_LIFETIME}.
 */
final class TokenStore {
  static final Duration CALL_TOKEN_LIFETIME = Duration.ofHours(12);
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final @Nullable Path file;
  private final ConcurrentHashMap<String, Principal> staff = new ConcurrentHashMap<>();
  private final Cache<String, Principal> callTokens = Caffeine.newBuilder()
      .expireAfterWrite(CALL_TOKEN_LIFETIME).maximumSize(1_000_000).build();

  private TokenStore(@Nullable Path file) {
    this.file = file;
  }

  /** Tokens kept in {@code file} (created when missing); null keeps them in memory only. */
  static TokenStore open(@Nullable Path file) {
    TokenStore store = new TokenStore(file);
    if (file != null && Files.exists(file)) {
      try {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          int lineNr = i + 1;
          String[] parts = line.split(" ");
          if (parts.length != 3) {
            throw corrupt(file, lineNr, "expected 'hash role subject'");
          }
          Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(parts[1]) && r.isStaff())
              .findFirst().orElseThrow(() -> corrupt(file, lineNr, "unknown role (staff roles are "
                  + Arrays.stream(Role.values()).filter(Role::isStaff).map(Role::name).toList() + ")"));
          String subject = "-".equals(parts[2]) ? null : parts[2];
          store.staff.put(parts[0], new Principal(role, subject, null, parts[0]));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the token file " + file, e);
      }
    }
    return store;
  }

  /** The line itself is not repeated: it holds a token hash. */
  private static CallCenterException corrupt(Path file, int line, String problem) {
    return new CallCenterException("the token file " + file + " is corrupt at line " + line + ": " + problem
        + "; fix or remove that line");
  }

  /** Issues a new staff token, keeps its hash (in the file, if any) and returns the token: the only copy. */
  String issue(Role role, @Nullable String subject) {
    if (!role.isStaff()) {
      throw InvalidInputException.of("role", "must be a staff role, was %s", role);
    }
    if (subject != null && !SUBJECT.matcher(subject).matches()) {
      throw InvalidInputException.of("subject", "must be 1-64 letters, digits or . _ : @ -");
    }
    String token = newToken();
    String hash = hash(token);
    if (file != null) {
      append(hash + " " + role.name() + " " + (subject == null ? "-" : subject));
    }
    staff.put(hash, new Principal(role, subject, null, hash));
    return token;
  }

  /** Accepts {@code token} (given from outside, e.g. by environment) as a staff token, for this process only. */
  void accept(String token, Role role, @Nullable String subject) {
    String hash = hash(token);
    staff.put(hash, new Principal(role, subject, null, hash));
  }

  /** Whether a staff token of {@code role} is kept. */
  boolean hasAny(Role role) {
    return staff.values().stream().anyMatch(p -> p.role() == role);
  }

  /** Issues a token that may drive only {@code callId}'s IVR and transcript. */
  String issueForCall(CallId callId) {
    String token = newToken();
    String hash = hash(token);
    callTokens.put(hash, new Principal(Role.CALLER, null, callId, hash));
    return token;
  }

  Optional<Principal> authenticate(String token) {
    String hash = hash(token);
    Principal p = staff.get(hash);
    return p != null ? Optional.of(p) : Optional.ofNullable(callTokens.getIfPresent(hash));
  }

  private synchronized void append(String line) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file, List.of(line), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the token file " + file, e);
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "cc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new CallCenterException("SHA-256 is missing from this JVM", e);
    }
  }
}
