package io.gatehouse.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Arrays;

/**
 * Puts a request's parts as {@code HttpServerCodec} decodes them (an {@link HttpRequest}, {@link HttpContent}s, a
 * {@link LastHttpContent}) together into a {@link ClientRequest}, with the body bounded by {@code maxLength}: what
 * {@code HttpObjectAggregator} would do, without a composite buffer and a second message. A
 * {@link FullHttpRequest} (an aggregator in front, or the decoder's answer to a malformed head) is whole already.
 *
 * <p>{@code Expect: 100-continue} within the bound is taken off the request and reported by {@link #takeContinue()}
 * (the caller answers {@code 100 Continue} when the connection's earlier responses are out); other expectations are
 * refused with 417, a declared or received length over the bound with 413, a decoding failure with 400, each as soon
 * as it is known; the rest of that request's parts are dropped, or, when the client expected {@code 100 Continue}
 * and will not send them, {@link #takeExpectationFailed()} says so. Never holds a buffer: the caller releases every
 * part it offers. One per connection, used on its event loop.
 */
final class RequestAssembler {
  private final int maxLength;
  private HttpRequest head;
  private byte[] body;
  private int length;
  /** The current request was refused: its remaining parts are dropped up to its last one. */
  private boolean dropping;
  private boolean continueOwed;
  private boolean expectationFailed;

  RequestAssembler(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Takes one part; returns the request it completes (or refuses), or null while more parts are due. */
  ClientRequest offer(HttpObject part) {
    return offer(part, HttpObjects.kind(part));
  }

  /** {@link #offer(HttpObject)} of a part whose {@link HttpObjects#kind} the caller knows. */
  ClientRequest offer(Object part, HttpObjects.Kind kind) {
    return switch (kind) {
      case FULL_REQUEST -> whole((FullHttpRequest) part);
      case REQUEST_HEAD -> begin((HttpRequest) part);
      case CONTENT -> content((HttpContent) part, false);
      case LAST_CONTENT, FULL_RESPONSE -> content((HttpContent) part, true);
      default -> null;
    };
  }

  /** Whether the request just begun expects {@code 100 Continue}; asking again answers false. */
  boolean takeContinue() {
    boolean owed = continueOwed;
    continueOwed = false;
    return owed;
  }

  /**
   * Whether the request just begun expected {@code 100 Continue} and was refused instead: the decoder must then
   * forget the body it expects (the client will not send it), by {@code HttpExpectationFailedEvent}. Asking again
   * answers false.
   */
  boolean takeExpectationFailed() {
    boolean failed = expectationFailed;
    expectationFailed = false;
    return failed;
  }

  private ClientRequest whole(FullHttpRequest request) {
    reset();
    if (request.decoderResult().isFailure()) {
      return ClientRequest.refused(request, HttpResponseStatus.BAD_REQUEST);
    }
    ByteBuf content = request.content();
    if (content.readableBytes() > maxLength) {
      return ClientRequest.refused(request, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    }
    return ClientRequest.of(request, content.isReadable() ? ByteBufUtil.getBytes(content) : null);
  }

  private ClientRequest begin(HttpRequest request) {
    boolean interrupted = head != null; // a new head before the last part of the previous request
    reset();
    if (interrupted || request.decoderResult().isFailure()) {
      return refuse(request, HttpResponseStatus.BAD_REQUEST, true);
    }
    long declared;
    try {
      declared = HttpUtil.getContentLength(request, -1L);
    } catch (NumberFormatException e) {
      return refuse(request, HttpResponseStatus.BAD_REQUEST, true);
    }
    // one lookup for the usual request, which expects nothing
    String expect = request.headers().get(HttpHeaderNames.EXPECT);
    if (expect != null && unsupportedExpectation(request, expect)) {
      expectationFailed = true;
      return refuse(request, HttpResponseStatus.EXPECTATION_FAILED, false);
    }
    if (declared > maxLength) {
      expectationFailed = expect != null && HttpUtil.is100ContinueExpected(request);
      return refuse(request, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, !expectationFailed);
    }
    if (expect != null && HttpUtil.is100ContinueExpected(request)) {
      request.headers().remove(HttpHeaderNames.EXPECT);
      continueOwed = true;
    }
    head = request;
    if (declared > 0) {
      body = new byte[(int) declared];
    }
    return null;
  }

  private ClientRequest content(HttpContent part, boolean last) {
    if (dropping) {
      dropping = !last;
      return null;
    }
    HttpRequest request = head;
    if (request == null) {
      return null; // a part without a head (the decoder never sends one)
    }
    if (part.decoderResult().isFailure()) {
      return refuse(request, HttpResponseStatus.BAD_REQUEST, !last);
    }
    ByteBuf content = part.content();
    int n = content.readableBytes();
    if (n > maxLength - length) {
      return refuse(request, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, !last);
    }
    if (n > 0) {
      if (body == null || body.length - length < n) {
        body = Arrays.copyOf(body == null ? new byte[0] : body,
            (int) Math.min(maxLength, Math.max(length + (long) n, 2L * length + 256)));
      }
      content.getBytes(content.readerIndex(), body, length, n);
      length += n;
    }
    if (!last) {
      return null;
    }
    byte[] bytes = length == 0 ? null : length == body.length ? body : Arrays.copyOf(body, length);
    reset();
    return ClientRequest.of(request, bytes);
  }

  /**
   * The request's {@code Expect} header, {@code expect}, is other than {@code 100-continue} in HTTP/1.1 or later
   * (RFC 9110 10.1.1).
   */
  private static boolean unsupportedExpectation(HttpRequest request, String expect) {
    return request.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0
        && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect);
  }

  private ClientRequest refuse(HttpRequest request, HttpResponseStatus status, boolean dropRest) {
    boolean failed = expectationFailed;
    reset();
    dropping = dropRest;
    expectationFailed = failed;
    return ClientRequest.refused(request, status);
  }

  private void reset() {
    head = null;
    body = null;
    length = 0;
    dropping = false;
    continueOwed = false;
    expectationFailed = false;
  }
}
