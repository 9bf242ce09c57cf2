package dev.callcenter.ivr;

/** The nine stages of the IVR, in the order a call walks them (see the design brief). */
public enum Stage {
  GREETING,
  LANGUAGE_SELECTION,
  IDENTIFICATION,
  VERIFICATION,
  INTENT,
  CLASSIFICATION,
  DATA_COLLECTION,
  QUEUE,
  HANDOFF;

  /** Whether a flow may leave this stage out (QUEUE and HANDOFF are always run). */
  public boolean isOptional() {
    return this != QUEUE && this != HANDOFF;
  }
}
