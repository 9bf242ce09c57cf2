package dev.callcenter.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.core.AlreadyExistsException;
import dev.callcenter.core.Call;
import dev.callcenter.core.CallCenter;
import dev.callcenter.core.CallCenterException;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallStatus;
import dev.callcenter.core.Department;
import dev.callcenter.core.acd.Acd;
import dev.callcenter.core.acd.QueueConfig;
import dev.callcenter.core.acd.WaitEstimator;
import dev.callcenter.core.IllegalTransitionException;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.NotFoundException;
import dev.callcenter.core.VersionConflictException;
import dev.callcenter.core.store.CallQuery;
import dev.callcenter.core.store.Page;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.CrmService;
import dev.callcenter.crm.SlaPolicy;
import dev.callcenter.ivr.CallPolicy;
import dev.callcenter.ivr.CustomerLookup;
import dev.callcenter.ivr.FlowDefinition;
import dev.callcenter.ivr.IntentClassifier;
import dev.callcenter.ivr.IvrFlow;
import dev.callcenter.ivr.PinVerifier;
import dev.callcenter.ivr.QueueOutlook;
import dev.callcenter.nats.NatsEventPublisher;
import dev.callcenter.sip.DigestCredentialSource;
import dev.callcenter.sip.TelephonyBridge;
import dev.callcenter.sipjain.JainSipTelephony;
import dev.callcenter.rules.KeywordRouter;
import dev.callcenter.rules.RuleEngine;
import dev.callcenter.sip.extension.Extensions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example server: a {@link CallCenter} behind a REST and WebSocket API.
 *
 * <pre>{@code
 * try (CallCenterServer server = CallCenterServer.start(ServerSettings.defaults(Path.of("data")))) {
 *   System.out.println("listening on " + server.port());
 * }
 * }</pre>
 *
 * <p>Every endpoint needs a bearer token with a role (admin, supervisor, agent, viewer), except {@code /health},
 * {@code /openapi.json} and {@code POST /api/calls}, which answers a token for that one call.
 */
