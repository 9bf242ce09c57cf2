/**
 * {@link dev.callcenter.sipjain.JainSipTelephony}, a {@link dev.callcenter.sip.Telephony} on JAIN-SIP, and the SLF4J
 * loggers it installs in the stack.
 */
@NullMarked
package dev.callcenter.sipjain;

import org.jspecify.annotations.NullMarked;
