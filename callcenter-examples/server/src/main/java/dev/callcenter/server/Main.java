package dev.callcenter.server;

import dev.callcenter.core.CallCenterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar callcenter-example-server.jar [flags]}: starts the server (see {@link ServerSettings} for the
 * flags and environment variables).
 *
 * <p>{@code --issue-token ROLE[:SUBJECT]} instead issues a staff token (viewer, agent, supervisor, admin; for an
 * agent the subject is its agent id), prints it once, keeps its hash in the data directory and exits.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    String issue = null;
    int i = rest.indexOf("--issue-token");
    if (i >= 0) {
      if (i + 1 >= rest.size()) {
        fail("--issue-token needs ROLE or ROLE:SUBJECT, e.g. --issue-token agent:agent-sales");
      }
      issue = rest.get(i + 1);
      rest.remove(i + 1);
      rest.remove(i);
    }
    ServerSettings settings;
    try {
      settings = ServerSettings.from(rest.toArray(String[]::new), System.getenv());
    } catch (CallCenterException e) {
      fail(e.getMessage());
      return;
    }
    if (issue != null) {
      int colon = issue.indexOf(':');
      try {
        Role role = Role.parseStaff(colon < 0 ? issue : issue.substring(0, colon));
        String token = TokenStore.open(settings.dataDir().resolve(CallCenterServer.TOKEN_FILE))
            .issue(role, colon < 0 ? null : issue.substring(colon + 1));
        System.out.println(token);
      } catch (CallCenterException e) {
        fail(e.getMessage());
      }
      return;
    }
    CallCenterServer server = CallCenterServer.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "callcenter-server-shutdown"));
  }

  private static void fail(String message) {
    System.err.println("error: " + message);
    System.exit(2);
  }
}
