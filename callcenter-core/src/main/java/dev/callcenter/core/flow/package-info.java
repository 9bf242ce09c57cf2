/**
 * The seam between the {@link dev.callcenter.core.CallCenter} and the call flow that talks to a caller (the IVR
 * module's nine-stage flow, or a team's own): inputs in, an updated call and actions out.
 */
@NullMarked
package dev.callcenter.core.flow;

import org.jspecify.annotations.NullMarked;
