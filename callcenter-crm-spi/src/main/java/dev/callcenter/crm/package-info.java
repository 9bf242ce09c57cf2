/**
 * Customers, tickets and transcripts: {@link dev.callcenter.crm.CrmService} is the entry point; the stores are
 * the SPI a team implements for its own CRM.
 */
@NullMarked
package dev.callcenter.crm;

import org.jspecify.annotations.NullMarked;
