package io.gatehouse.api;

/**
 * APIM's {@code context.LastError}: what failed and where.
 *
 * @param source policy element name ({@code rate-limit}) or built-in step ({@code configuration}, {@code authorization})
 * @param reason machine-readable code such as {@code ExpressionValueEvaluationFailure}; may be null
 * @param message human-readable text
 * @param section {@code inbound}, {@code backend}, {@code outbound} or {@code on-error}; may be null
 * @param scope {@code global}, {@code product}, {@code api} or {@code operation}; may be null
 * @param path nesting path such as {@code choose[3]\when[2]}; may be null
 * @param policyId the failing element's {@code id} attribute; may be null
 */
public record LastError(
    String source, String reason, String message, String section, String scope, String path, String policyId) {}
