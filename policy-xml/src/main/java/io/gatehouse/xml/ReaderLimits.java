package io.gatehouse.xml;

/**
 * Size limits the {@link PolicyReader} enforces; exceeding one is an error diagnostic, never an exception.
 *
 * @param maxDocumentChars longest accepted document, in UTF-16 code units
 * @param maxDepth deepest element nesting (the root is depth 1)
 * @param maxAttributesPerElement most attributes on one element
 * @param maxAttributeLength longest attribute value, after decoding and named-value substitution
 * @param maxTextLength longest text content of one element, after decoding and named-value substitution
 * @param maxExpandedChars most characters of attribute values and text in one document after named-value
 *     substitution (bounds the memory a document full of references to long named values can take)
 */
public record ReaderLimits(
    int maxDocumentChars,
    int maxDepth,
    int maxAttributesPerElement,
    int maxAttributeLength,
    int maxTextLength,
    int maxExpandedChars) {

  /** 1 MiB documents, depth 64, 64 attributes, 64 KiB attribute values, 512 KiB texts, 4 MiB expanded. */
  public static final ReaderLimits DEFAULT = new ReaderLimits(1 << 20, 64, 64, 64 << 10, 512 << 10, 4 << 20);

  public ReaderLimits {
    if (maxDocumentChars < 1 || maxDepth < 1 || maxAttributesPerElement < 0 || maxAttributeLength < 0
        || maxTextLength < 0 || maxExpandedChars < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
