package io.gatehouse.netty;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.Gatehouse;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs each HTTP request of a channel through a {@link Gatehouse}. Place it after {@code HttpServerCodec} and
 * {@code HttpObjectAggregator} (which bounds the request size and answers 413); one instance per channel.
 *
 * <ul>
 *   <li>{@link #inFront}: {@code forward-request} passes the policy-modified request to the next handler of the
 *       pipeline (the application) and the engine sees what the application writes back; {@code return-response}
 *       never reaches it.
 *   <li>{@link #proxy}: {@code forward-request} goes to a {@link Backend}, such as {@link NettyBackend}.
 * </ul>
 *
 * <p>Requests of one connection are handled one at a time in order (pipelined requests wait, and reading from the
 * socket pauses meanwhile). The event loop never blocks: the engine's stage completes whenever its backend answers
 * and the response is written then. When the client disconnects, the outcome of its request is dropped. Request
 * bodies are copied out of their buffers at once, so every buffer is released before the engine runs.
 */
public final class GatehouseHandler extends ChannelDuplexHandler {
  /** Largest response the application may write back for one {@code forward-request} in front mode. */
  public static final int DEFAULT_MAX_RESPONSE_LENGTH = 64 * 1024 * 1024;

  private final Supplier<Gatehouse> gatehouse;
  private final Backend backend;
  private final int maxResponseLength;
  private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private boolean busy;
  private boolean closed;
  private PendingForward forward;
  private String clientHost;
  // what does not change during a connection, found at its first request
  private boolean connectionKnown;
  private SslHandler ssl;
  private String clientIp;

  private GatehouseHandler(Supplier<Gatehouse> gatehouse, Backend backend, int maxResponseLength) {
    this.gatehouse = Objects.requireNonNull(gatehouse, "gatehouse");
    this.backend = backend;
    this.maxResponseLength = maxResponseLength;
  }

  /** In front of the application's next handler, which becomes the backend of every request. */
  public static GatehouseHandler inFront(Gatehouse gatehouse) {
    Objects.requireNonNull(gatehouse, "gatehouse");
    return inFront(() -> gatehouse, DEFAULT_MAX_RESPONSE_LENGTH);
  }

  /**
   * In front of the next handler, with the gatehouse read per request (so it can be swapped) and a bound on the
   * application's response size (larger responses fail as {@code BackendConnectionFailure}).
   */
  public static GatehouseHandler inFront(Supplier<Gatehouse> gatehouse, int maxResponseLength) {
    return new GatehouseHandler(gatehouse, null, maxResponseLength);
  }

  /** A proxy: {@code forward-request} goes to {@code backend}; the gatehouse is read per request. */
  public static GatehouseHandler proxy(Supplier<Gatehouse> gatehouse, Backend backend) {
    return new GatehouseHandler(gatehouse, Objects.requireNonNull(backend, "backend"), DEFAULT_MAX_RESPONSE_LENGTH);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseWaiting();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (closed) {
      request.release();
      return;
    }
    if (busy) {
      waiting.add(request);
      ctx.channel().config().setAutoRead(false);
      return;
    }
    start(request);
  }

  private void start(FullHttpRequest request) {
    busy = true;
    HttpVersion version = request.protocolVersion();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean head = request.method().equals(HttpMethod.HEAD);
    clientHost = request.headers().get(HttpHeaderNames.HOST);
    GatewayRequest gatewayRequest;
    try {
      if (request.decoderResult().isFailure()) {
        throw new IllegalArgumentException("malformed request");
      }
      if (!connectionKnown) {
        connectionKnown = true;
        ssl = ctx.pipeline().get(SslHandler.class);
        clientIp = NettyMessages.clientIp(ctx.channel().remoteAddress());
      }
      gatewayRequest = NettyMessages.toGatewayRequest(request, ctx.channel(), ssl, clientIp);
    } catch (IllegalArgumentException e) {
      respond(NettyMessages.plain(HttpResponseStatus.BAD_REQUEST, "Bad request\n", version), false);
      return;
    } finally {
      request.release();
    }
    CompletionStage<ExchangeOutcome> stage;
    try {
      stage = gatehouse.get().execute(gatewayRequest, backend != null ? backend : this::forwardToNext);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete((outcome, error) -> onEventLoop(() -> finish(outcome, error, version, keepAlive, head)));
  }

  private void finish(ExchangeOutcome outcome, Throwable error, HttpVersion version, boolean keepAlive,
      boolean head) {
    if (forward != null) {
      forward.fail(BackendException.Kind.CONNECTION_FAILURE, "the request finished first");
      forward = null;
    }
    if (closed) {
      busy = false;
      releaseWaiting();
      return;
    }
    FullHttpResponse response = error != null
        ? NettyMessages.plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error\n", version)
        : NettyMessages.toNettyResponse(outcome.response(), head, version);
    boolean close = error != null || "close".equalsIgnoreCase(outcome.response().headers().first("Connection"));
    respond(response, keepAlive && !close);
  }

  private void respond(FullHttpResponse response, boolean keepAlive) {
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      closed = true;
      releaseWaiting();
      written.addListener(ChannelFutureListener.CLOSE);
      return;
    }
    // The next request starts once this response is in the socket's hands: a slow reader slows its own requests.
    written.addListener(f -> {
      busy = false;
      if (!f.isSuccess()) {
        ctx.close();
        return;
      }
      FullHttpRequest next = waiting.poll();
      if (next != null) {
        start(next);
      } else if (!closed) {
        ctx.channel().config().setAutoRead(true);
      }
    });
  }

  /**
   * Front mode's backend: the request goes down the pipeline to the application, on the event loop, with the
   * backend URL's path and query and the client's {@code Host} (the application is the origin the client addressed).
   */
  private CompletionStage<BackendResponse> forwardToNext(BackendRequest request, BackendOptions options) {
    PendingForward pending = new PendingForward(maxResponseLength);
    onEventLoop(() -> {
      if (closed) {
        pending.fail(BackendException.Kind.CONNECTION_FAILURE, "the client disconnected");
        return;
      }
      if (forward != null) {
        pending.fail(BackendException.Kind.CONNECTION_FAILURE, "another forward-request is in progress");
        return;
      }
      FullHttpRequest toApp;
      try {
        toApp = NettyMessages.toNettyRequest(request, clientHost != null ? clientHost
            : request.uri().getRawAuthority());
      } catch (IllegalArgumentException e) {
        pending.fail(BackendException.Kind.CONNECTION_FAILURE, "invalid backend request: " + e.getMessage());
        return;
      }
      forward = pending;
      ctx.fireChannelRead(toApp);
      // Most applications answer inside channelRead; only one that did not gets a timer.
      long millis = options.timeout().toMillis();
      if (millis > 0 && forward == pending && !pending.headersReceived()) {
        pending.timer(ctx.executor().schedule(() -> {
          if (forward == pending && !pending.headersReceived()) {
            forward = null;
            pending.fail(BackendException.Kind.TIMEOUT, "the application did not answer within " + millis + " ms");
          }
        }, millis, TimeUnit.MILLISECONDS));
      }
    });
    return pending.result;
  }

  /** Front mode: what the application writes is the response to the pending forward, not the client's. */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (backend != null || !(msg instanceof HttpObject)) {
      ctx.write(msg, promise);
      return;
    }
    PendingForward pending = forward;
    try {
      if (pending == null) {
        promise.setFailure(new IllegalStateException("Gatehouse is not waiting for a response (timed out or done)"));
        return;
      }
      if (msg instanceof HttpResponse response) {
        pending.headers(response);
      }
      if (msg instanceof HttpContent content) {
        pending.content(content.content());
      }
      if (msg instanceof LastHttpContent) {
        forward = null;
        pending.complete();
      }
      promise.setSuccess();
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closed = true;
    releaseWaiting();
    if (forward != null) {
      PendingForward pending = forward;
      forward = null;
      pending.fail(BackendException.Kind.CONNECTION_FAILURE, "the client disconnected");
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (backend == null) {
      ctx.fireExceptionCaught(cause);
    } else {
      ctx.close();
    }
  }

  private void releaseWaiting() {
    FullHttpRequest r;
    while ((r = waiting.poll()) != null) {
      r.release();
    }
  }

  private void onEventLoop(Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
    } else {
      ctx.executor().execute(task);
    }
  }
}
