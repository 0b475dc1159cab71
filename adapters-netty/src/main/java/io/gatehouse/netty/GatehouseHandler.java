package io.gatehouse.netty;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.Gatehouse;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpExpectationFailedEvent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs each HTTP request of a channel through a {@link Gatehouse}. Place it right after {@code HttpServerCodec};
 * one instance per channel. It puts each request's parts together itself, the body bounded by
 * {@code maxRequestLength}: a longer one is answered 413, an expectation other than {@code 100-continue} 417, a
 * malformed request 400 and a version other than HTTP/1.x 505 (both closing the connection); a later HTTP/1.x is
 * answered as HTTP/1.1; {@code 100 Continue} is sent when the request's turn comes. (An
 * {@code HttpObjectAggregator} in front works too: its {@code FullHttpRequest}s are taken as they are.)
 *
 * <ul>
 *   <li>{@link #inFront}: {@code forward-request} passes the policy-modified request to the next handler of the
 *       pipeline (the application) and the engine sees what the application writes back; {@code return-response}
 *       never reaches it.
 *   <li>{@link #proxy}: {@code forward-request} goes to a {@link Backend}, such as {@link NettyBackend}.
 * </ul>
 *
 * <p>Put an {@code IdleStateHandler} before the codec to close quiet connections: one that goes idle while none of
 * its requests is being answered is closed ({@link #userEventTriggered}).
 *
 * <p>Requests of one connection are handled one at a time in order (pipelined requests wait, and reading from the
 * socket pauses meanwhile). The event loop never blocks: the engine's stage completes whenever its backend answers
 * and the response is written then. When the client disconnects, the outcome of its request is dropped. Request
 * bodies are copied out of their buffers at once, so every buffer is released before the engine runs.
 *
 * <p><b>The application's response in front mode.</b> It streams when both hold:
 * <ul>
 *   <li>no policy that runs after {@code forward-request} can read or transform the response body
 *       ({@link BackendOptions#responseBodyNeeded()} is false: header policies, {@code set-status}, a
 *       {@code choose} on status or headers, {@code return-response} are fine; {@code find-and-replace},
 *       {@code set-body} with a template, an expression mentioning {@code Body} are not), and
 *   <li>the application writes an {@link HttpResponse} that is not a {@link FullHttpResponse}, followed by
 *       {@link HttpContent} parts and a {@link LastHttpContent}.
 * </ul>
 * The forward then completes at the response headers, the outbound policies run, and meanwhile the application's
 * parts wait with their promises (counted towards {@code Channel.isWritable()}). If the final response still has the
 * application's body, the client gets its status and headers (the application's {@code Content-Length} if it
 * declared one, else {@code Transfer-Encoding: chunked}; HTTP/1.0: the end of the connection) and then the parts,
 * written with the application's own promises, so it sees real write completion and backpressure; the connection
 * goes on (keep-alive, the next pipelined request, or {@code Connection: close}) once the last part has been
 * written. If a policy replaced the body ({@code return-response}, an error, ...), the client gets that response
 * and the application's parts are released with their promises succeeded; the application gets a further request
 * only once it has written its last part. A HEAD, 204 or 304 response gets the head only. The response size bound
 * applies only to buffered responses; the {@code forward-request} timeout, as always, ends at the headers.
 *
 * <p>Otherwise ({@code responseBodyNeeded()} true, or a {@code FullHttpResponse}) the response is buffered whole,
 * up to {@code maxResponseLength}, and the client gets the engine's final response with a {@code Content-Length}.
 * Proxy mode always buffers.
 */
public final class GatehouseHandler extends ChannelDuplexHandler {
  /** Largest buffered response the application may write back for one {@code forward-request} in front mode. */
  public static final int DEFAULT_MAX_RESPONSE_LENGTH = 64 * 1024 * 1024;
  /** Largest request body taken from a client (the engine holds request bodies as bytes). */
  public static final int DEFAULT_MAX_REQUEST_LENGTH = 16 * 1024 * 1024;
  /** How deep {@link #respond} may start the next request inside itself (as deep as Netty's listener stack). */
  private static final int MAX_NESTED = 8;

  private final Supplier<Gatehouse> gatehouse;
  private final Backend backend;
  private final int maxResponseLength;
  private final Backend frontBackend = this::forwardToNext;
  private final ChannelFutureListener whenWritten = f -> next(f.isSuccess());
  private final RequestAssembler assembler;
  private final ArrayDeque<ClientRequest> waiting = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private boolean busy;
  /** Responses whose {@link #respond} is starting the next request right now. */
  private int nested;
  private boolean closed;
  /** Reading from the socket is paused while whole requests wait for their turn. */
  private boolean readingPaused;
  /** A request being received expects {@code 100 Continue}, owed once the responses before it are out. */
  private boolean continueOwed;
  private PendingForward forward;
  /** Front mode: the streamed response the application is writing, until its last part; then null. */
  private ApplicationStream writing;
  /** Front mode: the streamed response handed to the engine, until the outcome decides whether the client gets it. */
  private ApplicationStream undecided;
  private String clientHost;
  /** Front mode: the client's head, whose headers the first forward of its request may reuse; then null. */
  private HttpRequest clientHead;
  /** Front mode: the engine's copy of {@link #clientHead}'s headers, as handed to it. */
  private HttpHeaders clientHeaders;
  /** Front mode: the head of the last buffered response of the application, whose headers the client's may reuse. */
  private HttpResponse applicationHead;
  /** Front mode: the engine's copy of {@link #applicationHead}'s headers, as handed to it. */
  private HttpHeaders applicationHeaders;
  // what does not change during a connection, found at its first request
  private boolean connectionKnown;
  private SslHandler ssl;
  private String clientIp;

  private GatehouseHandler(Supplier<Gatehouse> gatehouse, Backend backend, int maxRequestLength,
      int maxResponseLength) {
    this.gatehouse = Objects.requireNonNull(gatehouse, "gatehouse");
    this.backend = backend;
    if (maxRequestLength < 0 || maxResponseLength < 0) {
      throw new IllegalArgumentException("negative length bound");
    }
    this.assembler = new RequestAssembler(maxRequestLength);
    this.maxResponseLength = maxResponseLength;
  }

  /** In front of the application's next handler, which becomes the backend of every request. */
  public static GatehouseHandler inFront(Gatehouse gatehouse) {
    Objects.requireNonNull(gatehouse, "gatehouse");
    return inFront(() -> gatehouse, DEFAULT_MAX_REQUEST_LENGTH, DEFAULT_MAX_RESPONSE_LENGTH);
  }

  /**
   * In front of the next handler, with the gatehouse read per request (so it can be swapped), a bound on request
   * bodies, and a bound on the application's buffered response size (larger responses fail as
   * {@code BackendConnectionFailure}; a streamed response has no bound).
   */
  public static GatehouseHandler inFront(Supplier<Gatehouse> gatehouse, int maxRequestLength,
      int maxResponseLength) {
    return new GatehouseHandler(gatehouse, null, maxRequestLength, maxResponseLength);
  }

  /** A proxy: {@code forward-request} goes to {@code backend}; the gatehouse is read per request. */
  public static GatehouseHandler proxy(Supplier<Gatehouse> gatehouse, Backend backend) {
    return proxy(gatehouse, backend, DEFAULT_MAX_REQUEST_LENGTH);
  }

  /** A proxy with a bound on request bodies. */
  public static GatehouseHandler proxy(Supplier<Gatehouse> gatehouse, Backend backend, int maxRequestLength) {
    return new GatehouseHandler(gatehouse, Objects.requireNonNull(backend, "backend"), maxRequestLength,
        DEFAULT_MAX_RESPONSE_LENGTH);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    dropWaiting();
    closeStreams();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    HttpObjects.Kind kind = HttpObjects.kind(msg);
    if (kind == HttpObjects.Kind.NOT_HTTP) {
      ctx.fireChannelRead(msg);
      return;
    }
    ClientRequest request;
    try {
      if (closed) {
        return;
      }
      request = assembler.offer(msg, kind);
    } finally {
      HttpObjects.release(msg);
    }
    if (assembler.takeExpectationFailed()) {
      // as HttpObjectAggregator does: the decoder stops waiting for the body, the next bytes are the next request
      ctx.pipeline().fireUserEventTriggered(HttpExpectationFailedEvent.INSTANCE);
    }
    if (assembler.takeContinue()) {
      if (busy) {
        continueOwed = true;
      } else {
        writeContinue();
      }
    }
    if (request == null) {
      return;
    }
    if (busy) {
      waiting.add(request);
      if (!readingPaused) {
        readingPaused = true;
        ctx.channel().config().setAutoRead(false);
      }
      return;
    }
    start(request);
  }

  private void writeContinue() {
    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
        Unpooled.EMPTY_BUFFER));
  }

  private void start(ClientRequest request) {
    busy = true;
    HttpRequest head = request.head;
    HttpVersion version = answeringVersion(head.protocolVersion());
    if (version == null) {
      // Not HTTP/1.x (Netty's decoder takes any NAME/major.minor): its framing cannot be trusted either.
      respond(NettyMessages.plain(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "HTTP Version Not Supported\n",
          HttpVersion.HTTP_1_1), false);
      return;
    }
    if (request.refusal != null) {
      // After a 413 or 417 the connection goes on (as after HttpObjectAggregator's): whatever the client still
      // sends of that body is dropped, or the decoder was told not to expect it. After a 400 the decoder's state is
      // not to be trusted.
      boolean goOn = HttpUtil.isKeepAlive(head) && !request.refusal.equals(HttpResponseStatus.BAD_REQUEST);
      // No body, like HttpObjectAggregator's answers: the JDK's client, told 413 instead of 100 Continue, waits
      // forever for a response that has one.
      FullHttpResponse refusal = new DefaultFullHttpResponse(version, request.refusal, Unpooled.EMPTY_BUFFER);
      refusal.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
      respond(refusal, goOn);
      return;
    }
    boolean headRequest = head.method().equals(HttpMethod.HEAD);
    clientHost = null;
    clientHead = backend == null ? head : null;
    clientHeaders = null;
    applicationHead = null;
    applicationHeaders = null;
    GatewayRequest gatewayRequest;
    try {
      if (!connectionKnown) {
        connectionKnown = true;
        ssl = ctx.pipeline().get(SslHandler.class);
        clientIp = NettyMessages.clientIp(ctx.channel().remoteAddress());
      }
      clientHeaders = NettyMessages.requestHeaders(head);
      // Netty's first value, copied as it is; usually the first header, so no hash lookup in Netty's map
      clientHost = clientHeaders.first("Host");
      gatewayRequest = NettyMessages.toGatewayRequest(head, clientHeaders, clientHost, request.body, ctx.channel(),
          ssl, clientIp);
    } catch (IllegalArgumentException e) {
      respond(NettyMessages.plain(HttpResponseStatus.BAD_REQUEST, "Bad Request\n", version), false);
      return;
    }
    // HttpUtil.isKeepAlive without its two hash lookups when there is no Connection header (the usual request)
    boolean keepAlive = clientHeaders.contains("Connection") ? HttpUtil.isKeepAlive(head)
        : head.protocolVersion().isKeepAliveDefault();
    CompletionStage<ExchangeOutcome> stage;
    try {
      stage = gatehouse.get().execute(gatewayRequest, backend != null ? backend : frontBackend);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    // Usual in front mode: the application answered inside execute, and the outcome is known already.
    if (stage instanceof CompletableFuture<ExchangeOutcome> done && done.isDone() && ctx.executor().inEventLoop()) {
      ExchangeOutcome outcome = null;
      Throwable error = null;
      try {
        outcome = done.getNow(null);
      } catch (CompletionException | CancellationException e) {
        error = e;
      }
      finish(outcome, error, version, keepAlive, headRequest);
      return;
    }
    stage.whenComplete((outcome, error) -> onEventLoop(() -> finish(outcome, error, version, keepAlive,
        headRequest)));
  }

  /**
   * The version of the response to a request of {@code requested} (RFC 9110 2.5): the same for HTTP/1.0 and 1.1,
   * 1.1 for a later HTTP/1.x; null for anything else, which is refused with 505.
   */
  static HttpVersion answeringVersion(HttpVersion requested) {
    if (requested.equals(HttpVersion.HTTP_1_1) || requested.equals(HttpVersion.HTTP_1_0)) {
      return requested;
    }
    return requested.protocolName().equals("HTTP") && requested.majorVersion() == 1 ? HttpVersion.HTTP_1_1 : null;
  }

  private void finish(ExchangeOutcome outcome, Throwable error, HttpVersion version, boolean keepAlive,
      boolean head) {
    if (forward != null) {
      forward.fail(BackendException.Kind.CONNECTION_FAILURE, "the request finished first");
      forward = null;
    }
    ApplicationStream stream = undecided;
    undecided = null;
    if (closed) {
      busy = false;
      dropWaiting();
      if (stream != null) {
        stream.close();
      }
      return;
    }
    boolean close = error != null || "close".equalsIgnoreCase(outcome.response().headers().first("Connection"));
    if (stream != null && error == null && outcome.response().streamed() == stream) {
      HttpResponse response = NettyMessages.toStreamedResponse(outcome.response(), head, version,
          stream.declaredLength());
      if (response instanceof FullHttpResponse noBody) { // HEAD, 204, 304: the head only
        stream.discard();
        respond(noBody, keepAlive && !close);
      } else {
        boolean endsWithConnection = stream.declaredLength() < 0 && !HttpUtil.isTransferEncodingChunked(response);
        stream(response, stream, keepAlive && !close && !endsWithConnection);
      }
      return;
    }
    if (stream != null) {
      stream.discard(); // a policy replaced the body, or the request failed
    }
    FullHttpResponse response = error != null
        ? NettyMessages.plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error\n", version)
        : clientResponse(outcome.response(), head, version);
    respond(response, keepAlive && !close);
  }

  /** The client's response: on the application's own header object when possible, else built anew. */
  private FullHttpResponse clientResponse(GatewayResponse response, boolean head, HttpVersion version) {
    HttpResponse application = applicationHead;
    HttpHeaders given = applicationHeaders;
    applicationHead = null;
    applicationHeaders = null;
    FullHttpResponse patched = application != null && given != null
        ? NettyMessages.patchApplicationResponse(application, given, response, head, version) : null;
    return patched != null ? patched : NettyMessages.toNettyResponse(response, head, version);
  }

  private void respond(FullHttpResponse response, boolean keepAlive) {
    setKeepAlive(response, keepAlive);
    ChannelFuture written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      closed = true;
      dropWaiting();
      written.addListener(ChannelFutureListener.CLOSE);
      return;
    }
    // The next request starts once this response is in the socket's hands: a slow reader slows its own requests.
    // (If the application is still writing a discarded stream, forwardToNext holds the next request back from it.)
    if (written.isDone() && nested < MAX_NESTED) {
      // Usual: the socket took it at once. What the listener would do now, without the promise's lock and checks;
      // bounded like Netty's listener stack, as pipelined requests would otherwise start one inside another.
      nested++;
      try {
        next(written.isSuccess());
      } finally {
        nested--;
      }
      return;
    }
    written.addListener(whenWritten);
  }

  /**
   * Writes the head of a response whose body is the application's stream, then passes the stream's parts through.
   * Keep-alive, closing and the next request are as for {@link #respond}, once the last part has been written.
   */
  private void stream(HttpResponse response, ApplicationStream stream, boolean keepAlive) {
    setKeepAlive(response, keepAlive);
    if (!keepAlive) {
      closed = true;
      dropWaiting();
    }
    ctx.write(response); // if this fails, so do the parts' writes, and the stream ends unwritten
    stream.whenEnded(written -> {
      if (keepAlive) {
        next(written);
      } else {
        ctx.close();
      }
    });
    stream.passThrough();
  }

  /**
   * {@link HttpUtil#setKeepAlive} without its removal of a {@code Connection} header: the responses written here
   * never have one (hop-by-hop headers are not copied).
   */
  private static void setKeepAlive(HttpResponse response, boolean keepAlive) {
    if (!keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (!response.protocolVersion().isKeepAliveDefault()) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
  }

  /** The response has been written ({@code written}) or not: the next waiting request starts, or reading resumes. */
  private void next(boolean written) {
    busy = false;
    if (!written) {
      ctx.close();
      return;
    }
    ClientRequest next = waiting.poll();
    if (next != null) {
      start(next);
    } else if (!closed) {
      if (continueOwed) {
        continueOwed = false;
        writeContinue();
      }
      if (readingPaused) {
        readingPaused = false;
        ctx.channel().config().setAutoRead(true);
      }
    }
  }

  /**
   * Front mode's backend: the request goes down the pipeline to the application, on the event loop, with the
   * backend URL's path and query and the client's {@code Host} (the application is the origin the client addressed).
   */
  private CompletionStage<BackendResponse> forwardToNext(BackendRequest request, BackendOptions options) {
    PendingForward pending = new PendingForward(maxResponseLength, !options.responseBodyNeeded());
    if (ctx.executor().inEventLoop()) {
      forwardToNext(request, options, pending);
    } else {
      ctx.executor().execute(() -> forwardToNext(request, options, pending));
    }
    return pending.result;
  }

  private void forwardToNext(BackendRequest request, BackendOptions options, PendingForward pending) {
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
      toApp = applicationRequest(request);
    } catch (IllegalArgumentException e) {
      pending.fail(BackendException.Kind.CONNECTION_FAILURE, "invalid backend request: " + e.getMessage());
      return;
    }
    if (undecided != null) { // a second forward-request replaces the streamed response of the first
      undecided.discard();
      undecided = null;
    }
    forward = pending;
    ApplicationStream previous = writing;
    if (previous == null) {
      ctx.fireChannelRead(toApp);
    } else {
      // The application is still writing its previous (discarded) response: it gets the request after that.
      previous.whenEnded(ended -> ctx.executor().execute(() -> {
        if (forward == pending && !closed) {
          ctx.fireChannelRead(toApp);
        } else {
          toApp.release();
        }
      }));
    }
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
  }

  /** The request the application gets: the client's own, patched, at the first forward when possible. */
  private FullHttpRequest applicationRequest(BackendRequest request) {
    String host = clientHost != null ? clientHost : request.uri().getRawAuthority();
    HttpRequest client = clientHead;
    HttpHeaders given = clientHeaders;
    clientHead = null; // the application may hold on to the first request: later forwards get new ones
    clientHeaders = null;
    FullHttpRequest patched = client != null
        ? NettyMessages.patchClientRequest(client, given, request, host) : null;
    return patched != null ? patched : NettyMessages.toNettyRequest(request, host);
  }

  /**
   * Front mode: what the application writes is the response to the pending forward, not the client's. A response
   * that is not a {@link FullHttpResponse}, when the forward may stream, completes the forward at its headers and its
   * parts go to an {@link ApplicationStream}; otherwise the response is collected whole.
   */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    HttpObjects.Kind kind = backend != null ? HttpObjects.Kind.NOT_HTTP : HttpObjects.kind(msg);
    if (kind == HttpObjects.Kind.NOT_HTTP) {
      ctx.write(msg, promise);
      return;
    }
    boolean head = kind == HttpObjects.Kind.RESPONSE_HEAD || kind == HttpObjects.Kind.FULL_RESPONSE;
    boolean content = kind.content;
    boolean last = kind.last;
    ApplicationStream stream = writing;
    if (stream != null && content && !head) {
      if (last) {
        writing = null;
      }
      stream.write((HttpContent) msg, promise);
      return;
    }
    PendingForward pending = forward;
    if (stream == null && pending != null && pending.streamable() && kind == HttpObjects.Kind.RESPONSE_HEAD) {
      HttpResponse response = (HttpResponse) msg;
      ApplicationStream body = new ApplicationStream(ctx, NettyMessages.declaredLength(response));
      forward = null;
      writing = body;
      undecided = body;
      promise.setSuccess();
      try {
        pending.streamed(response, body); // the engine goes on, and often finishes, at once
      } finally {
        ReferenceCountUtil.release(msg);
      }
      return;
    }
    try {
      if (stream != null) {
        promise.setFailure(new IllegalStateException("the application's previous response has not ended"));
        return;
      }
      if (pending == null) {
        promise.setFailure(new IllegalStateException("Gatehouse is not waiting for a response (timed out or done)"));
        return;
      }
      if (head) {
        HttpResponse response = (HttpResponse) msg;
        pending.headers(response);
        applicationHead = response;
        applicationHeaders = null; // set with the last part
      }
      if (content) {
        pending.content(((HttpContent) msg).content());
      }
      if (last) {
        forward = null;
        pending.complete();
        applicationHeaders = pending.given();
      }
      promise.setSuccess();
    } finally {
      HttpObjects.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closed = true;
    dropWaiting();
    if (forward != null) {
      PendingForward pending = forward;
      forward = null;
      pending.fail(BackendException.Kind.CONNECTION_FAILURE, "the client disconnected");
    }
    closeStreams();
    ctx.fireChannelInactive();
  }

  /**
   * An {@link IdleStateEvent} of an {@code IdleStateHandler} before the codec: a connection that went quiet while
   * no request of it is being answered (an idle keep-alive connection, or a client that stopped in the middle of a
   * request) is closed; while one is, the event goes on down the pipeline (the {@code forward-request} timeout bounds
   * the work).
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && !busy && waiting.isEmpty()) {
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (backend == null) {
      ctx.fireExceptionCaught(cause);
    } else {
      ctx.close();
    }
  }

  /** The client is gone: streamed parts are released, their promises fail (later ones too, as they come). */
  private void closeStreams() {
    if (undecided != null) {
      undecided.close();
      undecided = null;
    }
    if (writing != null) {
      writing.close(); // kept: the application's further parts fail at once until its last one
    }
  }

  private void dropWaiting() {
    waiting.clear(); // they hold no buffers
  }

  private void onEventLoop(Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
    } else {
      ctx.executor().execute(task);
    }
  }
}
