/**
 * Gatehouse's public model: the request and response a host hands to the engine, and the service-provider
 * interfaces (backends, trace sinks) an application may replace. Everything here is small, dependency-free and stable.
 */
package io.gatehouse.api;
