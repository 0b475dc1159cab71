package io.gatehouse.xml.config;

import java.util.Objects;

/**
 * An API version set: the APIs that name it are versions of one API and are told apart by {@link #scheme()}.
 *
 * @param id resource name (folder name in APIOps trees)
 * @param displayName display name, defaults to the id
 * @param scheme where the version identifier is carried
 * @param versionQueryName query parameter for {@link VersioningScheme#QUERY}; defaults to {@code api-version}
 * @param versionHeaderName header for {@link VersioningScheme#HEADER}; defaults to {@code Api-Version}
 * @param origin where it was defined, for diagnostics
 */
public record VersionSetDefinition(
    String id,
    String displayName,
    VersioningScheme scheme,
    String versionQueryName,
    String versionHeaderName,
    String origin) {
  /** Query parameter name used when a {@code Query} version set names none. */
  public static final String DEFAULT_QUERY_NAME = "api-version";
  /** Header name used when a {@code Header} version set names none. */
  public static final String DEFAULT_HEADER_NAME = "Api-Version";

  public VersionSetDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scheme, "scheme");
    displayName = blankTo(displayName, id);
    versionQueryName = blankTo(versionQueryName, DEFAULT_QUERY_NAME);
    versionHeaderName = blankTo(versionHeaderName, DEFAULT_HEADER_NAME);
    origin = blankTo(origin, "<builder:version-set " + id + ">");
  }

  /** A version set with default names, for programmatic use. */
  public static VersionSetDefinition of(String id, VersioningScheme scheme) {
    return new VersionSetDefinition(id, id, scheme, null, null, null);
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
