package dev.callcenter.sipjain;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every SIP message the stack sends or receives at TRACE to SLF4J logger {@code dev.callcenter.sipjain.messages},
 * with the first line only (headers may carry digest responses). Installed by {@link JainSipTelephony} through the
 * stack property {@code gov.nist.javax.sip.SERVER_LOGGER}. Public only because the stack instantiates it by name.
 */
public final class Slf4jServerLogger implements ServerLogger {
  private static final Logger LOG = LoggerFactory.getLogger("dev.callcenter.sipjain.messages");

  public Slf4jServerLogger() {}

  @Override
  public void closeLogFile() {
    // nothing to close
  }

  @Override
  public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
    log(message, from, to, sender);
  }

  @Override
  public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
    log(message, from, to, sender);
  }

  @Override
  public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
    log(message, from, to, sender);
  }

  private static void log(SIPMessage message, String from, String to, boolean sender) {
    if (LOG.isTraceEnabled()) {
      String first = message.getFirstLine();
      LOG.trace("{} {} -> {}: {} (Call-ID {})", sender ? "sent" : "received", from, to,
          first == null ? "" : first.strip(), message.getCallId() == null ? "" : message.getCallId().getCallId());
    }
  }

  @Override
  public void logException(Exception ex) {
    LOG.debug("SIP message exception", ex);
  }

  @Override
  public void setStackProperties(Properties stackProperties) {
    // levels come from the SLF4J configuration
  }

  @Override
  public void setSipStack(SipStack sipStack) {
    // nothing kept
  }
}
