/**
 * Where a call goes and how it is treated: {@link dev.callcenter.rules.KeywordRouter} classifies an utterance
 * into a department, {@link dev.callcenter.rules.RuleEngine} turns {@link dev.callcenter.rules.Facts} into a
 * {@link dev.callcenter.rules.Decision}, and {@link dev.callcenter.rules.Sentiment} scores an utterance.
 * Dictionaries and rule sets are JSON documents a business edits without a release; a document with any
 * error is rejected whole with a {@link dev.callcenter.rules.RuleValidationException} and the one in force
 * stays.
 */
@NullMarked
package dev.callcenter.rules;

import org.jspecify.annotations.NullMarked;
