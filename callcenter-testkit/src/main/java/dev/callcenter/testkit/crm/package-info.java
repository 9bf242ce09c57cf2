/**
 * Compatibility kits for the CRM SPI: subclass {@link dev.callcenter.testkit.crm.CustomerStoreCompatibilityKit},
 * {@link dev.callcenter.testkit.crm.TicketStoreCompatibilityKit} and
 * {@link dev.callcenter.testkit.crm.TranscriptStoreCompatibilityKit} in your adapter's tests and return a fresh,
 * empty store from the factory method.
 */
@NullMarked
package dev.callcenter.testkit.crm;

import org.jspecify.annotations.NullMarked;
