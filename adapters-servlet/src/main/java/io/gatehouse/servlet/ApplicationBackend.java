package io.gatehouse.servlet;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The backend of one request behind {@link GatehouseFilter}: {@code forward-request} calls the wrapped application.
 *
 * <p>The path of the backend URL is the path inside the servlet context (scheme, host and port are ignored). When
 * it equals the client's path the filter chain continues; otherwise (after {@code rewrite-uri} or {@code
 * set-backend-service}) the request is forwarded with the context's {@link RequestDispatcher} so the servlet mapped
 * to the new path answers. The call runs on the thread that runs the engine when that is the filter's thread, else
 * on a container thread. An exception from the application is a connection failure; an application that went
 * asynchronous and does not complete within its {@code AsyncContext} timeout (default: the forward-request timeout)
 * is a timeout.
 */
final class ApplicationBackend implements Backend {
  private final HttpServletRequest original;
  private final HttpServletResponse originalResponse;
  private final FilterChain chain;
  private final String originalPath;
  private final ContainerThreads threads;
  private volatile Thread inlineThread;

  /** @param originalPath the client's path inside the servlet context, percent-encoded */
  ApplicationBackend(HttpServletRequest original, HttpServletResponse originalResponse, FilterChain chain,
      String originalPath, ContainerThreads threads) {
    this.original = original;
    this.originalResponse = originalResponse;
    this.chain = chain;
    this.originalPath = originalPath;
    this.threads = threads;
  }

  /** Runs the engine on this (container) thread, letting the application be called on it directly. */
  <T> T runInline(Supplier<T> engine) {
    inlineThread = Thread.currentThread();
    try {
      return engine.get();
    } finally {
      inlineThread = null;
    }
  }

  @Override
  public CompletionStage<BackendResponse> send(BackendRequest request, BackendOptions options) {
    CompletableFuture<BackendResponse> result = new CompletableFuture<>();
    Runnable call = () -> callApplication(request, options, result);
    if (Thread.currentThread() == inlineThread) {
      call.run();
    } else {
      threads.execute(call);
    }
    return result;
  }

  private void callApplication(BackendRequest backendRequest, BackendOptions options,
      CompletableFuture<BackendResponse> result) {
    String path = backendRequest.uri().getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    String query = backendRequest.uri().getRawQuery();
    ApplicationResponse response = new ApplicationResponse(originalResponse,
        original.getServletContext().getResponseCharacterEncoding(), threads);
    ApplicationRequest request = new ApplicationRequest(original, backendRequest.method(), path, query,
        backendRequest.headers(), backendRequest.body(), threads, options.timeout().toMillis(),
        () -> result.complete(response.toBackendResponse()));
    request.setResponse(response);
    try {
      if (path.equals(originalPath)) {
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
      result.completeExceptionally(new BackendException(BackendException.Kind.CONNECTION_FAILURE,
          "the application failed: " + e, e));
      return;
    }
    ApplicationAsyncContext async = request.applicationAsyncContext();
    if (async == null) {
      result.complete(response.toBackendResponse());
    } else if (!async.isCompleted()) {
      long timeout = async.getTimeout() > 0 ? async.getTimeout() : options.timeout().toMillis();
      CompletableFuture.delayedExecutor(Math.max(1, timeout), TimeUnit.MILLISECONDS, threads).execute(() -> {
        if (!result.isDone() && !async.timedOut()) {
          result.completeExceptionally(new BackendException(BackendException.Kind.TIMEOUT,
              "the application did not complete its asynchronous response in " + timeout + " ms", null));
        }
      });
    }
  }
}
