package io.gatehouse.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How one backend call is made; derived from {@code forward-request} attributes and the compiled pipeline.
 *
 * @param timeout how long to wait for the response headers
 * @param followRedirects whether 3xx responses are followed
 * @param httpVersion which HTTP version to speak
 * @param clientCertificate the credential to present in TLS ({@code authentication-certificate}), or null for none
 * @param responseBodyNeeded true when a policy that runs after {@code forward-request} may read or transform the
 *     response body, so the backend must deliver it as bytes; false when the backend may answer with a
 *     {@link StreamedBody} instead ({@link BackendResponse#streamed})
 */
public record BackendOptions(Duration timeout, boolean followRedirects, HttpVersion httpVersion,
    ClientCertificate clientCertificate, boolean responseBodyNeeded) {
  /** forward-request's defaults: 300 seconds, no redirects, HTTP/1.1. */
  public static final BackendOptions DEFAULT = new BackendOptions(Duration.ofSeconds(300), false, HttpVersion.HTTP_1_1);

  public BackendOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(httpVersion, "httpVersion");
  }

  /** Options that need the response body as bytes. */
  public BackendOptions(Duration timeout, boolean followRedirects, HttpVersion httpVersion,
      ClientCertificate clientCertificate) {
    this(timeout, followRedirects, httpVersion, clientCertificate, true);
  }

  /** Options without a client certificate that need the response body as bytes. */
  public BackendOptions(Duration timeout, boolean followRedirects, HttpVersion httpVersion) {
    this(timeout, followRedirects, httpVersion, null);
  }

  /** These options presenting {@code certificate} (null: none). */
  public BackendOptions withClientCertificate(ClientCertificate certificate) {
    return new BackendOptions(timeout, followRedirects, httpVersion, certificate, responseBodyNeeded);
  }

  /** The {@code http-version} attribute's values. */
  public enum HttpVersion {
    /** {@code 1}. */
    HTTP_1_1,
    /** {@code 2}. */
    HTTP_2,
    /** {@code 2or1}: prefer HTTP/2, fall back to 1.1. */
    HTTP_2_OR_1
  }
}
