package dev.callcenter.sipjain;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP stack's logger, writing to SLF4J logger {@code gov.nist.javax.sip}; installed by
 * {@link JainSipTelephony} through the stack property {@code gov.nist.javax.sip.STACK_LOGGER} so that the stack
 * never looks for log4j. Public only because the stack instantiates it by name.
 */
public final class Slf4jStackLogger implements StackLogger {
  private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

  /** Longer messages are cut: the stack writes whole packets (up to 64 KB, as decimal bytes) into some errors. */
  static final int MAX_MESSAGE = 500;

  private volatile boolean enabled = true;

  public Slf4jStackLogger() {}

  @Override
  public void logStackTrace() {
    if (enabled && LOG.isTraceEnabled()) {
      LOG.trace("stack trace", new Throwable("stack trace"));
    }
  }

  @Override
  public void logStackTrace(int traceLevel) {
    logStackTrace();
  }

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable ex) {
    if (enabled) {
      LOG.warn("SIP stack exception", ex);
    }
  }

  @Override
  public void logDebug(String message) {
    if (enabled) {
      LOG.debug(message);
    }
  }

  @Override
  public void logDebug(String message, Exception ex) {
    if (enabled) {
      LOG.debug(message, ex);
    }
  }

  @Override
  public void logTrace(String message) {
    if (enabled) {
      LOG.trace(message);
    }
  }

  @Override
  public void logFatalError(String message) {
    if (enabled) {
      LOG.error(bounded(message));
    }
  }

  @Override
  public void logError(String message) {
    if (enabled) {
      LOG.error(bounded(message));
    }
  }

  @Override
  public boolean isLoggingEnabled() {
    return enabled;
  }

  @Override
  public boolean isLoggingEnabled(int logLevel) {
    if (!enabled) {
      return false;
    }
    if (logLevel >= TRACE_TRACE) {
      return LOG.isTraceEnabled();
    } else if (logLevel >= TRACE_DEBUG) {
      return LOG.isDebugEnabled();
    } else if (logLevel >= TRACE_INFO) { // also TRACE_MESSAGES: every message, so only when debugging
      return LOG.isDebugEnabled();
    } else if (logLevel >= TRACE_WARN) {
      return LOG.isWarnEnabled();
    }
    return logLevel > TRACE_NONE && LOG.isErrorEnabled();
  }

  @Override
  public void logError(String message, Exception ex) {
    if (enabled) {
      LOG.error(bounded(message), ex);
    }
  }

  @Override
  public void logWarning(String message) {
    if (enabled) {
      LOG.warn(bounded(message));
    }
  }

  @Override
  public void logInfo(String message) {
    if (enabled) {
      LOG.info(bounded(message));
    }
  }

  @Override
  public void disableLogging() {
    enabled = false;
  }

  @Override
  public void enableLogging() {
    enabled = true;
  }

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {
    // the stack's build time says nothing a log reader needs
  }

  @Override
  public void setStackProperties(Properties stackProperties) {
    // levels come from the SLF4J configuration
  }

  @Override
  public String getLoggerName() {
    return LOG.getName();
  }

  static String bounded(String message) {
    if (message == null || message.length() <= MAX_MESSAGE) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE) + "... [" + (message.length() - MAX_MESSAGE) + " more characters]";
  }
}
