package io.gatehouse.xml.apiops;

/** Folder and file names that differ between the supported dialects. */
record Layout(
    String namedValues,
    String policyFragments,
    String versionSets,
    String versionSetFile,
    boolean productApisAsJson) {

  static Layout of(ApiOpsDialect dialect) {
    return switch (dialect) {
      case L1 -> new Layout("named values", "policy fragments", "version sets", "apiVersionSetInformation.json", true);
      case C1 -> new Layout("namedValues", "policyFragments", "versionSets", "versionSetInformation.json", true);
      default -> new Layout("named values", "policy fragments", "version sets", "versionSetInformation.json", false);
    };
  }
}
