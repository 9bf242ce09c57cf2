/**
 * The nine-stage IVR ({@link dev.callcenter.ivr.IvrFlow}), its flow definitions ({@link
 * dev.callcenter.ivr.FlowDefinition}, {@link dev.callcenter.ivr.FlowRepository}), the prompt catalogue ({@link
 * dev.callcenter.ivr.PromptCatalogue}) and the seams to a CRM, a keyword router and a rules engine.
 */
@NullMarked
package dev.callcenter.ivr;

import org.jspecify.annotations.NullMarked;
