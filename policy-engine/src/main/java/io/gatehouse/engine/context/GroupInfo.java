package io.gatehouse.engine.context;

/** {@code IGroup}. */
public record GroupInfo(String id, String name) {}
