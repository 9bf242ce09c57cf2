/** Machinery of the rules module: character folding, the keyword automaton, rule compilation. Not public API. */
@NullMarked
package dev.callcenter.rules.internal;

import org.jspecify.annotations.NullMarked;
