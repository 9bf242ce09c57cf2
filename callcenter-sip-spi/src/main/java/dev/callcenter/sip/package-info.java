/**
 * The telephony SPI: a {@link dev.callcenter.sip.Telephony} transport reports {@link dev.callcenter.sip.TelephonyEvent}s
 * (a call offered, answered, a DTMF key, a prompt finished, a transfer's outcome, a hang-up, a registration) and
 * carries out commands (answer, play a prompt, transfer, hang up); the {@link dev.callcenter.sip.TelephonyBridge} runs
 * a {@link dev.callcenter.core.CallCenter}'s call flow on top.
 */
@NullMarked
package dev.callcenter.sip;

import org.jspecify.annotations.NullMarked;
