/**
 * Compatibility kits for the storage SPI of {@code dev.callcenter.core.store}: abstract JUnit 5 classes that a
 * store implementation extends with a one-method subclass ({@code newStore()}) to prove it behaves like the
 * in-memory reference: compare-and-set versions, filters, paging and order, streaming, and a gap-free event log.
 */
@NullMarked
package dev.callcenter.testkit.store;

import org.jspecify.annotations.NullMarked;
