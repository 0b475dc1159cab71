package io.gatehouse.netty;

import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request on one pooled connection of {@link NettyBackend}. Runs on the connection's event loop, except
 * {@link #timeout}, which may fire on any loop. Whoever detaches the call from its connection returns the
 * connection to the pool, exactly once; a connection is reused only after a complete keep-alive response.
 */
final class BackendCall {
  /** Set on a connection once it has carried a complete response: a failure on it may be a stale keep-alive. */
  static final AttributeKey<Boolean> REUSED = AttributeKey.valueOf(BackendCall.class, "reused");

  /** A failure before any response on a reused connection: the caller may retry once on a fresh one. */
  static final class StaleConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleConnection(Throwable cause) {
      super(cause);
    }
  }

  final CompletableFuture<BackendResponse> result = new CompletableFuture<>();
  private final int maxResponseLength;
  private final boolean mayRetry;
  private volatile Channel channel;
  private ChannelPool pool;
  private BackendResponseDecoder decoder;
  private boolean reused;
  private ScheduledFuture<?> timer;
  private long idleMillis;
  private long lastRead;
  private HttpResponse head;
  private boolean informational;
  private ByteArrayOutputStream body;
  private long received;

  BackendCall(int maxResponseLength, boolean mayRetry) {
    this.maxResponseLength = maxResponseLength;
    this.mayRetry = mayRetry;
  }

  /**
   * The wait for the response headers, {@code millis} long, already scheduled; once the headers are in, the same
   * {@code millis} bound each wait for more of the body (a backend that stops sending mid-body fails the call
   * instead of holding it forever).
   */
  void timer(ScheduledFuture<?> timer, long millis) {
    this.timer = timer;
    this.idleMillis = millis;
  }

  /** Sends {@code request} (released by the write) on an acquired connection; on the connection's loop. */
  void start(Channel ch, ChannelPool pool, FullHttpRequest request) {
    this.pool = pool;
    this.channel = ch;
    if (result.isDone()) {
      // timed out while connecting or waiting for a connection
      request.release();
      pool.release(ch);
      return;
    }
    reused = ch.hasAttr(REUSED);
    BackendClientHandler handler = ch.pipeline().get(BackendClientHandler.class);
    if (handler == null || !ch.isActive()) {
      // The backend closed it after the pool's health check, before this call got its turn on the loop: nothing
      // would ever answer (and a closed channel has lost its handlers). A pooled connection: retry on a fresh one.
      request.release();
      if (timer != null) {
        timer.cancel(false);
      }
      pool.release(ch);
      result.completeExceptionally(reused && mayRetry ? new StaleConnection(null)
          : new BackendException(BackendException.Kind.CONNECTION_FAILURE, "connection closed", null));
      return;
    }
    decoder = handler.decoder;
    decoder.headRequest = request.method().equals(HttpMethod.HEAD);
    handler.call = this;
    ch.writeAndFlush(request).addListener(f -> {
      if (!f.isSuccess()) {
        failed(f.cause());
      }
    });
  }

  /** One message of the response; always released. */
  void onMessage(Object msg) {
    try {
      if (msg instanceof HttpObject part && part.decoderResult().isFailure()) {
        // A head too large, a broken status line or chunk: the decoder skips the rest, and no end would come.
        Throwable cause = part.decoderResult().cause();
        fail(BackendException.Kind.CONNECTION_FAILURE, "malformed response: " + cause.getMessage(), cause);
        return;
      }
      if (msg instanceof HttpResponse response && (response.status().code() < 100 || response.status().code() > 599
          || response.status().code() == 101)) {
        // not a status HTTP has (Netty's decoder takes any number), or a protocol switch nobody asked for
        fail(BackendException.Kind.CONNECTION_FAILURE, "malformed response: status " + response.status().code(),
            null);
        return;
      }
      if (msg instanceof HttpResponse response) {
        informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL
            && response.status().code() != 101;
        if (!informational) {
          head = response;
          if (timer != null) {
            timer.cancel(false);
            timer = null;
          }
          if (idleMillis > 0 && !(msg instanceof LastHttpContent)) {
            lastRead = System.nanoTime();
            timer = channel.eventLoop().schedule(this::checkBody, idleMillis, TimeUnit.MILLISECONDS);
          }
        }
      }
      if (informational || head == null) {
        if (msg instanceof LastHttpContent) {
          informational = false;
        }
        return;
      }
      if (msg instanceof HttpContent content) {
        lastRead = System.nanoTime();
        append(content.content());
        if (received > maxResponseLength) {
          fail(BackendException.Kind.CONNECTION_FAILURE, "the backend's response exceeds " + maxResponseLength
              + " bytes", null);
          return;
        }
      }
      if (msg instanceof LastHttpContent) {
        BackendResponse response = new BackendResponse(head.status().code(), head.status().reasonPhrase(),
            NettyMessages.fromNetty(head.headers(), true), body == null ? new byte[0] : body.toByteArray());
        // Bytes after the response (a backend that says less than it sends, or a split response) would be read as
        // the next call's answer: such a connection is closed.
        boolean keepAlive = HttpUtil.isKeepAlive(head) && !result.isDone() && !decoder.hasUnreadBytes();
        if (keepAlive) {
          channel.attr(REUSED).set(Boolean.TRUE);
        }
        detach(keepAlive);
        result.complete(response);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void append(ByteBuf content) {
    received += content.readableBytes();
    if (!content.isReadable() || received > maxResponseLength) {
      return;
    }
    if (body == null) {
      body = new ByteArrayOutputStream(Math.max(256, content.readableBytes()));
    }
    try {
      content.getBytes(content.readerIndex(), body, content.readableBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
  }

  /** The connection failed or closed; on the connection's loop. */
  void failed(Throwable cause) {
    if (head == null && reused && mayRetry && channel != null) {
      if (detach(false)) {
        result.completeExceptionally(new StaleConnection(cause));
      }
      return;
    }
    String detail = cause == null ? "connection closed" : cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    fail(BackendException.Kind.CONNECTION_FAILURE, detail, cause);
  }

  private void fail(BackendException.Kind kind, String message, Throwable cause) {
    detach(false);
    result.completeExceptionally(new BackendException(kind, message, cause));
  }

  /** The body's idle bound: fails the call when nothing arrived for {@link #idleMillis}, else waits on. */
  private void checkBody() {
    if (result.isDone()) {
      return;
    }
    long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRead);
    if (idle >= idleMillis) {
      fail(BackendException.Kind.TIMEOUT, "no response body data for " + idleMillis + " ms", null);
    } else {
      timer = channel.eventLoop().schedule(this::checkBody, idleMillis - idle, TimeUnit.MILLISECONDS);
    }
  }

  /** No response headers in time; any thread. The connection, if any, is closed: its answer would come late. */
  void timeout(long millis) {
    if (result.completeExceptionally(new BackendException(BackendException.Kind.TIMEOUT,
        "no response headers within " + millis + " ms", null))) {
      Channel ch = channel;
      if (ch != null) {
        ch.eventLoop().execute(() -> detach(false));
      }
    }
  }

  /** Detaches this call from its connection and returns the connection to the pool; false when already done. */
  private boolean detach(boolean reusable) {
    Channel ch = channel;
    if (timer != null) {
      timer.cancel(false);
    }
    if (ch == null) {
      return true;
    }
    BackendClientHandler handler = ch.pipeline().get(BackendClientHandler.class);
    if (handler == null || handler.call != this) {
      return false;
    }
    handler.call = null;
    if (!reusable) {
      ch.close();
    }
    pool.release(ch);
    return true;
  }
}
