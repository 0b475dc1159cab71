package io.gatehouse.netty;

import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A {@code forward-request} handed to the application's next handler, collecting the response the application
 * writes back ({@link io.netty.handler.codec.http.FullHttpResponse} or a response followed by content parts), or,
 * when the call may stream ({@link #streamable()}) and the response is not a full one, completing at its headers
 * with an {@link ApplicationStream} as the body. Used on the channel's event loop only.
 */
final class PendingForward {
  final CompletableFuture<BackendResponse> result = new CompletableFuture<>();
  private final int maxContentLength;
  private final boolean streamable;
  private ScheduledFuture<?> timer;
  private HttpResponse head;
  private byte[] first;
  private ByteArrayOutputStream body;
  private long received;
  /** The headers the engine was given for a buffered response, once it completed. */
  private HttpHeaders given;

  /**
   * @param maxContentLength the bound of a buffered response
   * @param streamable whether the response's body may stream ({@code BackendOptions.responseBodyNeeded()} false)
   */
  PendingForward(int maxContentLength, boolean streamable) {
    this.maxContentLength = maxContentLength;
    this.streamable = streamable;
  }

  boolean streamable() {
    return streamable;
  }

  void timer(ScheduledFuture<?> timer) {
    this.timer = timer;
  }

  /** Whether the response headers have arrived (a timeout no longer applies). */
  boolean headersReceived() {
    return head != null;
  }

  void headers(HttpResponse response) {
    head = response;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** The response's headers arrived and its body streams: completes with {@code body} as the body. */
  void streamed(HttpResponse response, ApplicationStream body) {
    headers(response);
    result.complete(BackendResponse.streamed(response.status().code(), response.status().reasonPhrase(),
        NettyMessages.fromNetty(response.headers(), body.declaredLength() >= 0), body));
  }

  /** Copies a content part (the caller releases it); parts beyond the size limit are counted, not kept. */
  void content(ByteBuf content) {
    received += content.readableBytes();
    if (received > maxContentLength || !content.isReadable()) {
      return;
    }
    if (first == null && body == null) {
      first = ByteBufUtil.getBytes(content); // the usual case: one part, kept without a second copy
      return;
    }
    if (body == null) {
      body = new ByteArrayOutputStream(first.length + content.readableBytes());
      body.write(first, 0, first.length);
      first = null;
    }
    try {
      content.getBytes(content.readerIndex(), body, content.readableBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
  }

  /** The last part arrived: completes with the response, or fails when it had no headers or was too large. */
  void complete() {
    if (head == null) {
      fail(BackendException.Kind.CONNECTION_FAILURE, "the application wrote content without a response");
    } else if (received > maxContentLength) {
      fail(BackendException.Kind.CONNECTION_FAILURE, "the application's response exceeds " + maxContentLength
          + " bytes");
    } else {
      given = NettyMessages.fromNetty(head.headers(), true);
      result.complete(new BackendResponse(head.status().code(), head.status().reasonPhrase(), given,
          body != null ? body.toByteArray() : first != null ? first : new byte[0]));
    }
  }

  /**
   * The engine's copy of the buffered response's headers, as it was handed over (the engine changes its own
   * copies), or null before {@link #complete} or when it failed.
   */
  HttpHeaders given() {
    return given;
  }

  void fail(BackendException.Kind kind, String message) {
    if (timer != null) {
      timer.cancel(false);
    }
    result.completeExceptionally(new BackendException(kind, message, null));
  }
}
