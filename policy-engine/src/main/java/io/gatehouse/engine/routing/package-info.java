/**
 * Request routing: which API (revision, version) and which operation a request addresses. Entry point:
 * {@link io.gatehouse.engine.routing.Router}.
 */
package io.gatehouse.engine.routing;
