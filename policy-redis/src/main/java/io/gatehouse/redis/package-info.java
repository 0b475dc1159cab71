/**
 * Redis-backed counter store and response cache (Lettuce) for clustered deployments.
 *
 * <p>Not implemented yet; it lands with the traffic-protection issue. This package intentionally holds no code.
 */
package io.gatehouse.redis;
