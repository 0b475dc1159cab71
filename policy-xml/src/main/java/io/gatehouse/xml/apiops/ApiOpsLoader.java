package io.gatehouse.xml.apiops;

import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.VersionSetDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads an APIOps git tree into a {@link GatewayConfig}.
 *
 * <p>The layout is detected first ({@link ApiOpsDialect}); L1, L2, L3 and C1 load, L0 and unrecognised folders are
 * reported as unsupported. What is read: the global {@code policy.xml}; {@code apis/<api>/} with apiInformation.json,
 * the OpenAPI specification (operations by {@code operationId}), API and operation policies, revisions
 * ({@code <api>;rev=<n>}, kept as non-current {@link ApiDefinition}s) and version sets; products with their policies
 * and API links; named values; policy fragments; backends. Tags, groups, loggers, diagnostics, subscriptions,
 * gateways and workspaces are not part of the model and are ignored (workspaces with a warning).
 *
 * <p>Problems are reported to the {@link Diagnostics} with the file (relative to the tree root, {@code /}
 * separators) and, for JSON/YAML syntax errors, line and column. Nothing throws: a tree with any error yields null,
 * never a partial configuration. Policy text is read as UTF-8 (a BOM is dropped) and not parsed here.
 */
public final class ApiOpsLoader {
  private ApiOpsLoader() {}

  /**
   * Loads the tree at {@code root}.
   *
   * @return the configuration, or null when an error was reported to {@code diagnostics}
   */
  public static GatewayConfig load(Path root, ApiOpsOptions options, Diagnostics diagnostics) {
    int errorsBefore = diagnostics.errorCount();
    Position here = Position.start(root.toString());
    if (!Files.isDirectory(root)) {
      diagnostics.error(here, "APIOps tree not found: not a directory");
      return null;
    }
    ApiOpsDialect dialect = DialectDetector.detect(root);
    if (dialect == null) {
      diagnostics.error(here, "not an APIOps tree: found none of policy.xml, apis/, products/, named values/, "
          + "policy fragments/, backends/, version sets/ (or the apiops-cli camelCase forms)");
      return null;
    }
    if (!dialect.supported()) {
      diagnostics.error(here, "APIOps layout " + dialect.description() + " is not supported; re-extract the tree "
          + "with Azure/apiops v6 or later");
      return null;
    }
    GatewayConfig config;
    try {
      config = read(root, dialect, options, diagnostics);
    } catch (RuntimeException e) {
      diagnostics.error(here, "internal error while loading the tree: " + e);
      return null;
    }
    return diagnostics.errorCount() > errorsBefore ? null : config;
  }

  /**
   * Loads the tree with default options.
   *
   * @throws io.gatehouse.xml.PolicyLoadException listing every diagnostic when the tree has errors
   */
  public static GatewayConfig load(Path root) {
    Diagnostics diagnostics = new Diagnostics();
    GatewayConfig config = load(root, ApiOpsOptions.defaults(), diagnostics);
    diagnostics.throwIfErrors();
    return config;
  }

  /** The layout of the tree at {@code root}, or null when it is not recognisable as an APIOps tree. */
  public static ApiOpsDialect detectDialect(Path root) {
    return Files.isDirectory(root) ? DialectDetector.detect(root) : null;
  }

  private static GatewayConfig read(Path root, ApiOpsDialect dialect, ApiOpsOptions options, Diagnostics d) {
    TreeFiles files = new TreeFiles(root, d);
    ResourceReader resources = new ResourceReader(root, Layout.of(dialect), files, options);
    GatewayConfig.Builder builder = GatewayConfig.builder();
    int errorsBefore = d.errorCount();

    Path global = root.resolve("policy.xml");
    if (Files.isRegularFile(global)) {
      builder.globalPolicy(files.policy(global));
    }
    if (!TreeFiles.children(root.resolve("workspaces")).isEmpty()) {
      files.warning(root.resolve("workspaces"), "workspaces are not supported; their contents are ignored");
    }

    Map<String, VersionSetDefinition> versionSets = resources.versionSets();
    ApiReader apiReader = new ApiReader(files, options, versionSets);
    Set<String> skipped = new HashSet<>();
    Set<String> present = new HashSet<>();
    for (Path folder : TreeFiles.folders(root.resolve("apis"))) {
      present.add(folder.getFileName().toString().toLowerCase(Locale.ROOT));
      ApiDefinition api = apiReader.read(folder, skipped);
      if (api != null) {
        builder.api(api);
      }
    }
    resources.namedValues().forEach(builder::namedValue);
    resources.fragments().forEach(builder::fragment);
    resources.backends().forEach(builder::backend);
    resources.products(id -> present.contains(id.toLowerCase(Locale.ROOT)), skipped)
        .forEach(builder::product);
    if (d.errorCount() > errorsBefore) {
      return null;
    }
    return builder.build(d);
  }
}
