package dev.callcenter.server;

import dev.callcenter.core.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the server runs. Each setting comes from a command-line flag, else an environment variable, else its
 * default:
 *
 * <pre>
 * --port             CALLCENTER_HTTP_PORT                 8080 (0 picks a free port)
 * --db-url           CALLCENTER_DB_URL                    jdbc:h2:file:&lt;data dir&gt;/callcenter ("memory" keeps all in memory)
 * --data-dir         CALLCENTER_DATA_DIR                  ./data
 * --admin-token      CALLCENTER_ADMIN_TOKEN               generated on first start, printed once, kept hashed
 * --cors-origins     CALLCENTER_CORS_ORIGINS              none (comma-separated origins, or *)
 * --max-body-bytes   CALLCENTER_MAX_BODY_BYTES            65536
 * --rate-limit       CALLCENTER_RATE_LIMIT                100 requests burst per token (or per address without one)
 * --rate-limit-per-second CALLCENTER_RATE_LIMIT_PER_SECOND 20
 * --region           CALLCENTER_DEFAULT_REGION            none (phone numbers need a country code)
 * --sample-data      CALLCENTER_SAMPLE_DATA               true on H2 or memory, else false (sample data, first start)
 * --wrap-up-seconds  CALLCENTER_WRAP_UP_SECONDS           0 (after-call work before the ACD offers the agent a call)
 * --nats-url         CALLCENTER_NATS_URL                  none: events in process; nats://host:4222 shares them
 *                                                         with every server on the same database
 * --sip-port         CALLCENTER_SIP_PORT                  5060 (UDP and TCP); off: no SIP
 * --sip-host         CALLCENTER_SIP_HOST                  127.0.0.1 (the address SIP listens on and announces)
 * --sip-digest-algorithms CALLCENTER_SIP_DIGEST_ALGORITHMS SHA-256,MD5 (MD5 first for phones that answer only it)
 * --sip-ringing      CALLCENTER_SIP_RINGING               0: answer at once; 500ms, 2s or PT1.5S (up to 60 s): how long
 *                                                         a SIP call rings (180 Ringing) before the IVR answers
 * --sip-prompt-audio CALLCENTER_SIP_PROMPT_AUDIO          none: prompts reported as played; a directory: the G.711
 *                                                         WAV files the prompt catalogue names, streamed as RTP
 * --sip-refer        CALLCENTER_SIP_REFER                 false: transfers back to back; true: by REFER to callers
 *                                                         that allow it (the call is then handed off, untracked)
 * </pre>
 *
 * <p>A flag no setting reads is refused, and so is a true/false setting given anything but {@code true} or
 * {@code false} (any letter case).
 */
