package dev.callcenter.benchmarks.sip;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.event.EventType;
import dev.callcenter.ivr.IvrFlow;
import dev.callcenter.sip.TelephonyBridge;
import dev.callcenter.sipjain.JainSipTelephony;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The highest call rate with zero failed calls, found by stepping the rate up: SIPp's built-in UAC scenario
 * ({@code sipp -sn uac}: INVITE, 200, ACK, a one-second call, BYE) against two targets on 127.0.0.1 in one run:
 *
 * <ul>
 *   <li>{@code callcenter}: our server-side user agent ({@link JainSipTelephony}, UDP) with the
 *       {@link TelephonyBridge} and the default nine-stage {@link IvrFlow}: every call is answered, its IVR begins
 *       (greeting, language menu, collect timer) and ends at the caller's BYE;
 *   <li>{@code sipp-uas}: SIPp's own UAS ({@code sipp -sn uas}) answering the same scenario, the baseline: a SIP
 *       endpoint that does nothing but answer.
 * </ul>
 *
 * <p>A step places {@code rate × seconds} calls at {@code rate} calls per second; it passes when SIPp reports
 * every call successful and none failed (a call fails after 10 s without an answer). Each target climbs until a
 * step fails or the time budget is spent. Settings (system properties): {@code sip.bench.rates} (default
 * {@code 400,1600,2000,2400,2800,3200,4000}), {@code sip.bench.seconds} per step (default 10), {@code sip.bench.budget}
 * seconds for the whole run (default 170), {@code sip.bench.sipp} (default {@code sipp} on the PATH).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.callcenter.benchmarks.sip.SipCallRateBenchmark
 * </pre>
 */
public final class SipCallRateBenchmark {
  private static final Pattern SUCCESSFUL = Pattern.compile("Successful call\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");
  private static final Pattern FAILED = Pattern.compile("Failed call\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");

  private SipCallRateBenchmark() {}

  /** One step's outcome. */
  record Step(String target, int rate, int calls, int successful, int failed, int exitCode, Duration took) {
    boolean passed() {
      return exitCode == 0 && failed == 0 && successful == calls;
    }
  }

  /** Something that answers SIP on a port until closed. */
  interface Target extends AutoCloseable {
    String name();

    int port();

    /** What the target saw, for the report. */
    default String note() {
      return "";
    }

    /** Waits until the calls of the last step are gone. */
    default void drain() {}

    @Override
    void close();
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String sipp = System.getProperty("sip.bench.sipp", which("sipp"));
    List<Integer> rates = new ArrayList<>();
    for (String r : System.getProperty("sip.bench.rates", "400,1600,2000,2400,2800,3200,4000").split(",")) {
      rates.add(Integer.parseInt(r.strip()));
    }
    int seconds = Integer.getInteger("sip.bench.seconds", 10);
    long budgetNanos = TimeUnit.SECONDS.toNanos(Integer.getInteger("sip.bench.budget", 170));
    long started = System.nanoTime();
    System.out.printf(Locale.ROOT, "sipp -sn uac, %d s per step, rates %s, %d cores, load average %s%n", seconds,
        rates, Runtime.getRuntime().availableProcessors(), loadAverage());

