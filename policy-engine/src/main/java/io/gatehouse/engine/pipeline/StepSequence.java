package io.gatehouse.engine.pipeline;

import io.gatehouse.engine.expr.ExpressionFailure;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Statements run top to bottom: a section, or the body of {@code when}, {@code otherwise} and other containers.
 *
 * <p>Runs synchronously as long as every statement does; when one returns a pending flow, the rest continues on
 * the thread that completes it. Failures are located at the innermost failing statement and translated into
 * {@link PolicyFailure}: expression exceptions become {@code ExpressionValueEvaluationFailure}, and an unexpected
 * exception from a statement becomes a generic 500 rather than escaping the engine.
 */
public final class StepSequence implements Step {
  private static final StepSequence EMPTY = new StepSequence(List.of(), List.of());

  private final Step[] steps;
  private final StepInfo[] infos;

  private StepSequence(List<Step> steps, List<StepInfo> infos) {
    if (steps.size() != infos.size()) {
      throw new IllegalArgumentException("one StepInfo per step");
    }
    this.steps = steps.toArray(new Step[0]);
    this.infos = infos.toArray(new StepInfo[0]);
  }

  /** A sequence of steps, each with its location. */
  public static StepSequence of(List<Step> steps, List<StepInfo> infos) {
    return steps.isEmpty() ? EMPTY : new StepSequence(steps, infos);
  }

  public static StepSequence empty() {
    return EMPTY;
  }

  /** The statements, in order. */
  public List<Step> steps() {
    return List.of(steps);
  }

  @Override
  public Flow run(Exchange exchange) {
    return runFrom(exchange, 0);
  }

  private Flow runFrom(Exchange exchange, int from) {
    for (int i = from; i < steps.length; i++) {
      Flow flow;
      try {
        flow = steps[i].run(exchange);
      } catch (RuntimeException e) {
        PolicyFailure failure = translate(e, infos[i]);
        record(exchange, infos[i], "failed: " + failure.reason());
        throw failure;
      }
      if (flow == Flow.CONTINUE) {
        record(exchange, infos[i], "continue");
        continue;
      }
      if (flow == Flow.END) {
        record(exchange, infos[i], "end");
        return flow;
      }
      record(exchange, infos[i], "pending");
      return Flow.later(resume(exchange, flow, i));
    }
    return Flow.CONTINUE;
  }

  private CompletableFuture<Flow> resume(Exchange exchange, Flow pending, int index) {
    CompletableFuture<Flow> result = new CompletableFuture<>();
    StepInfo info = infos[index];
    pending.stage().whenComplete((flow, error) -> {
      if (error != null) {
        result.completeExceptionally(translate(unwrap(error), info));
        return;
      }
      if (flow == Flow.END) {
        result.complete(Flow.END);
        return;
      }
      try {
        Flow rest = runFrom(exchange, index + 1);
        rest.stage().whenComplete((f, e) -> {
          if (e != null) {
            result.completeExceptionally(unwrap(e));
          } else {
            result.complete(f);
          }
        });
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private static void record(Exchange exchange, StepInfo info, String outcome) {
    if (exchange.recordsSteps()) {
      exchange.recordStep(new StepTrace(info.policy(), info.section().xmlName(), info.scope().label(), info.path(),
          outcome));
    }
  }

  static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Turns anything a statement threw into a located {@link PolicyFailure}. */
  static PolicyFailure translate(Throwable error, StepInfo info) {
    if (error instanceof PolicyFailure failure) {
      return failure.locate(info);
    }
    if (error instanceof ExpressionFailure f && f.getCause() instanceof PolicyFailure failure) {
      return failure.locate(info); // the engine refused something the expression asked for (a streamed body)
    }
    if (error instanceof ExpressionFailure failure) {
      return PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
          "Expression evaluation failed. " + failure.getMessage()).locate(info);
    }
    return PolicyFailure.internal(null, "InternalError",
        "Unexpected " + error.getClass().getSimpleName() + " while running the policy.").locate(info);
  }
}
