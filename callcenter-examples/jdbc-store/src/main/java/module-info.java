/**
 * The JDBC store of the call-center SDK: every storage SPI on H2 or PostgreSQL, schema by Flyway, pool by
 * HikariCP. Entry point: {@link dev.callcenter.jdbc.JdbcStores}.
 */
module dev.callcenter.jdbc {
  requires transitive dev.callcenter.core;
  requires transitive dev.callcenter.crm;
  requires transitive dev.callcenter.sip;
  requires transitive java.sql;
  requires static org.jspecify;
  requires com.zaxxer.hikari;
  requires flyway.core;

  exports dev.callcenter.jdbc;
}
