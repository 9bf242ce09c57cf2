/**
 * For telephony adapter authors: {@link dev.callcenter.testkit.sip.TelephonyCompatibilityKit}, an abstract JUnit 5
 * test an adapter's test subclasses with a {@link dev.callcenter.testkit.sip.TelephonyDriver} that plays the far end,
 * and a {@link dev.callcenter.testkit.sip.ManualScheduler} to run collect timeouts on a manual clock.
 */
@NullMarked
package dev.callcenter.testkit.sip;

import org.jspecify.annotations.NullMarked;
