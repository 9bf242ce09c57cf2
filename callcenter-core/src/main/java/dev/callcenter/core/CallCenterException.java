package dev.callcenter.core;

/**
 * Root of every exception the SDK throws. Unchecked; specific subclasses carry the context of the failure and
 * are made by static factories with formatted messages.
 */
public class CallCenterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CallCenterException(String message) {
    super(message);
  }

  public CallCenterException(String message, Throwable cause) {
    super(message, cause);
  }
}
