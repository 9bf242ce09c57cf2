package dev.callcenter.ivr.layeringfixture;

import dev.callcenter.server.layeringfixture.ServerRoutes;

/** A deliberate layering violation (ivr using the example server), for {@code LayeringRulesCatchViolationsTest}. */
public final class ReachesIntoServer {
  private ReachesIntoServer() {}

  public static ServerRoutes routes() {
    return ServerRoutes.create();
  }
}
