/**
 * The call history: search, analytics and streamed CSV/JSON exports over core's
 * {@link dev.callcenter.core.store.CallRecordStore}.
 */
@NullMarked
package dev.callcenter.sip.history;

import org.jspecify.annotations.NullMarked;
