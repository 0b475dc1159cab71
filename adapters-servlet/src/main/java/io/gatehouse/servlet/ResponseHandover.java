package io.gatehouse.servlet;

import io.gatehouse.api.GatewayResponse;
import io.gatehouse.engine.ExchangeOutcome;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One request's client response when the application's body streams ({@link StreamedApplicationBody}): the
 * decision, made once the outcome is known and only once, and the end of the application's writing.
 *
 * <p>If the outcome's body is still the streamed one, its status and headers go to the client, then the window,
 * and the application's later writes pass through; otherwise (a policy replaced the body, an error) the outcome is
 * written as usual and the application's remaining bytes are dropped. The client's response may be completed only
 * once the application has finished ({@link #whenApplicationDone}).
 */
final class ResponseHandover {
  private final HttpServletRequest req;
  private final HttpServletResponse res;
  // The engine's outcome once known (guarded by this); a waiter asking before then gets a future of its own.
  private CompletableFuture<ExchangeOutcome> outcome;
  private CompletableFuture<ExchangeOutcome> waiting;
  private StreamedApplicationBody streamed;
  private boolean decided;
  private boolean passingThrough;
  private boolean applicationDone;
  private boolean applicationFailed;
  private Runnable whenDone;

  ResponseHandover(HttpServletRequest req, HttpServletResponse res) {
    this.req = req;
    this.res = res;
  }

  /** The engine's outcome for this request, as soon as it is known. */
  void outcome(CompletableFuture<ExchangeOutcome> engine) {
    CompletableFuture<ExchangeOutcome> waiter;
    synchronized (this) {
      outcome = engine;
      waiter = waiting;
    }
    if (waiter != null) {
      engine.whenComplete((o, e) -> {
        if (e == null) {
          waiter.complete(o);
        } else {
          waiter.completeExceptionally(e);
        }
      });
    }
  }

  /** The application's body streams from now on; call before {@code forward-request} gets the response. */
  synchronized void streaming(StreamedApplicationBody body) {
    streamed = body;
  }

  /** {@code body} will not be sent after all (its call had already ended): its writes are dropped. */
  synchronized void abandon(StreamedApplicationBody body) {
    if (streamed == body && !decided) {
      streamed = null;
    }
    body.drop();
  }

  /** Whether the application's body streams (then the client's response is this handover's). */
  synchronized boolean isStreaming() {
    return streamed != null;
  }

  /**
   * Waits for the outcome and decides, on a thread where writing the client's response is safe: one running the
   * application's synchronous part, while the request's own thread is inside the application.
   */
  void decideWhenKnown() {
    CompletableFuture<ExchangeOutcome> known;
    synchronized (this) {
      if (outcome == null && waiting == null) {
        waiting = new CompletableFuture<>(); // the engine has not returned yet (the application runs elsewhere)
      }
      known = outcome != null ? outcome : waiting;
    }
    decide(known.join());
  }

  /** Writes the outcome to the client and passes the application's later bytes through or drops them. Once. */
  synchronized void decide(ExchangeOutcome result) {
    if (decided || streamed == null) {
      return;
    }
    decided = true;
    GatewayResponse response = result.response();
    try {
      if (response.streamed() == streamed
          && ClientResponse.writeStreamedHead(req, res, response, streamed.declaredLength())) {
        ServletOutputStream out = res.getOutputStream();
        out.write(streamed.window());
        streamed.passThrough(out);
        passingThrough = true;
      } else {
        if (response.streamed() != streamed) {
          ClientResponse.write(req, res, response);
        }
        streamed.drop();
      }
    } catch (IOException | RuntimeException e) {
      streamed.fail(e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** The application has finished writing (its synchronous part returned, or it completed its async context). */
  void applicationDone() {
    Runnable run;
    synchronized (this) {
      applicationDone = true;
      run = whenDone;
      whenDone = null;
    }
    if (run != null) {
      run.run();
    }
  }

  /** The application threw after its body began to stream. */
  void applicationFailed() {
    synchronized (this) {
      applicationFailed = true;
    }
    applicationDone();
  }

  synchronized boolean isApplicationDone() {
    return applicationDone;
  }

  /** Whether the client got part of a body whose application then failed: the response must not look complete. */
  synchronized boolean isTruncated() {
    return applicationFailed && passingThrough;
  }

  /** Runs {@code then} once the application has finished writing: at once if it has. */
  void whenApplicationDone(Runnable then) {
    synchronized (this) {
      if (!applicationDone) {
        whenDone = then;
        return;
      }
    }
    then.run();
  }
}
