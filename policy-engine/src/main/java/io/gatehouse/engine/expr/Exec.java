package io.gatehouse.engine.expr;

/** A compiled statement; returns how it completed. */
@FunctionalInterface
interface Exec {
  int NORMAL = 0;
  int BREAK = 1;
  int CONTINUE = 2;
  int RETURN = 3;

  int run(Frame f);
}
