package io.gatehouse.engine.pipeline;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a {@link Step} tells the pipeline. {@link #CONTINUE} and {@link #END} are shared constants, so the common
 * synchronous path allocates nothing; only a step that really waits allocates a {@link #later} flow.
 */
public final class Flow {
  /** Go on with the next statement. */
  public static final Flow CONTINUE = new Flow(null);
  /** The response is final ({@code return-response}, {@code mock-response}, cors short-circuit): skip the rest. */
  public static final Flow END = new Flow(null);

  private static final CompletableFuture<Flow> CONTINUE_STAGE = CompletableFuture.completedFuture(CONTINUE);
  private static final CompletableFuture<Flow> END_STAGE = CompletableFuture.completedFuture(END);

  private final CompletionStage<Flow> pending;

  private Flow(CompletionStage<Flow> pending) {
    this.pending = pending;
  }

  /**
   * A flow that completes later with {@link #CONTINUE} or {@link #END}, or exceptionally with a
   * {@link PolicyFailure}. A stage that has already completed normally is its result at once, so a backend that
   * answers synchronously (an in-process application) keeps the whole run synchronous.
   */
  public static Flow later(CompletionStage<Flow> stage) {
    Objects.requireNonNull(stage, "stage");
    if (stage instanceof CompletableFuture<Flow> future && future.isDone() && !future.isCompletedExceptionally()) {
      Flow flow = future.join();
      if (flow == CONTINUE || flow == END) {
        return flow;
      }
    }
    return new Flow(stage);
  }

  /** Whether this flow is still running. */
  public boolean isPending() {
    return pending != null;
  }

  /** The stage of a pending flow; for a finished one, an already completed stage. */
  public CompletionStage<Flow> stage() {
    if (pending != null) {
      return pending;
    }
    return this == END ? END_STAGE : CONTINUE_STAGE;
  }
}
