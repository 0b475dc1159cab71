package io.gatehouse.engine.pipeline;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.StreamedBody;
import io.gatehouse.engine.context.MessageBody;
import java.util.Objects;

/**
 * A message body with APIM's consume-on-read behaviour: a read without {@code preserveContent} empties it, so
 * the message then travels without a body unless a policy sets a new one.
 *
 * <p>A backend response body can instead be a {@link StreamedBody} the host delivers itself: the engine only carries
 * it. {@link #peek()} then returns no bytes, and a read fails, because the pipeline was compiled as one that never
 * reads the response body.
 */
public final class Body implements MessageBody {
  private static final byte[] EMPTY = new byte[0];
  private final HttpHeaders headers;
  private final StreamedBody streamed;
  private byte[] bytes;

  /** A body over {@code bytes}, whose Content-Type is read from {@code headers} of the same message. */
  public Body(byte[] bytes, HttpHeaders headers) {
    this.bytes = bytes == null ? EMPTY : bytes;
    this.headers = headers;
    this.streamed = null;
  }

  private Body(StreamedBody streamed, HttpHeaders headers) {
    this.bytes = EMPTY;
    this.headers = headers;
    this.streamed = streamed;
  }

  /** A body the host streams itself; {@code headers} are those of the same message. */
  public static Body streamed(StreamedBody streamed, HttpHeaders headers) {
    return new Body(Objects.requireNonNull(streamed, "streamed"), headers);
  }

  @Override
  public byte[] read(boolean preserveContent) {
    if (streamed != null) {
      throw PolicyFailure.internal(null, "ResponseBodyStreamed",
          "The response body is streamed to the client and cannot be read by policies.");
    }
    byte[] result = bytes;
    if (!preserveContent) {
      bytes = EMPTY;
    }
    return result;
  }

  /** The current bytes without consuming them (what is sent on); empty for a streamed body. */
  public byte[] peek() {
    return bytes;
  }

  /** The host's handle when this body is streamed, else null. */
  public StreamedBody streamed() {
    return streamed;
  }

  @Override
  public String contentType() {
    return headers.first("Content-Type");
  }
}
