package io.gatehouse.engine.context;

/**
 * {@code IMessageBody}: a message body that is consumed by reading unless the reader preserves it.
 *
 * <p>After a consuming read ({@code preserveContent == false}) later reads return an empty body (a documented
 * engine decision, spec expressions.md 8.15) and the message is forwarded without a body unless a policy sets one.
 */
public interface MessageBody {
  /** The body bytes; consumes the body unless {@code preserveContent}. Never null. */
  byte[] read(boolean preserveContent);

  /** The message's Content-Type header value, or null. */
  String contentType();
}
