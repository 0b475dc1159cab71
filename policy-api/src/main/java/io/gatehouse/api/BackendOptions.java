package io.gatehouse.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How one backend call is made; derived from {@code forward-request} attributes.
 *
 * @param timeout how long to wait for the response headers
 * @param followRedirects whether 3xx responses are followed
 * @param httpVersion which HTTP version to speak
 */
public record BackendOptions(Duration timeout, boolean followRedirects, HttpVersion httpVersion) {
  /** forward-request's defaults: 300 seconds, no redirects, HTTP/1.1. */
  public static final BackendOptions DEFAULT = new BackendOptions(Duration.ofSeconds(300), false, HttpVersion.HTTP_1_1);

  public BackendOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(httpVersion, "httpVersion");
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
