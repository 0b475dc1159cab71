package io.gatehouse.engine.policy;

import io.gatehouse.xml.Section;

/** Which message a header, body or status policy edits. */
enum MessageTarget {
  /** The request to the backend: inbound and backend sections. */
  REQUEST,
  /** The response to the client: outbound and on-error, and inside {@code return-response}. */
  RESPONSE;

  static MessageTarget forSection(Section section) {
    return section == Section.INBOUND || section == Section.BACKEND ? REQUEST : RESPONSE;
  }
}
