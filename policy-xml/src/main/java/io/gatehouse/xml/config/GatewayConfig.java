package io.gatehouse.xml.config;

import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.NamedValue;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.PolicySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gateway serves: the global policy, APIs (with their revisions and operations), products, named
 * values, policy fragments and backends. Immutable; lists keep declaration order.
 *
 * <p>Create one with {@link #builder()} (validated) or {@link io.gatehouse.xml.apiops.ApiOpsLoader}. Lookups by id
 * are case-insensitive, as APIM resource names are.
 *
 * @param globalPolicy the global (service) policy document, or null
 * @param apis APIs, current and non-current revisions
 * @param products products
 * @param namedValues named values, keyed by {@link NamedValue#name()}
 * @param fragments policy fragments
 * @param backends backend entities
 */
public record GatewayConfig(
    PolicySource globalPolicy,
    List<ApiDefinition> apis,
    List<ProductDefinition> products,
    List<NamedValue> namedValues,
    List<FragmentDefinition> fragments,
    List<BackendDefinition> backends) {
  public GatewayConfig {
    apis = List.copyOf(apis);
    products = List.copyOf(products);
    namedValues = List.copyOf(namedValues);
    fragments = List.copyOf(fragments);
    backends = List.copyOf(backends);
  }

  /** Starts an empty configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The API (or revision, {@code x;rev=n}) with this id, or null. */
  public ApiDefinition api(String id) {
    return apis.stream().filter(a -> a.id().equalsIgnoreCase(id)).findFirst().orElse(null);
  }

  /** The product with this id, or null. */
  public ProductDefinition product(String id) {
    return products.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst().orElse(null);
  }

  /** The named value with this name, or null. */
  public NamedValue namedValue(String name) {
    return namedValues.stream().filter(n -> n.name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  /** The fragment with this id, or null. */
  public FragmentDefinition fragment(String id) {
    return fragments.stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst().orElse(null);
  }

  /** The backend with this id, or null. */
  public BackendDefinition backend(String id) {
    return backends.stream().filter(b -> b.id().equalsIgnoreCase(id)).findFirst().orElse(null);
  }

  /** Products containing the API; revisions belong to the products of their root API. */
  public List<ProductDefinition> productsOf(ApiDefinition api) {
    return products.stream().filter(p -> p.contains(api.rootId())).toList();
  }

  /** Collects definitions; {@link #build()} validates them as a whole. */
  public static final class Builder {
    private PolicySource globalPolicy;
    private final List<ApiDefinition> apis = new ArrayList<>();
    private final List<ProductDefinition> products = new ArrayList<>();
    private final List<NamedValue> namedValues = new ArrayList<>();
    private final List<FragmentDefinition> fragments = new ArrayList<>();
    private final List<BackendDefinition> backends = new ArrayList<>();

    private Builder() {}

    /** The global policy document text; its origin is {@code <builder:global>}. */
    public Builder globalPolicy(String xml) {
      this.globalPolicy = xml == null ? null : new PolicySource("<builder:global>", xml);
      return this;
    }

    public Builder globalPolicy(PolicySource policy) {
      this.globalPolicy = policy;
      return this;
    }

    public Builder api(ApiDefinition api) {
      apis.add(Objects.requireNonNull(api, "api"));
      return this;
    }

    public Builder product(ProductDefinition product) {
      products.add(Objects.requireNonNull(product, "product"));
      return this;
    }

    /** A plain named value. */
    public Builder namedValue(String name, String value) {
      return namedValue(new NamedValue(name, value, false));
    }

    /** A secret named value: never printed in diagnostics or traces. */
    public Builder secretNamedValue(String name, String value) {
      return namedValue(new NamedValue(name, value, true));
    }

    public Builder namedValue(NamedValue namedValue) {
      namedValues.add(Objects.requireNonNull(namedValue, "namedValue"));
      return this;
    }

    /** A policy fragment; its origin is {@code <builder:fragment id>}. */
    public Builder fragment(String id, String xml) {
      return fragment(new FragmentDefinition(id, "", new PolicySource("<builder:fragment " + id + ">", xml)));
    }

    public Builder fragment(FragmentDefinition fragment) {
      fragments.add(Objects.requireNonNull(fragment, "fragment"));
      return this;
    }

    /** A single HTTP backend. */
    public Builder backend(String id, String url) {
      return backend(BackendDefinition.single(id, url));
    }

    public Builder backend(BackendDefinition backend) {
      backends.add(Objects.requireNonNull(backend, "backend"));
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws PolicyLoadException listing every problem (duplicate ids, links to unknown APIs or backends,
     *     malformed URL templates, conflicting routes, ...)
     */
    public GatewayConfig build() {
      Diagnostics diagnostics = new Diagnostics();
      GatewayConfig config = build(diagnostics);
      diagnostics.throwIfErrors();
      return config;
    }

    /** Validates into {@code diagnostics}; returns the configuration, or null when an error was reported. */
    public GatewayConfig build(Diagnostics diagnostics) {
      GatewayConfig config = new GatewayConfig(globalPolicy, apis, products, namedValues, fragments, backends);
      int before = diagnostics.errorCount();
      new ConfigValidator(config, diagnostics).validate();
      return diagnostics.errorCount() > before ? null : config;
    }
  }
}
