package dev.callcenter.core.acd;

/** The Erlang C formula, computed through the numerically stable Erlang B recursion. */
final class ErlangC {
  private ErlangC() {}

  /**
   * The probability that an arriving call has to wait, with {@code agents} servers and an offered load of
   * {@code load} erlangs ({@code load < agents}).
   */
  static double probabilityOfWaiting(int agents, double load) {
    double b = 1.0; // Erlang B with 0 servers
    for (int k = 1; k <= agents; k++) {
      b = load * b / (k + load * b);
    }
    return agents * b / (agents - load * (1 - b));
  }
}
