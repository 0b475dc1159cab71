package io.gatehouse.servlet;

/** What {@link GatehouseFilter} does with a request that matches no API operation. */
public enum UnmatchedRequests {
  /** Hand it to the application untouched (default): the filter must not break the application's other URLs. */
  PASS_TO_APPLICATION,
  /** Answer APIM's {@code 404 Resource not found}, as a gateway in front of nothing else would. */
  NOT_FOUND
}
