/**
 * Jakarta Servlet 6 adapter: {@link io.gatehouse.servlet.GatehouseFilter} runs Gatehouse pipelines in front of an
 * existing application, which acts as the backend of {@code forward-request}.
 */
package io.gatehouse.servlet;
