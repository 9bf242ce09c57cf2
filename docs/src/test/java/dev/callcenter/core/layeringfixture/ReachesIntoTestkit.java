package dev.callcenter.core.layeringfixture;

import dev.callcenter.testkit.MutableClock;

/** A deliberate layering violation (core using the testkit), for {@code LayeringRulesCatchViolationsTest} only. */
public final class ReachesIntoTestkit {
  private ReachesIntoTestkit() {}

  public static MutableClock clock() {
    return MutableClock.create();
  }
}
