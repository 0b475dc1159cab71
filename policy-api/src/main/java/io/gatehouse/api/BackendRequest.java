package io.gatehouse.api;

import java.net.URI;
import java.util.Objects;

/**
 * The request the engine sends to a backend ({@code forward-request}).
 *
 * @param method HTTP method
 * @param uri absolute backend URI
 * @param headers headers to send
 * @param body body to send, or null for none
 */
public record BackendRequest(String method, URI uri, HttpHeaders headers, byte[] body) {
  public BackendRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = headers == null ? new HttpHeaders() : headers;
  }
}
