package dev.callcenter.server.layeringfixture;

/** Stands in for a class of the example server in {@code LayeringRulesCatchViolationsTest}. */
public final class ServerRoutes {
  private ServerRoutes() {}

  public static ServerRoutes create() {
    return new ServerRoutes();
  }
}
