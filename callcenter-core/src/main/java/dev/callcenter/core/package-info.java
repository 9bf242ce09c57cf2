/**
 * The call-center vocabulary and runtime: {@link dev.callcenter.core.CallCenter}, {@link dev.callcenter.core.Call}
 * and its lifecycle, {@link dev.callcenter.core.Agent}, value types and the exception hierarchy rooted at
 * {@link dev.callcenter.core.CallCenterException}.
 */
@NullMarked
package dev.callcenter.core;

import org.jspecify.annotations.NullMarked;
