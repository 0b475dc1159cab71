package io.gatehouse.api;

/**
 * A response body that the host delivers to the client itself and that the engine never reads: the handle a
 * {@link Backend} may answer with ({@link BackendResponse#streamed}) when {@link BackendOptions#responseBodyNeeded()}
 * is false.
 *
 * <p>The implementation belongs to the host (the servlet filter's is the application's own output). The engine only
 * carries the handle: when the final response still has that body unchanged, {@link GatewayResponse#streamed()}
 * returns it and the host sends the body after the response's status and headers; otherwise a policy replaced the
 * body (set-body, return-response, an error) and the host discards the streamed one.
 */
public interface StreamedBody {}
