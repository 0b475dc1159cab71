package io.gatehouse.engine.context;

import io.gatehouse.api.LastError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * APIM's implicit {@code context} object as policy expressions see it. The pipeline's exchange implements it; the
 * expression binder maps C# member names ({@code context.Request.Headers}) onto these methods.
 *
 * <p>Everything is read-only from expressions; only policies write (variables, headers, body, status).
 */
public interface PolicyContext {
  /** {@code context.Request}. */
  RequestContext request();

  /** {@code context.Response}; before a backend response exists: status 200, no headers, no body. */
  ResponseContext response();

  /** {@code context.Variables}: values are C# runtime values (String, Integer, Boolean, JToken, ...). */
  Map<String, Object> variables();

  /** {@code context.Api}. */
  ApiInfo api();

  /** {@code context.Operation}. */
  OperationInfo operation();

  /** {@code context.Product}, null outside a product context. */
  ProductInfo product();

  /** {@code context.Subscription}, null for keyless calls. */
  SubscriptionInfo subscription();

  /** {@code context.User}, null for anonymous calls. */
  UserInfo user();

  /** {@code context.LastError}, null until an error happened. */
  LastError lastError();

  /** {@code context.Deployment}. */
  DeploymentInfo deployment();

  /** {@code context.RequestId}. */
  UUID requestId();

  /** {@code context.Timestamp}: when the request arrived (UTC). */
  Instant timestamp();

  /** {@code context.Elapsed}: engine clock now minus {@link #timestamp()}. */
  Duration elapsed();

  /** {@code context.Tracing}. */
  boolean tracing();

  /** {@code context.Trace(message)}. */
  void trace(String message);

  /** The engine clock's current instant; {@code DateTime.UtcNow} and {@code DateTime.Now} read it. */
  Instant now();
}
