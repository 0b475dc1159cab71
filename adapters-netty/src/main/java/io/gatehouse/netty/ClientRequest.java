package io.gatehouse.netty;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A client's request, whole and holding no Netty buffer: the decoder's head (its content, if it had any, already
 * released) and the body's bytes; or a request refused before the engine sees it ({@link #refusal}: 400 for a
 * malformed request, 413 over the size bound, 417 for an expectation other than {@code 100-continue}), answered in
 * its turn (after a 400 the connection ends).
 */
final class ClientRequest {
  final HttpRequest head;
  /** The body, or null when it was empty. */
  final byte[] body;
  /** Why the request is refused, or null. */
  final HttpResponseStatus refusal;

  private ClientRequest(HttpRequest head, byte[] body, HttpResponseStatus refusal) {
    this.head = head;
    this.body = body;
    this.refusal = refusal;
  }

  static ClientRequest of(HttpRequest head, byte[] body) {
    return new ClientRequest(head, body, null);
  }

  static ClientRequest refused(HttpRequest head, HttpResponseStatus refusal) {
    return new ClientRequest(head, null, refusal);
  }
}
