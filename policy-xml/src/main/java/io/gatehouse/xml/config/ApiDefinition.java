package io.gatehouse.xml.config;

import io.gatehouse.xml.PolicySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One API (one revision of it) as the gateway serves it.
 *
 * <p>A revision other than the current one has its own definition whose {@link #id()} is {@code <root>;rev=<n>}
 * and whose {@link #isCurrent()} is false; it is only reachable as {@code /<path>;rev=<n>/...}.
 *
 * @param id API name, e.g. {@code orders} or {@code orders;rev=2}
 * @param displayName display name, defaults to the id
 * @param path URL suffix without leading or trailing {@code /}; empty for an API at the gateway root
 * @param serviceUrl backend base URL, or null when the policies set the backend
 * @param subscriptionRequired whether calls need a subscription key (APIM default: true)
 * @param subscriptionKeyHeaderName header carrying the key, default {@code Ocp-Apim-Subscription-Key}
 * @param subscriptionKeyQueryName query parameter carrying the key, default {@code subscription-key}
 * @param protocols accepted protocols, e.g. {@code [https]}
 * @param type API type; only {@code http} APIs are loaded
 * @param revision revision number as text, default {@code 1}
 * @param isCurrent whether this is the current revision
 * @param version version identifier within {@link #versionSet()}, or null for an unversioned/original API
 * @param versionSet the version set this API belongs to, or null
 * @param policy the API-scope policy document, or null
 * @param operations operations in declared order
 * @param origin where it was defined, for diagnostics
 */
public record ApiDefinition(
    String id,
    String displayName,
    String path,
    String serviceUrl,
    boolean subscriptionRequired,
    String subscriptionKeyHeaderName,
    String subscriptionKeyQueryName,
    List<String> protocols,
    String type,
    String revision,
    boolean isCurrent,
    String version,
    VersionSetDefinition versionSet,
    PolicySource policy,
    List<OperationDefinition> operations,
    String origin) {
  /** Default subscription key header. */
  public static final String DEFAULT_KEY_HEADER = "Ocp-Apim-Subscription-Key";
  /** Default subscription key query parameter. */
  public static final String DEFAULT_KEY_QUERY = "subscription-key";
  /** Separator between an API name and a revision number in revision ids and URLs. */
  public static final String REVISION_MARKER = ";rev=";

  public ApiDefinition {
    Objects.requireNonNull(id, "id");
    displayName = orDefault(displayName, id);
    path = normalizePath(path);
    serviceUrl = serviceUrl == null || serviceUrl.isBlank() ? null : serviceUrl;
    subscriptionKeyHeaderName = orDefault(subscriptionKeyHeaderName, DEFAULT_KEY_HEADER);
    subscriptionKeyQueryName = orDefault(subscriptionKeyQueryName, DEFAULT_KEY_QUERY);
    protocols = protocols == null || protocols.isEmpty() ? List.of("https") : List.copyOf(protocols);
    type = orDefault(type, "http");
    revision = orDefault(revision, "1");
    version = version == null || version.isBlank() ? null : version;
    operations = operations == null ? List.of() : List.copyOf(operations);
    origin = orDefault(origin, "<builder:api " + id + ">");
  }

  /** The API name without a {@code ;rev=n} suffix. */
  public String rootId() {
    int i = id.indexOf(REVISION_MARKER);
    return i < 0 ? id : id.substring(0, i);
  }

  /** The operation with this id (case-insensitive), or null. */
  public OperationDefinition operation(String operationId) {
    for (OperationDefinition op : operations) {
      if (op.id().equalsIgnoreCase(operationId)) {
        return op;
      }
    }
    return null;
  }

  /** Starts a programmatic definition of API {@code id}: current revision 1, subscription required, path empty. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  static String normalizePath(String path) {
    if (path == null) {
      return "";
    }
    String p = path.trim();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Fluent builder; policies given as strings get origins like {@code <builder:api orders>}. */
  public static final class Builder {
    private final String id;
    private String displayName;
    private String path = "";
    private String serviceUrl;
    private boolean subscriptionRequired = true;
    private String keyHeader;
    private String keyQuery;
    private List<String> protocols = List.of("https");
    private String type = "http";
    private String revision = "1";
    private boolean current = true;
    private String version;
    private VersionSetDefinition versionSet;
    private PolicySource policy;
    private final List<OperationDefinition> operations = new ArrayList<>();
    private String origin;

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    /** URL suffix; leading and trailing slashes are dropped. */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public Builder serviceUrl(String serviceUrl) {
      this.serviceUrl = serviceUrl;
      return this;
    }

    public Builder subscriptionRequired(boolean required) {
      this.subscriptionRequired = required;
      return this;
    }

    /** Header and query parameter names carrying the subscription key. */
    public Builder subscriptionKeyNames(String header, String query) {
      this.keyHeader = header;
      this.keyQuery = query;
      return this;
    }

    public Builder protocols(String... protocols) {
      this.protocols = List.of(protocols);
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Revision number and whether it is the current revision. */
    public Builder revision(String revision, boolean isCurrent) {
      this.revision = revision;
      this.current = isCurrent;
      return this;
    }

    /** Makes this API version {@code version} of {@code set}; a null version marks the original API of the set. */
    public Builder version(VersionSetDefinition set, String version) {
      this.versionSet = set;
      this.version = version;
      return this;
    }

    public Builder policy(String xml) {
      this.policy = xml == null ? null : new PolicySource("<builder:api " + id + ">", xml);
      return this;
    }

    public Builder policy(PolicySource policy) {
      this.policy = policy;
      return this;
    }

    /** Adds an operation without a policy. */
    public Builder operation(String operationId, String method, String urlTemplate) {
      return operation(new OperationDefinition(operationId, null, method, urlTemplate, null));
    }

    /** Adds an operation with an operation-scope policy. */
    public Builder operation(String operationId, String method, String urlTemplate, String policyXml) {
      PolicySource source = policyXml == null
          ? null
          : new PolicySource("<builder:operation " + id + "/" + operationId + ">", policyXml);
      return operation(new OperationDefinition(operationId, null, method, urlTemplate, source));
    }

    public Builder operation(OperationDefinition operation) {
      operations.add(Objects.requireNonNull(operation, "operation"));
      return this;
    }

    /** What diagnostics print for this API, e.g. the info file it was read from. */
    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    /** The definition; cross-checks (duplicate operations, templates) happen in {@link GatewayConfig.Builder#build()}. */
    public ApiDefinition build() {
      return new ApiDefinition(id, displayName, path, serviceUrl, subscriptionRequired, keyHeader, keyQuery,
          protocols, type, revision, current, version, versionSet, policy, operations, origin);
    }
  }
}
