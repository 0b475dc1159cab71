package io.gatehouse.engine.context;

import io.gatehouse.api.HttpHeaders;

/** {@code context.Response}, and the {@code IResponse} a {@code send-request} stores in a variable. */
public interface ResponseContext {
  int statusCode();

  String statusReason();

  HttpHeaders headers();

  /** The body, or null when there is none. */
  MessageBody body();
}