public final class CallCenterServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallCenterServer.class);
  static final String TOKEN_FILE = "tokens";
  private static final String PROBLEM_WRITTEN = "callcenter.problem";
  /** How often the ACD's timers (offer timeouts, wrap-up, routing steps) are looked at. */
  static final java.time.Duration ACD_TICK = java.time.Duration.ofMillis(250);

  private final ServerSettings settings;
  private final Storage storage;
  private final ExecutorService executor;
  private final @Nullable NatsEventPublisher bus;
  private final CallCenter center;
  private final ScheduledExecutorService timers;
  private final Acd acd;
  private final CrmService crm;
  private final TokenStore tokens;
  private final List<Route> routes;
  private final @Nullable JainSipTelephony sip;
  private final @Nullable TelephonyBridge bridge;
  private final Javalin app;
  private final List<EventStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();

  private CallCenterServer(ServerSettings settings, PrintStream console) {
    this.settings = settings;
    createDirectories(settings.dataDir());
    this.storage = Storage.open(settings.dbUrl());
    // what start-up opened, closed in reverse order when a later step fails (a busy port, a bad rules file)
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    opened.push(storage::close);
    this.executor = Executors.newCachedThreadPool(daemonThreads("callcenter-server-"));
    opened.push(executor::shutdownNow);
    try {
      LateCallFlow flow = new LateCallFlow();
      CallCenter.Builder builder = CallCenter.builder()
          .callStore(storage.calls())
          .agentStore(storage.agents())
          .callRecordStore(storage.callRecords())
          .eventLog(storage.eventLog())
          .executor(executor)
          .callFlow(flow);
      this.bus = settings.natsUrl() == null ? null
          : NatsEventPublisher.builder().url(settings.natsUrl()).eventLog(storage.eventLog()).build();
      if (bus != null) { // every server on the same database sees every server's events, in log order
        opened.push(bus::close);
        builder.events(bus);
      }
      if (settings.defaultRegion() != null) {
        builder.defaultRegion(settings.defaultRegion());
      }
      this.center = builder.build();
      SlaPolicy sla = SlaPolicy.defaults();
      CrmService.Builder crmBuilder = CrmService.builder(center).customerStore(storage.customers())
          .ticketStore(storage.tickets()).transcriptStore(storage.transcripts()).sla(sla);
      if (settings.defaultRegion() != null) {
        crmBuilder.defaultRegion(settings.defaultRegion());
      }
      this.crm = crmBuilder.build();
      opened.push(crm::close);
      Extensions extensions = Extensions.builder().extensionStore(storage.extensions()).userStore(storage.users())
          .clock(center.clock()).build();
      RuleEngine rules = RulesApi.load(settings.dataDir(), center.clock());
      KeywordRouter router = KeywordRouter.defaults();
      this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("callcenter-acd-timers-"));
      opened.push(timers::shutdownNow);
      // one node alone on its database takes over the calls its previous run left; several nodes on one database
      // each run their own ACD, and a starting node must not take the calls another node is handling
      boolean alone = bus == null;
      if (alone) {
        failLostTelephonyCalls(center);
      }
      WaitEstimator estimator = WaitEstimator.movingAverage();
      Acd.Builder acdBuilder = Acd.builder(center).waitEstimator(estimator).scheduler(timers, ACD_TICK)
          .recoverFromStore(alone);
      for (Department department : List.of(Department.RECEPTION, Department.SALES, Department.COMPLAINTS)) {
        acdBuilder.queue(QueueConfig.builder(department).wrapUp(settings.wrapUp()).build());
      }
      this.acd = acdBuilder.build(); // the IVR's queued calls go to the ACD from now on
      opened.push(acd::close);
      flow.set(IvrFlow.builder()
          .clock(center.clock())
          .customers(CustomerLookup.fromCrm(crm))
          .pins(PinVerifier.fromCrm(crm))
          .classifier(IntentClassifier.fromRouter(router))
          .policy(CallPolicy.from(FlowDefinition.defaults()).and(CallPolicy.fromRules(rules)))
          .queueOutlook(outlook(acd, estimator))
          .build());
      this.tokens = TokenStore.open(settings.dataDir().resolve(TOKEN_FILE));
      setUpAdminToken(console);
      if (settings.sampleData()) {
        SampleData.loadIfEmpty(center, crm, extensions);
      }
      ServerSettings.Sip sipSettings = settings.sip();
      if (sipSettings == null) {
        this.sip = null;
        this.bridge = null;
      } else { // SIP callers walk the same IVR; the registrar knows the extensions by their HA1 values only
        JainSipTelephony.Builder sipBuilder = JainSipTelephony.builder().host(sipSettings.host())
            .port(sipSettings.port()).realm(ServerSettings.SIP_REALM)
            .credentials(DigestCredentialSource.of(storage.extensions()))
            .digestAlgorithms(sipSettings.digestAlgorithms().toArray(String[]::new))
            .ringing(sipSettings.ringing()).referTransfers(sipSettings.referTransfers());
        if (sipSettings.promptAudio() != null) {
          sipBuilder.promptAudio(sipSettings.promptAudio());
        }
        this.sip = sipBuilder.build();
        opened.push(sip::close);
        this.bridge = TelephonyBridge.builder().callCenter(center).telephony(sip).executor(executor).build().start();
        opened.push(bridge::close);
      }
      ObjectMapper mapper = ServerJson.mapper();
      Api api = new Api(center, acd, crm, extensions, rules, router, tokens, new Bodies(mapper, settings.maxBodyBytes()),
          storage, settings);
      List<Route> table = new ArrayList<>();
      this.routes = table;
      endpoints(api, mapper, table, sla).forEach(e -> {
        Route.Table t = new Route.Table();
        e.addTo(t);
        table.addAll(t.routes());
      });
      RateLimiter limiter = new RateLimiter(settings.rateLimit(), settings.rateLimitPerSecond());
      this.app = Javalin.create(config -> {
        config.showJavalinBanner = false;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.useVirtualThreads = false;
        config.staticFiles.add(files -> {
          files.hostedPath = "/";
          files.directory = "/dev/callcenter/server/web";
          files.location = Location.CLASSPATH;
          files.headers = Map.of(
              "Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'",
              "X-Content-Type-Options", "nosniff",
              "Referrer-Policy", "no-referrer");
        });
        config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.status().getCode(),
            Math.round(ms)));
        if (!settings.corsOrigins().isEmpty()) {
          config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (settings.corsOrigins().contains("*")) {
              rule.anyHost();
            } else {
              settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
            }
            rule.exposeHeader("Location");
            rule.exposeHeader("ETag");
          }));
        }
      });
      app.beforeMatched(ctx -> authorize(ctx, api, limiter));
      for (Route route : routes) {
        app.addHttpHandler(route.method(), route.path(), route.handler(), roles(route));
      }
      app.wsBeforeUpgrade("/ws/updates", ctx -> {
        Principal p = authenticate(ctx, ctx.queryParam("access_token"));
        if (!p.role().covers(Role.VIEWER)) {
          throw HttpProblem.forbidden("the event stream needs role viewer or higher");
        }
        limiter.acquire(p.tokenHash());
        String after = ctx.queryParam("after");
        if (after != null) {
          afterSequence(after);
        }
      });
      app.ws("/ws/updates", ws -> {
        ws.onConnect(ctx -> {
          ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
          EventStream stream = new EventStream(ctx, executor);
          ctx.attribute("stream", stream);
          streams.add(stream);
          String after = ctx.queryParam("after");
          stream.start(center, after == null ? null : afterSequence(after));
        });
        ws.onClose(ctx -> closeStream(ctx.attribute("stream")));
        ws.onError(ctx -> closeStream(ctx.attribute("stream")));
      });
      app.exception(Exception.class, (e, ctx) -> problem(ctx, e, mapper));
      app.error(404, ctx -> {
        if (ctx.attribute(PROBLEM_WRITTEN) == null) {
          problem(ctx, NotFoundException.of("endpoint", ctx.method() + " " + ctx.path()), mapper);
        }
      });
      opened.push(app::stop);
      app.start(settings.port());
    } catch (RuntimeException | Error e) {
      closeAll(opened, e);
      throw e;
    }
    LOG.info("call-center server listening on port {} ({})", app.port(), settings);
  }

  private static void closeAll(Deque<AutoCloseable> opened, Throwable cause) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        cause.addSuppressed(e);
      }
    }
  }

  /**
   * Ends FAILED ({@code call:ended}) the calls a telephony line carried that are still active: the line went with
   * the process before, so the ACD must not offer them again and they must not stay active. Calls made through the
   * API have no line to lose; the ACD recovers them.
   */
  private static void failLostTelephonyCalls(CallCenter center) {
    CallQuery active = CallQuery.withStatus(Arrays.stream(CallStatus.values()).filter(s -> !s.isFinal())
        .toArray(CallStatus[]::new));
    List<CallId> lost = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    Page<Call> slice;
    do { // read all first: failing a call while paging would shift the pages
      slice = center.listCalls(active, page);
      for (Call call : slice.items()) {
        if (TelephonyBridge.CALL_SOURCE.equals(call.metadata().source())) {
          lost.add(call.id());
        }
      }
      page = page.next();
    } while (slice.hasNext() && !slice.items().isEmpty());
    for (CallId id : lost) {
      try {
        center.changeStatus(id, CallStatus.FAILED);
      } catch (IllegalTransitionException e) {
        LOG.debug("telephony call {} ended meanwhile", id);
      }
    }
    if (!lost.isEmpty()) {
      LOG.warn("ended {} telephony calls FAILED: their lines were lost when the server stopped", lost.size());
    }
  }

  /** The IVR announces the place a call will take in the ACD's queue and the wait the ACD estimates for it. */
  private static QueueOutlook outlook(Acd acd, WaitEstimator estimator) {
    return (department, priority) -> {
      int position = acd.waiting(department).size() + 1;
      return Optional.of(new QueueOutlook.Estimate(position, estimator.estimate(acd.snapshot(department), position)));
    };
  }

  /** Starts a server; it runs until {@link #close()}. */
  public static CallCenterServer start(ServerSettings settings) {
    return new CallCenterServer(settings, System.out);
  }

  static CallCenterServer start(ServerSettings settings, PrintStream console) {
    return new CallCenterServer(settings, console);
  }

  /**
   * The groups of endpoints, one per module of the SDK: the single place where a module's API is plugged in. The
   * OpenAPI document is made from the same table.
   */
  private List<Api.Endpoints> endpoints(Api api, ObjectMapper mapper, List<Route> table, SlaPolicy sla) {
    return List.of(
        new SystemApi(api, () -> List.copyOf(table), modules()),
        new CallsApi(api),
        new AgentsApi(api),
        new CrmApi(api, sla),
        new ExtensionsApi(api),
        new CallHistoryApi(api, mapper),
        new AnalyticsApi(api),
        new RulesApi(api));
  }

  /** The SDK modules this server exposes (SIP and the NATS event bus when they are on). */
  private List<String> modules() {
    List<String> modules = new ArrayList<>(List.of("core", "ivr", "acd", "crm", "sip-extensions", "rules", "jdbc"));
    if (sip != null) {
      modules.add("sip-jain");
    }
    if (bus != null) {
      modules.add("event-bus-nats");
    }
    return List.copyOf(modules);
  }

  public int port() {
    return app.port();
  }

  /** The SIP port, when SIP is on. */
  public Optional<Integer> sipPort() {
    return sip == null ? Optional.empty() : Optional.of(sip.port());
  }

  public CallCenter callCenter() {
    return center;
  }

  /** The automatic call distributor that offers queued calls to the agents. */
  public Acd acd() {
    return acd;
  }

  public ServerSettings settings() {
    return settings;
  }

  TokenStore tokens() {
    return tokens;
  }

  List<Route> routes() {
    return routes;
  }

  @Override
  public void close() {
    app.stop();
    if (bridge != null) {
      bridge.close();
    }
    if (sip != null) {
      sip.close();
    }
    acd.close();
    timers.shutdownNow();
    streams.forEach(EventStream::close);
    crm.close();
    if (bus != null) {
      bus.close();
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      storage.close();
    } catch (RuntimeException e) {
      LOG.warn("closing the storage failed", e);
    }
  }

  // ---- security ------------------------------------------------------------------------------------------

  private void setUpAdminToken(PrintStream console) {
    if (settings.adminToken() != null) {
      tokens.accept(settings.adminToken(), Role.ADMIN, "admin");
    } else if (!tokens.hasAny(Role.ADMIN)) {
      String token = tokens.issue(Role.ADMIN, "admin");
      console.println("Admin token (shown only this once; kept hashed in "
          + settings.dataDir().resolve(TOKEN_FILE) + "): " + token);
    }
  }

  private static RouteRole[] roles(Route route) {
    return route.callScoped() ? new RouteRole[] {route.role(), Role.CALLER} : new RouteRole[] {route.role()};
  }

  private void authorize(Context ctx, Api api, RateLimiter limiter) {
    if (ctx.method() == HandlerType.OPTIONS || ctx.method() == HandlerType.HEAD) {
      return;
    }
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) {
      return; // not an API route (every route of the table has a role): the static web page
    }
    if (roles.contains(Role.ANYONE)) {
      limiter.acquire("ip:" + ctx.ip());
      return;
    }
    Principal p = authenticate(ctx, null);
    limiter.acquire(p.tokenHash());
    Role required = roles.stream().map(Role.class::cast).filter(Role::isStaff).findFirst().orElse(Role.ADMIN);
    if (p.role() == Role.CALLER) {
      CallId callId = p.callId();
      String pathId = ctx.pathParamMap().getOrDefault("id", ctx.pathParamMap().get("callId"));
      if (!roles.contains(Role.CALLER) || callId == null || !callId.value().equals(pathId)) {
        throw HttpProblem.forbidden("a call token may drive only its own call's IVR and transcript");
      }
    } else if (!p.role().covers(required)) {
      throw HttpProblem.forbidden("this needs role " + required.name().toLowerCase(Locale.ROOT) + " or higher; the "
          + "token has role " + p.role().name().toLowerCase(Locale.ROOT));
    }
    ctx.attribute(Api.PRINCIPAL, p);
  }

  private Principal authenticate(Context ctx, @Nullable String fallbackToken) {
    String header = ctx.header("Authorization");
    String token;
    if (header != null && !header.isBlank()) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
        throw HttpProblem.unauthorized("the Authorization header must be 'Bearer <token>'");
      }
      token = header.substring(7).strip();
    } else if (fallbackToken != null && !fallbackToken.isBlank()) {
      token = fallbackToken.strip();
    } else {
      throw HttpProblem.unauthorized("a bearer token is required");
    }
    return tokens.authenticate(token).orElseThrow(() -> HttpProblem.unauthorized("unknown or expired token"));
  }

  private static long afterSequence(String value) {
    try {
      long after = Long.parseLong(value.strip());
      if (after < 0) {
        throw InvalidInputException.of("after", "must not be negative, was %d", after);
      }
      return after;
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("after", "must be a sequence number, was '%s'", value);
    }
  }

  private void closeStream(@Nullable EventStream stream) {
    if (stream != null) {
      stream.close();
      streams.remove(stream);
    }
  }

  // ---- errors --------------------------------------------------------------------------------------------

  private static void problem(Context ctx, Exception e, ObjectMapper mapper) {
    Problem problem;
    if (e instanceof HttpProblem hp) {
      hp.headers().forEach(ctx::header);
      problem = Problem.of(hp.status(), hp.title(), hp.getMessage(), ctx.path(), hp.errors());
    } else if (e instanceof InvalidInputException ie) {
      problem = Problem.of(400, "Bad Request", ie.getMessage(), ctx.path(), ie.violations());
    } else if (e instanceof NotFoundException nf) {
      problem = Problem.of(404, "Not Found", nf.getMessage(), ctx.path(), List.of());
    } else if (e instanceof VersionConflictException || e instanceof IllegalTransitionException
        || e instanceof AlreadyExistsException) {
      problem = Problem.of(409, "Conflict", e.getMessage(), ctx.path(), List.of());
    } else if (e instanceof HttpResponseException hre) {
      int status = hre.getStatus();
      String title = io.javalin.http.HttpStatus.forStatus(status).getMessage();
      problem = Problem.of(status, title, status == 404 ? "no endpoint " + ctx.method() + " " + ctx.path()
          : hre.getMessage(), ctx.path(), List.of());
    } else {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      problem = Problem.of(500, "Internal Server Error", e instanceof CallCenterException
          ? "the server could not complete the request" : "unexpected error", ctx.path(), List.of());
    }
    try {
      ctx.attribute(PROBLEM_WRITTEN, Boolean.TRUE);
      ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(mapper.writeValueAsString(problem));
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
  }

  // ---- plumbing ------------------------------------------------------------------------------------------

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
