package io.gatehouse.netty;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * What a message on an HTTP pipeline is, found by its exact class for the classes Netty's codec and applications
 * use (a request head, the empty last part, a full response), and by interface checks only for other classes.
 *
 * <p>Why: a handler sees several message classes at the same type check, so the JIT cannot speculate on one class,
 * and HotSpot before JDK 23 answers an interface check through a one-entry cache per class that every check of a
 * different interface overwrites: each request then costs several scans of the class's interface list (and, with
 * one event loop per core, writes to memory the cores share). A class comparison is one load. Netty's own codec
 * goes by exact class for the same reason.
 */
final class HttpObjects {
  enum Kind {
    /** A request head without its body ({@link HttpRequest}, not a {@link FullHttpRequest}). */
    REQUEST_HEAD(false, false),
    /** A whole request ({@link FullHttpRequest}). */
    FULL_REQUEST(true, true),
    /** A response head without its body ({@link HttpResponse}, not a {@link FullHttpResponse}). */
    RESPONSE_HEAD(false, false),
    /** A whole response ({@link FullHttpResponse}). */
    FULL_RESPONSE(true, true),
    /** A body part that is not the last ({@link HttpContent}, not a {@link LastHttpContent}). */
    CONTENT(true, false),
    /** The last body part ({@link LastHttpContent}, not a message head). */
    LAST_CONTENT(true, true),
    /** Another {@link HttpObject}. */
    OTHER_HTTP(false, false),
    /** Not an {@link HttpObject}. */
    NOT_HTTP(false, false);

    /** Whether such a message is an {@link HttpContent} (whole messages are). */
    final boolean content;
    /** Whether such a message is a {@link LastHttpContent} (whole messages are). */
    final boolean last;

    Kind(boolean content, boolean last) {
      this.content = content;
      this.last = last;
    }
  }

  private static final Class<?> EMPTY_LAST = LastHttpContent.EMPTY_LAST_CONTENT.getClass();

  private HttpObjects() {}

  static Kind kind(Object msg) {
    Class<?> type = msg.getClass();
    if (type == DefaultHttpRequest.class) {
      return Kind.REQUEST_HEAD;
    }
    if (type == EMPTY_LAST || type == DefaultLastHttpContent.class) {
      return Kind.LAST_CONTENT;
    }
    if (type == DefaultFullHttpResponse.class) {
      return Kind.FULL_RESPONSE;
    }
    if (type == DefaultHttpContent.class) {
      return Kind.CONTENT;
    }
    return byInterfaces(msg);
  }

  /** The same answer for any class, by interface checks (a full request or response is also a last part). */
  static Kind byInterfaces(Object msg) {
    if (!(msg instanceof HttpObject)) {
      return Kind.NOT_HTTP;
    }
    if (msg instanceof HttpRequest) {
      return msg instanceof FullHttpRequest ? Kind.FULL_REQUEST : Kind.REQUEST_HEAD;
    }
    if (msg instanceof HttpResponse) {
      return msg instanceof FullHttpResponse ? Kind.FULL_RESPONSE : Kind.RESPONSE_HEAD;
    }
    if (msg instanceof HttpContent) {
      return msg instanceof LastHttpContent ? Kind.LAST_CONTENT : Kind.CONTENT;
    }
    return Kind.OTHER_HTTP;
  }

  /**
   * Releases a message the handler consumed: nothing to do for a request head of the decoder's class (not
   * reference-counted) or the shared empty last part; {@link ReferenceCountUtil#release} otherwise.
   */
  static void release(Object msg) {
    Class<?> type = msg.getClass();
    if (type == DefaultHttpRequest.class || msg == LastHttpContent.EMPTY_LAST_CONTENT) {
      return;
    }
    if (type == DefaultFullHttpResponse.class) {
      ((DefaultFullHttpResponse) msg).release();
      return;
    }
    ReferenceCountUtil.release(msg);
  }
}
