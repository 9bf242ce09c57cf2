/**
 * Test doubles ({@link dev.callcenter.testkit.RecordingEventPublisher}, {@link dev.callcenter.testkit.RecordingListener},
 * {@link dev.callcenter.testkit.MutableClock}), AssertJ assertions ({@link dev.callcenter.testkit.CallCenterAssertions})
 * and the compatibility kit of the event publisher SPI ({@link dev.callcenter.testkit.EventPublisherCompatibilityKit}).
 */
@NullMarked
package dev.callcenter.testkit;

import org.jspecify.annotations.NullMarked;
