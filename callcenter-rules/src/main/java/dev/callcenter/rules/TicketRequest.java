package dev.callcenter.rules;

import dev.callcenter.core.Priority;

/**
 * A rule asked for a ticket to be created for the call.
 *
 * @param category what the ticket is about, for example {@code complaint}
 * @param priority how urgent the ticket is
 */
public record TicketRequest(String category, Priority priority) {}
