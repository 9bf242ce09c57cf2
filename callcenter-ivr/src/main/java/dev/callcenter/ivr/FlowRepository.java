package dev.callcenter.ivr;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Holds the flow in force and replaces it atomically. A flow file with errors is rejected whole and the flow in
 * force stays; calls already in the IVR carry on with the new flow from their next input (their state is in the
 * call). Thread-safe.
 */
public final class FlowRepository implements Supplier<FlowDefinition> {
  private final AtomicReference<FlowDefinition> current;
  private final @Nullable PromptCatalogue prompts;

  private FlowRepository(FlowDefinition initial, @Nullable PromptCatalogue prompts) {
    this.current = new AtomicReference<>(Checks.notNull(initial, "flow"));
    this.prompts = prompts;
  }

  /** A repository starting with {@code initial}; loaded files are checked against {@code prompts}. */
  public static FlowRepository of(FlowDefinition initial, PromptCatalogue prompts) {
    return new FlowRepository(initial, Checks.notNull(prompts, "prompts"));
  }

  public static FlowRepository of(FlowDefinition initial) {
    return new FlowRepository(initial, null);
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
    FlowDefinition next = prompts == null ? FlowDefinition.fromJson(json) : FlowDefinition.fromJson(json, prompts);
    current.set(next);
    return next;
  }

  /** Puts {@code flow} in force. */
  public void replace(FlowDefinition flow) {
    current.set(Checks.notNull(flow, "flow"));
  }
}
