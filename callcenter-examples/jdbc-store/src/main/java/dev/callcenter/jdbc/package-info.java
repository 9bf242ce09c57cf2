/**
 * A JDBC implementation of the call-center storage SPI for H2 and PostgreSQL: open one with
 * {@link dev.callcenter.jdbc.JdbcStores#open(String)} and hand its stores to the {@code CallCenter} builder.
 */
@NullMarked
package dev.callcenter.jdbc;

import org.jspecify.annotations.NullMarked;
