package io.gatehouse.engine.testing;

import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A fluent request for {@link TestGateway#send}. Defaults: client IP {@code 127.0.0.1}, no body, no client
 * certificate.
 */
public final class TestRequest {
  private final String method;
  private final String url;
  private final HttpHeaders headers = new HttpHeaders();
  private byte[] body;
  private String clientIp = "127.0.0.1";
  private List<X509Certificate> clientCertificates = List.of();

  private TestRequest(String method, String url) {
    this.method = method;
    this.url = url;
  }

  public static TestRequest of(String method, String url) {
    return new TestRequest(method, url);
  }

  public static TestRequest get(String url) {
    return of("GET", url);
  }

  public static TestRequest post(String url) {
    return of("POST", url);
  }

  /** Adds a value to header {@code name}; calling it twice gives the header two values (it does not replace). */
  public TestRequest header(String name, String value) {
    headers.add(name, value);
    return this;
  }

  /** Replaces every value of header {@code name} with {@code value}. */
  public TestRequest replaceHeader(String name, String value) {
    headers.set(name, value);
    return this;
  }

  /** Removes header {@code name}. */
  public TestRequest removeHeader(String name) {
    headers.remove(name);
    return this;
  }

  public TestRequest body(String text) {
    this.body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  public TestRequest body(byte[] bytes) {
    this.body = bytes;
    return this;
  }

  public TestRequest clientIp(String ip) {
    this.clientIp = ip;
    return this;
  }

  /** The TLS client certificate chain the caller presents, leaf first. */
  public TestRequest clientCertificates(X509Certificate... chain) {
    this.clientCertificates = List.of(chain);
    return this;
  }

  GatewayRequest toGatewayRequest() {
    return new GatewayRequest(method, url, headers.copy(), body, clientIp, clientCertificates);
  }
}
