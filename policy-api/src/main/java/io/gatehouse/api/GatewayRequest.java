package io.gatehouse.api;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A request as a host (servlet, Netty, test harness, CLI) hands it to the engine.
 *
 * @param method HTTP method, upper case
 * @param url absolute URL as received, e.g. {@code https://gw.example/orders/42?x=1}
 * @param headers request headers (the engine works on its own copy)
 * @param body request body, or null when the request has none
 * @param clientIp IP address of the caller's connection (IPv4 or IPv6 text), or null if unknown
 * @param clientCertificates TLS client certificate chain, leaf first; empty when none was presented
 */
public record GatewayRequest(
    String method,
    String url,
    HttpHeaders headers,
    byte[] body,
    String clientIp,
    List<X509Certificate> clientCertificates) {

  public GatewayRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = headers == null ? new HttpHeaders() : headers;
    clientCertificates = clientCertificates == null ? List.of() : List.copyOf(clientCertificates);
  }

  /** A request without body, client IP or certificates. */
  public static GatewayRequest of(String method, String url, HttpHeaders headers) {
    return new GatewayRequest(method, url, headers, null, null, List.of());
  }
}
