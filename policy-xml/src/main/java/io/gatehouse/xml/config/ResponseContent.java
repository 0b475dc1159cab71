package io.gatehouse.xml.config;

/**
 * The body an operation documents for one response media type, serialized once when the definition is loaded.
 *
 * @param example the documented example as body text (JSON, XML or plain text per the media type), or null
 * @param sample a body generated from the schema, or null; only generated when there is no example
 */
public record ResponseContent(String example, String sample) {
  /** No example and no schema: the media type is documented without a body. */
  public static final ResponseContent EMPTY = new ResponseContent(null, null);

  /** The example, else the generated sample, else null. */
  public String body() {
    return example != null ? example : sample;
  }
}
