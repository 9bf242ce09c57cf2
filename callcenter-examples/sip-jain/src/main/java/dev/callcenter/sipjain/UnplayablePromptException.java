package dev.callcenter.sipjain;

import dev.callcenter.core.CallCenterException;

/** A prompt's audio file cannot be streamed; the message names the file and what is wrong with it. */
final class UnplayablePromptException extends CallCenterException {
  private static final long serialVersionUID = 1L;

  private final String problem;

  private UnplayablePromptException(String name, String problem) {
    super("prompt audio '" + name + "' " + problem);
    this.problem = problem;
  }

  /** {@code problem} reads on from the file's name, e.g. "has 2 channels, must be mono". */
  static UnplayablePromptException of(String name, String problem) {
    return new UnplayablePromptException(name, problem);
  }

  String problem() {
    return problem;
  }
}