public record ServerSettings(
    int port,
    String dbUrl,
    Path dataDir,
    @Nullable String adminToken,
    List<String> corsOrigins,
    long maxBodyBytes,
    int rateLimit,
    double rateLimitPerSecond,
    @Nullable String defaultRegion,
    boolean sampleData,
    Duration wrapUp,
    @Nullable String natsUrl,
    @Nullable Sip sip) {

  /**
   * Where the server listens for SIP (UDP and TCP), the digest algorithms its registrar offers, in order, how long
   * an incoming call rings before it is answered (zero: at once; up to {@link #MAX_SIP_RINGING}), the directory of
   * G.711 WAV prompt recordings streamed to callers (none: prompts are reported as played), and whether transfers
   * use REFER with callers that support it. Extensions authenticate with the HA1 values kept for the realm
   * {@value #SIP_REALM}.
   */
  public record Sip(String host, int port, List<String> digestAlgorithms, Duration ringing,
      @Nullable Path promptAudio, boolean referTransfers) {
    /** SIP answering at once. */
    public Sip(String host, int port, List<String> digestAlgorithms) {
      this(host, port, digestAlgorithms, Duration.ZERO);
    }

    /** SIP without prompt recordings or REFER. */
    public Sip(String host, int port, List<String> digestAlgorithms, Duration ringing) {
      this(host, port, digestAlgorithms, ringing, null, false);
    }

    public Sip withPromptAudio(@Nullable Path value) {
      return new Sip(host, port, digestAlgorithms, ringing, value, referTransfers);
    }

    public Sip withReferTransfers(boolean value) {
      return new Sip(host, port, digestAlgorithms, ringing, promptAudio, value);
    }

    public Sip {
      if (host == null || host.isBlank()) {
        throw InvalidInputException.of("sipHost", "must not be blank");
      }
      if (port < 1 || port > 65535) {
        throw InvalidInputException.of("sipPort", "must be 1-65535 or off, was %d", port);
      }
      digestAlgorithms = List.copyOf(digestAlgorithms);
      if (digestAlgorithms.isEmpty()
          || !digestAlgorithms.stream().allMatch(a -> a.equals("MD5") || a.equals("SHA-256"))) {
        throw InvalidInputException.of("sipDigestAlgorithms", "must be MD5 and/or SHA-256, was %s", digestAlgorithms);
      }
      if (ringing == null || ringing.isNegative() || ringing.compareTo(MAX_SIP_RINGING) > 0) {
        throw InvalidInputException.of("sipRinging", "must be 0 to 60 seconds, was %s", ringing);
      }
    }
  }

  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final int DEFAULT_RATE_LIMIT = 100;
  public static final double DEFAULT_RATE_LIMIT_PER_SECOND = 20;
  /** The database URL that keeps everything in memory (nothing survives a restart). */
  public static final String IN_MEMORY = "memory";
  public static final int DEFAULT_SIP_PORT = 5060;
  /** The longest a SIP call may ring before it is answered. */
  public static final Duration MAX_SIP_RINGING = Duration.ofSeconds(60);
  /** The digest realm of the SIP registrar; the extensions' credentials are computed for it. */
  public static final String SIP_REALM = dev.callcenter.sip.extension.Extensions.Builder.DEFAULT_REALM;
  private static final Logger LOG = LoggerFactory.getLogger(ServerSettings.class);

  public ServerSettings {
    if (port < 0 || port > 65535) {
      throw InvalidInputException.of("port", "must be 0-65535, was %d", port);
    }
    if (dbUrl == null || dbUrl.isBlank()) {
      throw InvalidInputException.of("dbUrl", "must not be blank");
    }
    if (dataDir == null) {
      throw InvalidInputException.of("dataDir", "must not be null");
    }
    if (adminToken != null && adminToken.length() < 16) {
      throw InvalidInputException.of("adminToken", "must be at least 16 characters");
    }
    corsOrigins = List.copyOf(corsOrigins);
    if (maxBodyBytes < 1024 || maxBodyBytes > 64L * 1024 * 1024) {
      throw InvalidInputException.of("maxBodyBytes", "must be 1024 to 67108864, was %d", maxBodyBytes);
    }
    if (rateLimit < 1) {
      throw InvalidInputException.of("rateLimit", "must be at least 1, was %d", rateLimit);
    }
    if (wrapUp == null || wrapUp.isNegative() || wrapUp.compareTo(Duration.ofHours(1)) > 0) {
      throw InvalidInputException.of("wrapUp", "must be 0 to 3600 seconds, was %s", wrapUp);
    }
    if (natsUrl != null && !natsUrl.matches("(?i)(nats|tls|ws|wss)://\\S+")) {
      throw InvalidInputException.of("natsUrl", "must be a NATS URL such as nats://127.0.0.1:4222");
    }
    if (natsUrl != null && dbUrl.equals(IN_MEMORY)) {
      throw InvalidInputException.of("natsUrl", "needs a database the servers share (dbUrl), not %s", IN_MEMORY);
    }
    if (!(rateLimitPerSecond > 0)) {
      throw InvalidInputException.of("rateLimitPerSecond", "must be positive, was %s", rateLimitPerSecond);
    }
  }

  /** Settings from flags ({@code --port 9090} or {@code --port=9090}), then environment, then defaults. */
  public static ServerSettings from(String[] args, Map<String, String> env) {
    Map<String, String> flags = Flags.parse(args);
    Path dataDir = Path.of(pick(flags, env, "data-dir", "CALLCENTER_DATA_DIR", "./data"));
    String dbUrl = pick(flags, env, "db-url", "CALLCENTER_DB_URL",
        "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("callcenter"));
    String cors = pick(flags, env, "cors-origins", "CALLCENTER_CORS_ORIGINS", "");
    if (flags.get("admin-token") != null) {
      LOG.warn("--admin-token on the command line can be read by other users of this machine (process list, "
          + "shell history); set the CALLCENTER_ADMIN_TOKEN environment variable instead");
    }
    ServerSettings settings = new ServerSettings(
        integer(pick(flags, env, "port", "CALLCENTER_HTTP_PORT", Integer.toString(DEFAULT_PORT)), "port"),
        dbUrl,
        dataDir,
        blankToNull(pick(flags, env, "admin-token", "CALLCENTER_ADMIN_TOKEN", "")),
        Arrays.stream(cors.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
        integer(pick(flags, env, "max-body-bytes", "CALLCENTER_MAX_BODY_BYTES",
            Long.toString(DEFAULT_MAX_BODY_BYTES)), "maxBodyBytes"),
        integer(pick(flags, env, "rate-limit", "CALLCENTER_RATE_LIMIT", Integer.toString(DEFAULT_RATE_LIMIT)),
            "rateLimit"),
        decimal(pick(flags, env, "rate-limit-per-second", "CALLCENTER_RATE_LIMIT_PER_SECOND",
            Double.toString(DEFAULT_RATE_LIMIT_PER_SECOND)), "rateLimitPerSecond"),
        blankToNull(pick(flags, env, "region", "CALLCENTER_DEFAULT_REGION", "")),
        bool(pick(flags, env, "sample-data", "CALLCENTER_SAMPLE_DATA", Boolean.toString(isEmbedded(dbUrl))),
            "sampleData", "--sample-data", "CALLCENTER_SAMPLE_DATA"),
        Duration.ofSeconds(integer(pick(flags, env, "wrap-up-seconds", "CALLCENTER_WRAP_UP_SECONDS", "0"),
            "wrapUp")),
        blankToNull(pick(flags, env, "nats-url", "CALLCENTER_NATS_URL", "")),
        sip(pick(flags, env, "sip-port", "CALLCENTER_SIP_PORT", Integer.toString(DEFAULT_SIP_PORT)),
            pick(flags, env, "sip-host", "CALLCENTER_SIP_HOST", "127.0.0.1"),
            pick(flags, env, "sip-digest-algorithms", "CALLCENTER_SIP_DIGEST_ALGORITHMS", "SHA-256,MD5"),
            pick(flags, env, "sip-ringing", "CALLCENTER_SIP_RINGING", "0"),
            pick(flags, env, "sip-prompt-audio", "CALLCENTER_SIP_PROMPT_AUDIO", ""),
            pick(flags, env, "sip-refer", "CALLCENTER_SIP_REFER", "false")));
    Flags.rejectUnread(flags);
    return settings;
  }

  /** Whether {@code dbUrl} is in memory or H2, where sample data is loaded unless told otherwise. */
  static boolean isEmbedded(String dbUrl) {
    return IN_MEMORY.equals(dbUrl) || dbUrl.startsWith("jdbc:h2:");
  }

  /** Defaults for a server in {@code dataDir}: port 8080, H2 in the data directory. */
  public static ServerSettings defaults(Path dataDir) {
    return from(new String[] {"--data-dir", dataDir.toString()}, Map.of());
  }

  public ServerSettings withPort(int value) {
    return new ServerSettings(value, dbUrl, dataDir, adminToken, corsOrigins, maxBodyBytes, rateLimit,
        rateLimitPerSecond, defaultRegion, sampleData, wrapUp, natsUrl, sip);
  }

  public ServerSettings withDbUrl(String value) {
    return new ServerSettings(port, value, dataDir, adminToken, corsOrigins, maxBodyBytes, rateLimit,
        rateLimitPerSecond, defaultRegion, sampleData, wrapUp, natsUrl, sip);
  }

  public ServerSettings withAdminToken(@Nullable String value) {
    return new ServerSettings(port, dbUrl, dataDir, value, corsOrigins, maxBodyBytes, rateLimit,
        rateLimitPerSecond, defaultRegion, sampleData, wrapUp, natsUrl, sip);
  }

  public ServerSettings withCorsOrigins(List<String> value) {
    return new ServerSettings(port, dbUrl, dataDir, adminToken, value, maxBodyBytes, rateLimit,
        rateLimitPerSecond, defaultRegion, sampleData, wrapUp, natsUrl, sip);
  }

  public ServerSettings withMaxBodyBytes(long value) {
    return new ServerSettings(port, dbUrl, dataDir, adminToken, corsOrigins, value, rateLimit,
        rateLimitPerSecond, defaultRegion, sampleData, wrapUp, natsUrl, sip);
  }

  public ServerSettings withWrapUp(Duration value) {
    return new ServerSettings(port, dbUrl, dataDir, adminToken, corsOrigins, maxBodyBytes, rateLimit,
        rateLimitPerSecond, defaultRegion, sampleData, value, natsUrl, sip);
  }

  public ServerSettings withNatsUrl(@Nullable String value) {
    return new ServerSettings(port, dbUrl, dataDir, adminToken, corsOrigins, maxBodyBytes, rateLimit,
        rateLimitPerSecond, defaultRegion, sampleData, wrapUp, value, sip);
  }

  /** SIP on {@code value}, or none. */
  public ServerSettings withSip(@Nullable Sip value) {
    return new ServerSettings(port, dbUrl, dataDir, adminToken, corsOrigins, maxBodyBytes, rateLimit,
        rateLimitPerSecond, defaultRegion, sampleData, wrapUp, natsUrl, value);
  }

  public ServerSettings withRateLimit(int burst, double perSecond) {
    return new ServerSettings(port, dbUrl, dataDir, adminToken, corsOrigins, maxBodyBytes, burst, perSecond,
        defaultRegion, sampleData, wrapUp, natsUrl, sip);
  }

  /** The settings with the admin token and any password in the database URL masked. */
  @Override
  public String toString() {
    return "ServerSettings[port=" + port + ", dbUrl=" + Storage.redact(dbUrl) + ", dataDir=" + dataDir
        + ", adminToken=" + (adminToken == null ? "(generated)" : "(set)") + ", corsOrigins=" + corsOrigins
        + ", maxBodyBytes=" + maxBodyBytes + ", rateLimit=" + rateLimit + "/" + rateLimitPerSecond + "s"
        + ", defaultRegion=" + defaultRegion + ", sampleData=" + sampleData + ", wrapUp=" + wrapUp
        + ", natsUrl=" + (natsUrl == null ? "(in process)" : Storage.redact(natsUrl))
        + ", sip=" + (sip == null ? "off" : sip.host() + ":" + sip.port() + " " + sip.digestAlgorithms()
            + (sip.ringing().isZero() ? "" : " ringing " + sip.ringing())
            + (sip.promptAudio() == null ? "" : " prompt audio " + sip.promptAudio())
            + (sip.referTransfers() ? " REFER" : "")) + "]";
  }

  private static String pick(Map<String, String> flags, Map<String, String> env, String flag, String variable,
      String fallback) {
    String value = flags.get(flag);
    if (value == null) {
      value = env.get(variable);
    }
    return value == null ? fallback : value;
  }

  private static @Nullable Sip sip(String port, String host, String algorithms, String ringing, String promptAudio,
      String refer) {
    boolean referTransfers = bool(refer, "sipRefer", "--sip-refer", "CALLCENTER_SIP_REFER");
    if (port.strip().equalsIgnoreCase("off")) {
      return null;
    }
    List<String> list = Arrays.stream(algorithms.split(",")).map(a -> a.strip().toUpperCase(java.util.Locale.ROOT))
        .filter(a -> !a.isEmpty()).toList();
    String audio = promptAudio.strip();
    if (!audio.isEmpty() && !java.nio.file.Files.isDirectory(Path.of(audio))) {
      throw InvalidInputException.of("sipPromptAudio",
          "must be an existing directory (--sip-prompt-audio or CALLCENTER_SIP_PROMPT_AUDIO), was '%s'", audio);
    }
    return new Sip(host.strip(), integer(port, "sipPort"), list, duration(ringing, "sipRinging", "--sip-ringing",
        "CALLCENTER_SIP_RINGING"), audio.isEmpty() ? null : Path.of(audio), referTransfers);
  }

  /**
   * {@code 0}, whole milliseconds or seconds ({@code 500ms}, {@code 2s}), or ISO-8601 ({@code PT1.5S}); a number
   * without a unit other than 0 is refused rather than guessed.
   */
  private static Duration duration(String value, String field, String flag, String variable) {
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher unit = java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s)").matcher(v);
    if (v.equals("0")) {
      return Duration.ZERO;
    } else if (unit.matches()) {
      long amount = Long.parseLong(unit.group(1));
      return unit.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    } else if (v.startsWith("pt")) {
      try {
        return Duration.parse(v);
      } catch (java.time.format.DateTimeParseException e) {
        // refused below, with the forms that are understood
      }
    }
    throw InvalidInputException.of(field, "must be a duration such as 0, 500ms, 2s or PT1.5S (%s or %s), was '%s'",
        flag, variable, value);
  }

  private static int integer(String value, String field) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "must be a whole number, was '%s'", value);
    }
  }

  private static boolean bool(String value, String field, String flag, String variable) {
    String v = value.strip();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw InvalidInputException.of(field, "must be true or false (%s or %s), was '%s'", flag, variable, value);
  }

  private static double decimal(String value, String field) {
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "must be a number, was '%s'", value);
    }
  }

  private static @Nullable String blankToNull(String s) {
    return s.isBlank() ? null : s.strip();
  }
}
