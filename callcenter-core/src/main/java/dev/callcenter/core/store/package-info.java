/** store of the call-center core. */
@NullMarked
package dev.callcenter.core.store;

import org.jspecify.annotations.NullMarked;
