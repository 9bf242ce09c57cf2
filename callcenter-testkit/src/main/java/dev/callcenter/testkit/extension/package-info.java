/**
 * The compatibility kit for {@link dev.callcenter.sip.extension.ExtensionStore}: subclass
 * {@link dev.callcenter.testkit.extension.ExtensionStoreCompatibilityKit} in your adapter's tests.
 */
@NullMarked
package dev.callcenter.testkit.extension;

import org.jspecify.annotations.NullMarked;
