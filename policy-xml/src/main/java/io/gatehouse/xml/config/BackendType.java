package io.gatehouse.xml.config;

/** Kind of backend entity. */
public enum BackendType {
  /** One URL. */
  SINGLE,
  /** A load-balanced pool of other (single) backends. */
  POOL
}
