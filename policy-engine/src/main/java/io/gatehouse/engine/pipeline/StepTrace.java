package io.gatehouse.engine.pipeline;

/**
 * A statement that ran, as the test harness and {@code gatehouse-cli run} report it.
 *
 * @param policy element name
 * @param section section name ({@code inbound}, ...)
 * @param scope scope label ({@code global}, ...)
 * @param path nesting path
 * @param outcome {@code continue}, {@code end}, {@code pending} or {@code failed: Reason}
 */
public record StepTrace(String policy, String section, String scope, String path, String outcome) {}
