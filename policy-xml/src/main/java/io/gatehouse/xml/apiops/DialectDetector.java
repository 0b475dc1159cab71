package io.gatehouse.xml.apiops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tells the APIOps layouts apart by their marker files (layout notes §0). L2 and L3 differ only in where tag links
 * live and how references are spelled; both load the same way, so an ambiguous tree counts as L3.
 */
final class DialectDetector {
  private static final List<String> COLLECTIONS = List.of("apis", "products", "named values", "policy fragments",
      "backends", "version sets", "tags", "groups", "loggers", "diagnostics", "subscriptions", "gateways",
      "workspaces");

  private DialectDetector() {}

  /** The dialect, or null when the folder does not look like an APIOps tree at all. */
  static ApiOpsDialect detect(Path root) {
    if (isDir(root, "namedValues") || isDir(root, "policyFragments") || isDir(root, "versionSets")
        || any(root, "apis", "operations", "*", "operationInformation.json")) {
      return ApiOpsDialect.C1;
    }
    if (any(root, "apis", "*", "*", "apiInformation.json")
        && TreeFiles.children(root.resolve("apis")).stream()
            .noneMatch(api -> Files.isRegularFile(api.resolve("apiInformation.json")))) {
      return ApiOpsDialect.L0;
    }
    if (any(root, "products", "apis.json") || any(root, "products", "groups.json") || any(root, "apis", "tags.json")
        || any(root, "version sets", "apiVersionSetInformation.json") || any(root, "gateways", "apis.json")) {
      return ApiOpsDialect.L1;
    }
    if (any(root, "tags", "apis") || any(root, "tags", "products")) {
      return ApiOpsDialect.L3;
    }
    if (any(root, "apis", "tags") || any(root, "products", "tags")) {
      return ApiOpsDialect.L2;
    }
    if (Files.isRegularFile(root.resolve("policy.xml")) || COLLECTIONS.stream().anyMatch(c -> isDir(root, c))) {
      return ApiOpsDialect.L3;
    }
    return null;
  }

  private static boolean isDir(Path root, String name) {
    return Files.isDirectory(root.resolve(name));
  }

  /**
   * Whether {@code root/collection/<any child>/rest...} exists, where a {@code *} in {@code rest} matches any child
   * folder.
   */
  private static boolean any(Path root, String collection, String... rest) {
    for (Path child : TreeFiles.children(root.resolve(collection))) {
      if (exists(child, rest, 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean exists(Path dir, String[] rest, int i) {
    if (i == rest.length) {
      return Files.exists(dir);
    }
    if (!rest[i].equals("*")) {
      return exists(dir.resolve(rest[i]), rest, i + 1);
    }
    for (Path child : TreeFiles.children(dir)) {
      if (exists(child, rest, i + 1)) {
        return true;
      }
    }
    return false;
  }
}
