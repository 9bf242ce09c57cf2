/**
 * Call-center core: the vocabulary (ids, phone numbers, languages, departments), the call lifecycle,
 * agents, the event model and the storage SPI, and the {@link dev.callcenter.core.CallCenter} runtime.
 */
module dev.callcenter.core {
  requires static org.jspecify;
  requires transitive org.slf4j;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;
  requires com.google.i18n.phonenumbers.libphonenumber;

  exports dev.callcenter.core;
  exports dev.callcenter.core.event;
  exports dev.callcenter.core.store;
  exports dev.callcenter.core.flow;
  exports dev.callcenter.core.acd;
  exports dev.callcenter.core.internal to
      dev.callcenter.rules, dev.callcenter.crm, dev.callcenter.sip, dev.callcenter.ivr, dev.callcenter.testkit,
      dev.callcenter.jdbc;

  opens dev.callcenter.core to org.hibernate.validator, com.fasterxml.jackson.databind;
  opens dev.callcenter.core.event to com.fasterxml.jackson.databind;

  uses dev.callcenter.core.event.EventPublisher;
}
