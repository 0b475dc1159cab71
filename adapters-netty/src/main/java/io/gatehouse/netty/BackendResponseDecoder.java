package io.gatehouse.netty;

import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Decodes a pooled backend connection's responses ({@code HttpClientCodec}'s decoder, with the request's method
 * given per call) and tells whether bytes have arrived beyond the response just decoded: such a connection is not
 * reused, since those bytes would otherwise become the start of the next caller's response.
 */
final class BackendResponseDecoder extends HttpResponseDecoder {
  /** The current request is a HEAD: its response has no body, whatever its headers say. Event loop only. */
  boolean headRequest;

  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage msg) {
    return headRequest || super.isContentAlwaysEmpty(msg);
  }

  /** Whether bytes are waiting after the message this decoder has just handed on. */
  boolean hasUnreadBytes() {
    return actualReadableBytes() > 0;
  }
}
