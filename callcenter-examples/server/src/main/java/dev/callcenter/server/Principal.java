package dev.callcenter.server;

import dev.callcenter.core.CallId;
import org.jspecify.annotations.Nullable;

/**
 * Who made a request, as its bearer token says.
 *
 * @param subject the user or agent the token was issued to (an agent id for agent tokens), if any
 * @param callId for a call-scoped token, the one call it may drive
 * @param tokenHash the token's hash, the key of its rate limit; never the token itself
 */
record Principal(Role role, @Nullable String subject, @Nullable CallId callId, String tokenHash) {}