    Map<String, Integer> best = new LinkedHashMap<>();
    Map<String, String> stopped = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>();
    List<Target> targets = List.of(new CallCenterTarget(), new SippUasTarget(sipp));
    // the budget is shared: each target gets half of what is left when it starts
    for (int t = 0; t < targets.size(); t++) {
      try (Target target = targets.get(t)) {
        long left = budgetNanos - (System.nanoTime() - started);
        long deadline = System.nanoTime() + left / (targets.size() - t);
        best.put(target.name(), 0);
        stopped.put(target.name(), "; every rate tried passed, the limit may be higher");
        for (int rate : rates) {
          if (System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 5) > deadline) {
            System.out.printf(Locale.ROOT, "%-10s time budget spent before %d calls/s%n", target.name(), rate);
            stopped.put(target.name(), "; the time budget ran out before " + rate + " calls/s was tried");
            break;
          }
          Step step = run(sipp, target, rate, seconds);
          steps.add(step);
          System.out.printf(Locale.ROOT, "%-10s %5d calls/s: %6d calls, %6d successful, %4d failed, exit %d, %.1f s%s%n",
              step.target(), step.rate(), step.calls(), step.successful(), step.failed(), step.exitCode(),
              step.took().toMillis() / 1000.0, target.note() + (step.passed() ? "" : "  <- failures"));
          if (!step.passed()) {
            stopped.put(target.name(), "; " + rate + " calls/s had failures");
            break;
          }
          best.put(target.name(), rate);
          target.drain();
        }
      }
    }
    System.out.printf(Locale.ROOT, "%nhighest rate with zero failed calls (load average now %s):%n", loadAverage());
    best.forEach((name, rate) -> System.out.printf(Locale.ROOT, "  %-10s %d calls/s%s%n", name, rate,
        stopped.get(name)));
  }

  static Step run(String sipp, Target target, int rate, int seconds) throws IOException, InterruptedException {
    int calls = rate * seconds;
    List<String> command = List.of(sipp, "127.0.0.1:" + target.port(), "-sn", "uac", "-i", "127.0.0.1",
        "-p", String.valueOf(freePort()), "-t", "u1", "-r", String.valueOf(rate), "-m", String.valueOf(calls),
        "-l", String.valueOf(rate * 10), "-d", "1000", "-recv_timeout", "10000", "-nostdin",
        "-timeout", (seconds + 40) + "s", "-timeout_error");
    Path out = Files.createTempFile("sipp-bench", ".log");
    try {
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      int exit;
      if (process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
        exit = process.exitValue();
      } else {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        exit = -1;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String output = Files.readString(out);
      return new Step(target.name(), rate, calls, last(SUCCESSFUL, output), last(FAILED, output), exit, took);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static int last(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    int value = -1;
    while (m.find()) {
      value = Integer.parseInt(m.group(1));
    }
    return value;
  }

  /** Our user agent with the bridge and the default IVR. */
  static final class CallCenterTarget implements Target {
    private final JainSipTelephony sip;
    private final TelephonyBridge bridge;
    private final AtomicInteger begun = new AtomicInteger();

    CallCenterTarget() {
      Clock clock = Clock.systemUTC();
      sip = JainSipTelephony.builder().host("127.0.0.1").port(freePort()).transports("udp").build();
      CallCenter center = CallCenter.builder().clock(clock).callFlow(IvrFlow.defaults(clock)).build();
      center.subscribe(event -> {
        if (event.type() == EventType.CALL_NEW) {
          begun.incrementAndGet();
        }
      });
      bridge = TelephonyBridge.builder().callCenter(center).telephony(sip).build().start();
    }

    @Override
    public String name() {
      return "callcenter";
    }

    @Override
    public int port() {
      return sip.port();
    }

    @Override
    public String note() {
      return ", " + begun.get() + " IVR calls so far";
    }

    @Override
    public void drain() {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!bridge.channels().isEmpty() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    @Override
    public void close() {
      bridge.close();
      sip.close();
    }
  }

  /** SIPp's built-in UAS. */
  static final class SippUasTarget implements Target {
    private final int port = freePort();
    private final Process process;

    SippUasTarget(String sipp) throws IOException, InterruptedException {
      process = new ProcessBuilder(sipp, "-sn", "uas", "-i", "127.0.0.1", "-p", String.valueOf(port), "-t", "u1",
          "-nostdin").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Thread.sleep(500); // SIPp binds its port at start; a call placed before that would be lost and count
      if (!process.isAlive()) {
        throw new IllegalStateException("sipp -sn uas exited with " + process.exitValue());
      }
    }

    @Override
    public String name() {
      return "sipp-uas";
    }

    @Override
    public int port() {
      return port;
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  static int freePort() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free UDP port", e);
    }
  }

  private static String which(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(tool + " is not installed (Debian: apt-get install -y sip-tester)");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
