/**
 * SIP extensions and the users they belong to: {@link dev.callcenter.sip.extension.Extensions} creates and
 * changes them, keeping a password only as the digest HA1 per realm and algorithm (RFC 7616);
 * {@link dev.callcenter.sip.extension.ExtensionStore} and {@link dev.callcenter.sip.extension.UserStore} are the
 * storage SPI.
 */
@NullMarked
package dev.callcenter.sip.extension;

import org.jspecify.annotations.NullMarked;
