package io.gatehouse.engine.pipeline;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.context.MessageBody;

/**
 * A message body with APIM's consume-on-read behaviour: a read without {@code preserveContent} empties it, so
 * the message then travels without a body unless a policy sets a new one.
 */
public final class Body implements MessageBody {
  private static final byte[] EMPTY = new byte[0];
  private final HttpHeaders headers;
  private byte[] bytes;

  /** A body over {@code bytes}, whose Content-Type is read from {@code headers} of the same message. */
  public Body(byte[] bytes, HttpHeaders headers) {
    this.bytes = bytes == null ? EMPTY : bytes;
    this.headers = headers;
  }

  @Override
  public byte[] read(boolean preserveContent) {
    byte[] result = bytes;
    if (!preserveContent) {
      bytes = EMPTY;
    }
    return result;
  }

  /** The current bytes without consuming them (what is sent on). */
  public byte[] peek() {
    return bytes;
  }

  @Override
  public String contentType() {
    return headers.first("Content-Type");
  }
}
