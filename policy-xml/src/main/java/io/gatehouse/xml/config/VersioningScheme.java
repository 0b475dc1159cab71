package io.gatehouse.xml.config;

import java.util.Locale;

/** Where a request names the API version of a version set. */
public enum VersioningScheme {
  /** A path segment after the API path: {@code /<path>/<version>/...}. */
  SEGMENT,
  /** A query parameter: {@code ?<versionQueryName>=<version>}. */
  QUERY,
  /** A request header: {@code <versionHeaderName>: <version>}. */
  HEADER;

  /** Parses APIM's {@code Segment}, {@code Query} or {@code Header} (case-insensitive); null when unknown. */
  public static VersioningScheme parse(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "segment" -> SEGMENT;
      case "query" -> QUERY;
      case "header" -> HEADER;
      default -> null;
    };
  }
}
