package io.gatehouse.xml;

import java.util.Objects;

/**
 * The text of one policy or fragment document and where it came from.
 *
 * @param origin what diagnostics print as the file, e.g. {@code apis/orders/policy.xml} or {@code <builder:api orders>}
 * @param text the document text, unparsed
 */
public record PolicySource(String origin, String text) {
  public PolicySource {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(text, "text");
  }
}
