/** Machinery of the CRM module: in-memory stores, PIN hashing, text analysis. Not public API. */
@NullMarked
package dev.callcenter.crm.internal;

import org.jspecify.annotations.NullMarked;
