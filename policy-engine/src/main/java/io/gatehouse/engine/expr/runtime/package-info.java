/**
 * Plain-Java re-implementations of the .NET base-class-library, Newtonsoft.Json and APIM helper members that policy
 * expressions call (expressions.md sections 6 and 8).
 *
 * <p>Shared value representation: {@code string}→{@link java.lang.String}, {@code bool}→{@link java.lang.Boolean},
 * {@code char}→{@link java.lang.Character}, {@code int}→{@link java.lang.Integer}, {@code long}→{@link java.lang.Long},
 * {@code double}→{@link java.lang.Double}, {@code float}→{@link java.lang.Float}, {@code decimal}→
 * {@link java.math.BigDecimal}, {@code Guid}→{@link java.util.UUID}, {@code DateTime}→{@link
 * io.gatehouse.engine.expr.runtime.CsDateTime}, JSON→{@link io.gatehouse.engine.expr.runtime.JToken} and subclasses,
 * .NET exceptions→{@link io.gatehouse.engine.expr.runtime.CsException}.
 *
 * <p>Process-wide decisions live in {@link io.gatehouse.engine.expr.runtime.CsRuntimeSettings}.
 */
package io.gatehouse.engine.expr.runtime;
