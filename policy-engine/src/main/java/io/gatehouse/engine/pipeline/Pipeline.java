package io.gatehouse.engine.pipeline;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.xml.Section;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The compiled, immutable policy of one operation (in one product context): inbound, backend, outbound and on-error.
 *
 * <p>Runs inbound, then backend, then outbound. {@link Flow#END} from any statement ends the run with the response
 * as it stands. A {@link PolicyFailure} anywhere sets {@code context.LastError}, prepares the error's default
 * response and runs on-error, which may change or replace it. DECISION (spec README 4.1 leaves it open): a failure
 * inside on-error ends the run with the generic 500 body, and LastError then describes that second failure.
 */
public final class Pipeline {
  private final StepSequence inbound;
  private final StepSequence backend;
  private final StepSequence outbound;
  private final StepSequence onError;
  private final List<PreflightHandler> preflight;

  /**
   * @param preflight the {@code cors} statements that are direct children of the effective inbound, in order
   */
  public Pipeline(StepSequence inbound, StepSequence backend, StepSequence outbound, StepSequence onError,
      List<PreflightHandler> preflight) {
    this.inbound = inbound;
    this.backend = backend;
    this.outbound = outbound;
    this.onError = onError;
    this.preflight = List.copyOf(preflight);
  }

  /** Whether a {@code cors} policy can answer preflights for this operation. */
  public boolean handlesPreflight() {
    return !preflight.isEmpty();
  }

  /**
   * Answers a CORS preflight with the cors policies alone: the first that matches writes the response; an
   * unmatched one that terminates (or running out of policies) leaves an empty 200. No other policy runs and the
   * backend is not called. Expression failures here answer with the generic 500.
   */
  public void runPreflight(Exchange exchange) {
    try {
      for (PreflightHandler handler : preflight) {
        if (handler.answerPreflight(exchange)) {
          return;
        }
        if (handler.terminatesUnmatched(exchange)) {
          break;
        }
      }
      exchange.response().reset();
    } catch (RuntimeException e) {
      failInsideOnError(exchange, asFailure(e));
    }
  }

  public StepSequence section(Section section) {
    return switch (section) {
      case INBOUND -> inbound;
      case BACKEND -> backend;
      case OUTBOUND -> outbound;
      case ON_ERROR -> onError;
    };
  }

  /** Runs the pipeline; the stage completes when {@code exchange.response()} is final. Never completes exceptionally. */
  public CompletionStage<Void> run(Exchange exchange) {
    CompletionStage<Void> pending = start(exchange);
    return pending != null ? pending : CompletableFuture.completedFuture(null);
  }

  /**
   * Like {@link #run}, except that it returns null when the response is already final on return (the usual run of
   * synchronous statements), so the engine needs no completed stage per request.
   */
  public CompletionStage<Void> start(Exchange exchange) {
    Flow main;
    try {
      main = runFromInbound(exchange);
    } catch (PolicyFailure failure) {
      return runOnError(exchange, failure);
    }
    if (!main.isPending()) {
      return null;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    main.stage().whenComplete((flow, error) -> {
      if (error == null) {
        done.complete(null);
      } else {
        runOnError(exchange, asFailure(error)).whenComplete((v, e) -> done.complete(null));
      }
    });
    return done;
  }

  /**
   * Fails the request before inbound (a built-in step such as the subscription key check): the failure's default
   * response is prepared and the effective on-error runs, exactly as for a policy failure.
   */
  public CompletionStage<Void> fail(Exchange exchange, PolicyFailure failure) {
    return runOnError(exchange, failure);
  }

  // Inbound, then backend, then outbound, each only when the one before continues. The next section runs at once
  // when the one before finished synchronously (the usual case, no stage or lambda), else when its stage completes.

  private Flow runFromInbound(Exchange exchange) {
    Flow flow = inbound.run(exchange);
    if (flow == Flow.END) {
      return Flow.END;
    }
    if (!flow.isPending()) {
      return runFromBackend(exchange);
    }
    return Flow.later(flow.stage().thenCompose(f -> f == Flow.END ? f.stage() : runFromBackend(exchange).stage()));
  }

  private Flow runFromBackend(Exchange exchange) {
    Flow flow = backend.run(exchange);
    if (flow == Flow.END) {
      return Flow.END;
    }
    if (!flow.isPending()) {
      return outbound.run(exchange);
    }
    return Flow.later(flow.stage().thenCompose(f -> f == Flow.END ? f.stage() : outbound.run(exchange).stage()));
  }

  private static PolicyFailure asFailure(Throwable error) {
    Throwable t = StepSequence.unwrap(error);
    return t instanceof PolicyFailure f ? f : StepSequence.translate(t, null);
  }

  private CompletionStage<Void> runOnError(Exchange exchange, PolicyFailure failure) {
    applyFailure(exchange, failure);
    Flow flow;
    try {
      flow = onError.run(exchange);
    } catch (PolicyFailure second) {
      failInsideOnError(exchange, second);
      return CompletableFuture.completedFuture(null);
    }
    if (!flow.isPending()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    flow.stage().whenComplete((f, error) -> {
      if (error != null) {
        failInsideOnError(exchange, asFailure(error));
      }
      done.complete(null);
    });
    return done;
  }

  private static void failInsideOnError(Exchange exchange, PolicyFailure failure) {
    exchange.setLastError(lastError(failure));
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Type", "application/json");
    exchange.response().replaceWith(500, ErrorResponses.reasonPhrase(500), headers,
        ErrorResponses.internalBody(exchange.requestId()));
  }

  /** Sets LastError and the failure's default response: what the caller gets unless on-error changes it. */
  public static void applyFailure(Exchange exchange, PolicyFailure failure) {
    exchange.setLastError(lastError(failure));
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Type", "application/json");
    if (failure.extraHeaders() != null) {
      failure.extraHeaders().forEach(headers::set);
    }
    byte[] body = failure.internalError()
        ? ErrorResponses.internalBody(exchange.requestId())
        : ErrorResponses.body(failure.status(), failure.clientMessage());
    exchange.response().replaceWith(failure.status(), ErrorResponses.reasonPhrase(failure.status()), headers, body);
  }

  static LastError lastError(PolicyFailure failure) {
    StepInfo at = failure.location();
    return new LastError(
        failure.source(),
        failure.reason(),
        failure.getMessage(),
        at == null ? null : at.section().xmlName(),
        at == null ? null : at.scope().label(),
        at == null ? null : at.path(),
        at == null ? null : at.policyId());
  }
}
