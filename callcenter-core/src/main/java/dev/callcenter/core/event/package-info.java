/** event of the call-center core. */
@NullMarked
package dev.callcenter.core.event;

import org.jspecify.annotations.NullMarked;
