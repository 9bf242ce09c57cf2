/** internal of the call-center core. */
@NullMarked
package dev.callcenter.core.internal;

import org.jspecify.annotations.NullMarked;
