package io.gatehouse.servlet;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.Gatehouse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The backend of one request behind {@link GatehouseFilter}: {@code forward-request} calls the wrapped application.
 *
 * <p>The path of the backend URL is the path inside the servlet context (scheme, host and port are ignored). When
 * it equals the client's path the filter chain continues; otherwise (after {@code rewrite-uri} or {@code
 * set-backend-service}) the request is forwarded with the context's {@link RequestDispatcher} so the servlet mapped
 * to the new path answers. The call runs on the thread that runs the engine when that is the filter's thread, else
 * on a container thread. An exception from the application is a connection failure; an application that went
 * asynchronous and does not complete within its {@code AsyncContext} timeout (default: the forward-request timeout)
 * is a timeout, or, once its body streams, ends the client's response there (no limit then if it set 0).
 *
 * <p>When no policy needs the response body ({@link BackendOptions#responseBodyNeeded()} false) the application's
 * body may stream ({@link ApplicationResponse}, {@link ResponseHandover}). A call on the filter's thread then runs
 * once the engine has returned, so that what follows {@code forward-request} is in place when the application
 * reaches its commit point. A commit during the application's synchronous part decides on the committing thread
 * (the request's thread is inside the application); a later one waits for the filter.
 */
final class ApplicationBackend implements Backend {
  private final HttpServletRequest original;
  private final HttpServletResponse originalResponse;
  private final FilterChain chain;
  private final String originalPath;
  private final ContainerThreads threads;
  private final ResponseHandover handover;
  private volatile Thread inlineThread;
  private Runnable deferred;

  /** @param originalPath the client's path inside the servlet context, percent-encoded */
  ApplicationBackend(HttpServletRequest original, HttpServletResponse originalResponse, FilterChain chain,
      String originalPath, ContainerThreads threads, ResponseHandover handover) {
    this.original = original;
    this.originalResponse = originalResponse;
    this.chain = chain;
    this.originalPath = originalPath;
    this.threads = threads;
    this.handover = handover;
  }

  /** Runs the engine on this (container) thread, letting the application be called on it directly. */
  CompletableFuture<ExchangeOutcome> runInline(Gatehouse gatehouse, GatewayRequest request, String basePath) {
    inlineThread = Thread.currentThread();
    CompletableFuture<ExchangeOutcome> outcome;
    try {
      outcome = gatehouse.execute(request, this, basePath).toCompletableFuture();
    } finally {
      inlineThread = null;
    }
    handover.outcome(outcome);
    Runnable call = deferred;
    deferred = null;
    if (call != null) {
      call.run();
    }
    return outcome;
  }

  @Override
  public CompletionStage<BackendResponse> send(BackendRequest request, BackendOptions options) {
    Call call = new Call(request, options);
    if (Thread.currentThread() != inlineThread) {
      threads.execute(call);
    } else if (options.responseBodyNeeded()) {
      call.run();
    } else {
      deferred = call;
    }
    return call.result;
  }

  /**
   * One call of the application, in one object: the task that runs it, and the callbacks of its response (the
   * commit point of a streamed body, the end of an asynchronous answer).
   */
  private final class Call implements Runnable, Consumer<BackendResponse> {
    final BackendRequest request;
    final BackendOptions options;
    final CompletableFuture<BackendResponse> result = new CompletableFuture<>();
    ApplicationResponse response;
    volatile boolean synchronousPart = true;

    Call(BackendRequest request, BackendOptions options) {
      this.request = request;
      this.options = options;
    }

    @Override
    public void run() {
      callApplication(this);
    }

    /** The application reached the commit point of a streamed body. */
    @Override
    public void accept(BackendResponse streamed) {
      streamed(streamed, result, synchronousPart);
    }

    /** The application completed its asynchronous context. */
    void completed() {
      finished(response, result);
    }
  }

  private void callApplication(Call call) {
    BackendRequest backendRequest = call.request;
    BackendOptions options = call.options;
    CompletableFuture<BackendResponse> result = call.result;
    String path = backendRequest.rawPath();
    String query = backendRequest.rawQuery();
    boolean samePath = path.equals(originalPath);
    // A forward to another path: beneath the application's response, the client's behind a shield that the
    // dispatcher does not unwrap (Tomcat 11 finishes the response it unwraps to after a forward).
    ApplicationResponse response = new ApplicationResponse(samePath ? originalResponse
        : new DispatchShield(originalResponse),
        original.getServletContext().getResponseCharacterEncoding(), threads,
        options.responseBodyNeeded() ? null : call);
    call.response = response;
    ApplicationRequest request = new ApplicationRequest(original, backendRequest.method(), path, query,
        backendRequest.headers(), backendRequest.body(), threads, options.timeout().toMillis(), call::completed);
    request.setResponse(response);
    try {
      if (samePath) {
        chain.doFilter(request, response);
      } else {
        RequestDispatcher dispatcher = original.getServletContext().getRequestDispatcher(
            query == null ? path : path + "?" + query);
        if (dispatcher == null) {
          throw new IllegalStateException("no dispatcher for " + path);
        }
        dispatcher.forward(request, response);
      }
    } catch (Exception e) {
      call.synchronousPart = false;
      response.abandon();
      if (!result.completeExceptionally(new BackendException(BackendException.Kind.CONNECTION_FAILURE,
          "the application failed: " + e, e))) {
        handover.applicationFailed(); // it failed while streaming: the client's response ends where it is
      }
      return;
    }
    call.synchronousPart = false;
    ApplicationAsyncContext async = request.applicationAsyncContext();
    if (async == null) {
      finished(response, result);
    } else if (!async.isCompleted()) {
      long timeout = async.getTimeout() > 0 ? async.getTimeout() : options.timeout().toMillis();
      CompletableFuture.delayedExecutor(Math.max(1, timeout), TimeUnit.MILLISECONDS, threads).execute(() -> {
        boolean streamsUnlimited = result.isDone() && async.getTimeout() == 0;
        if (async.isCompleted() || streamsUnlimited || async.timedOut()) {
          return;
        }
        response.abandon();
        if (!result.completeExceptionally(new BackendException(BackendException.Kind.TIMEOUT,
            "the application did not complete its asynchronous response in " + timeout + " ms", null))) {
          async.complete(); // it streams: its time is up, the client's response ends there
        }
      });
    }
  }

  /** The application reached the commit point of a streamed body. */
  private void streamed(BackendResponse response, CompletableFuture<BackendResponse> result,
      boolean synchronousPart) {
    StreamedApplicationBody body = (StreamedApplicationBody) response.streamed();
    handover.streaming(body);
    if (!result.complete(response)) {
      handover.abandon(body); // the call already failed (a timeout): nobody sends this body
    } else if (synchronousPart) {
      handover.decideWhenKnown();
    }
  }

  /** The application has finished: its buffered answer completes the call, or its stream has ended. */
  private void finished(ApplicationResponse response, CompletableFuture<BackendResponse> result) {
    BackendResponse buffered = response.finish();
    if (buffered != null) {
      result.complete(buffered);
    } else {
      handover.applicationDone();
    }
  }
}
