package io.gatehouse.api;

import java.util.concurrent.CompletionStage;

/**
 * Sends the request of {@code forward-request} somewhere and returns the answer without blocking the caller.
 *
 * <p>Failures complete the stage exceptionally with a {@link BackendException}: {@link
 * BackendException.Kind#TIMEOUT} when no response headers arrived within {@link BackendOptions#timeout()},
 * {@link BackendException.Kind#CONNECTION_FAILURE} for everything else.
 */
@FunctionalInterface
public interface Backend {
  CompletionStage<BackendResponse> send(BackendRequest request, BackendOptions options);
}
