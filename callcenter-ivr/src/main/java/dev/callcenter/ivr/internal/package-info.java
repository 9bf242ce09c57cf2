/** Machinery of the IVR: the state machine, plural rules, text normalisation, flow file reading. Not public API. */
@NullMarked
package dev.callcenter.ivr.internal;

import org.jspecify.annotations.NullMarked;
