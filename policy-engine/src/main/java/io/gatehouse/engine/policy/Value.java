package io.gatehouse.engine.policy;

import io.gatehouse.engine.context.PolicyContext;

/** A policy attribute or element value: a constant, or a compiled expression evaluated per request. */
@FunctionalInterface
interface Value<T> {
  T get(PolicyContext context);

  static <T> Value<T> constant(T value) {
    return new Constant<>(value);
  }

  /** Whether the value is the same for every request. */
  default boolean isConstant() {
    return false;
  }

  /** A literal value. */
  record Constant<T>(T value) implements Value<T> {
    @Override
    public T get(PolicyContext context) {
      return value;
    }

    @Override
    public boolean isConstant() {
      return true;
    }
  }
}
