package io.gatehouse.engine.context;

/** {@code context.Operation}. */
public record OperationInfo(String id, String name, String method, String urlTemplate) {}
