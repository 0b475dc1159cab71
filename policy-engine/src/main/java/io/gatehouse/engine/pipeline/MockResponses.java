package io.gatehouse.engine.pipeline;

/** The responses an operation's definition documents, for {@code mock-response}. */
@FunctionalInterface
public interface MockResponses {
  /** No documented responses: mocked responses have no content. */
  MockResponses NONE = (status, contentType) -> null;

  /**
   * The documented response for {@code status}: the example for {@code contentType} (or the first media type when
   * {@code contentType} is null), else a sample generated from its schema; null when the definition has neither.
   */
  MockBody find(int status, String contentType);

  /**
   * A mocked body.
   *
   * @param contentType the media type to send as {@code Content-Type}
   * @param body the body bytes
   */
  record MockBody(String contentType, byte[] body) {}
}
