package dev.callcenter.ivr;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the flow in force and replaces it atomically. A flow file with errors is rejected whole and the flow in
 * force stays; calls already in the IVR carry on with the new flow from their next input (their state is in the
 * call). Thread-safe.
 */
public final class FlowRepository implements Supplier<FlowDefinition> {
  private final AtomicReference<FlowDefinition> current;
  private final PromptCatalogue prompts;

  private FlowRepository(FlowDefinition initial, PromptCatalogue prompts) {
    dev.callcenter.ivr.internal.FlowFileReader.checkPrompts(Checks.notNull(initial, "flow"), prompts);
    this.current = new AtomicReference<>(initial);
    this.prompts = prompts;
  }

  /**
   * A repository starting with {@code initial}; it and every loaded file must name only prompts in
   * {@code prompts} (the catalogue the IVR plays), so a flow in force never asks for a prompt that is missing.
   */
  public static FlowRepository of(FlowDefinition initial, PromptCatalogue prompts) {
    return new FlowRepository(initial, Checks.notNull(prompts, "prompts"));
  }

  /** A repository checked against the built-in {@link PromptCatalogue#defaults() prompt catalogue}. */
  public static FlowRepository of(FlowDefinition initial) {
    return new FlowRepository(initial, PromptCatalogue.defaults());
  }

  /** The flow in force. */
  @Override
  public FlowDefinition get() {
    return current.get();
  }

  /**
   * Reads a flow file and puts it in force.
   *
   * @throws InvalidInputException listing every error with its JSON path; the flow in force is unchanged
   */
  public FlowDefinition load(String json) {
    FlowDefinition next = FlowDefinition.fromJson(json, prompts);
    current.set(next);
    return next;
  }

  /**
   * Reads a flow file from disk and puts it in force.
   *
   * @throws InvalidInputException listing every error with its JSON path, or naming the file when it cannot be
   *     read; the flow in force is unchanged
   */
  public FlowDefinition load(java.nio.file.Path file) {
    Checks.notNull(file, "file");
    String json;
    try {
      json = java.nio.file.Files.readString(file);
    } catch (java.io.IOException | RuntimeException e) {
      throw InvalidInputException.of("file", "cannot read %s: %s", file, e.getMessage());
    }
    return load(json);
  }

  /**
   * Puts {@code flow} in force.
   *
   * @throws InvalidInputException when it names prompts the catalogue lacks; the flow in force is unchanged
   */
  public void replace(FlowDefinition flow) {
    dev.callcenter.ivr.internal.FlowFileReader.checkPrompts(Checks.notNull(flow, "flow"), prompts);
    current.set(flow);
  }
}
