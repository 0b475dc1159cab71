/**
 * The {@code context} object model that policy expressions read (spec context.md): request, response, variables,
 * API, operation, product, subscription, user, deployment. Implemented by the pipeline's exchange.
 */
package io.gatehouse.engine.context;
