package io.gatehouse.engine.context;

import io.gatehouse.api.HttpHeaders;
import java.security.cert.X509Certificate;
import java.util.Map;

/** {@code context.Request}: the request as modified so far by policies. */
public interface RequestContext {
  /** Current method (set-method changes it). */
  String method();

  /** URL that will be sent to the backend: backend base + operation-relative path + query. */
  UrlInfo url();

  /** URL as received by the gateway. */
  UrlInfo originalUrl();

  /** Request headers as modified so far. Lookups are case-insensitive. */
  HttpHeaders headers();

  /** The body, or null when the request has none. */
  MessageBody body();

  /** Values of the operation URL-template parameters (case-sensitive names). */
  Map<String, String> matchedParameters();

  /** Client IP address, or null when unknown. */
  String ipAddress();

  /** Client certificate (leaf), or null. */
  X509Certificate certificate();
}
