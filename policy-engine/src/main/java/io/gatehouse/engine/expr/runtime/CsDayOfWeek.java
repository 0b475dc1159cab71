package io.gatehouse.engine.expr.runtime;

/** {@code System.DayOfWeek}; ordinals match .NET (Sunday = 0) and {@code ToString()} gives the name. */
public enum CsDayOfWeek {
  Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday
}
