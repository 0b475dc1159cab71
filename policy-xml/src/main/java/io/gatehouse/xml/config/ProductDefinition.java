package io.gatehouse.xml.config;

import io.gatehouse.xml.PolicySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A product: a group of APIs with its own policy and subscription rules.
 *
 * @param id product name (folder name in APIOps trees)
 * @param displayName display name, defaults to the id
 * @param subscriptionRequired false for an open product (keyless calls run in its context)
 * @param approvalRequired whether subscriptions need approval
 * @param state {@code published} or {@code notPublished}
 * @param subscriptionsLimit maximum subscriptions per user, or null for unlimited
 * @param apiIds ids of the APIs in the product, in declared order
 * @param policy the product-scope policy document, or null
 * @param origin where it was defined, for diagnostics
 */
public record ProductDefinition(
    String id,
    String displayName,
    boolean subscriptionRequired,
    boolean approvalRequired,
    String state,
    Integer subscriptionsLimit,
    List<String> apiIds,
    PolicySource policy,
    String origin) {
  public ProductDefinition {
    Objects.requireNonNull(id, "id");
    displayName = displayName == null || displayName.isBlank() ? id : displayName;
    state = state == null || state.isBlank() ? "notPublished" : state;
    apiIds = apiIds == null ? List.of() : List.copyOf(apiIds);
    origin = origin == null || origin.isBlank() ? "<builder:product " + id + ">" : origin;
  }

  /** Whether the product contains the API (case-insensitive id). */
  public boolean contains(String apiId) {
    return apiIds.stream().anyMatch(a -> a.equalsIgnoreCase(apiId));
  }

  /** Starts a programmatic product: subscription required, no approval, published. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Fluent builder; a policy given as a string gets the origin {@code <builder:product id>}. */
  public static final class Builder {
    private final String id;
    private String displayName;
    private boolean subscriptionRequired = true;
    private boolean approvalRequired;
    private String state = "published";
    private Integer subscriptionsLimit;
    private final List<String> apiIds = new ArrayList<>();
    private PolicySource policy;
    private String origin;

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Builder subscriptionRequired(boolean required) {
      this.subscriptionRequired = required;
      return this;
    }

    public Builder approvalRequired(boolean required) {
      this.approvalRequired = required;
      return this;
    }

    public Builder state(String state) {
      this.state = state;
      return this;
    }

    public Builder subscriptionsLimit(Integer limit) {
      this.subscriptionsLimit = limit;
      return this;
    }

    /** Adds APIs to the product. */
    public Builder api(String... ids) {
      apiIds.addAll(List.of(ids));
      return this;
    }

    public Builder policy(String xml) {
      this.policy = xml == null ? null : new PolicySource("<builder:product " + id + ">", xml);
      return this;
    }

    public Builder policy(PolicySource policy) {
      this.policy = policy;
      return this;
    }

    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    public ProductDefinition build() {
      return new ProductDefinition(id, displayName, subscriptionRequired, approvalRequired, state,
          subscriptionsLimit, apiIds, policy, origin);
    }
  }
}
