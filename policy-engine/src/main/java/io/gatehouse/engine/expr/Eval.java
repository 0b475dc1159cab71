package io.gatehouse.engine.expr;

/** A compiled expression node. */
@FunctionalInterface
interface Eval {
  Object eval(Frame f);
}
