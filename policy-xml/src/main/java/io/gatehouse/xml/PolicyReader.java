package io.gatehouse.xml;

import java.util.Objects;

/**
 * Reads policy and fragment documents in the formats APIM accepts: well-formed XML and the "raw" format, where
 * policy expressions ({@code @(...)}, {@code @{...}}) in attribute values and element text contain unescaped
 * {@code "}, {@code <}, {@code >} and {@code &&}.
 *
 * <p>Every element, attribute and text keeps its file, line and column. Comments, the XML declaration and
 * processing instructions are dropped; whitespace-only text is dropped and other text is trimmed. Entity and character
 * references are decoded, then {@code {{name}}} named values are substituted. The reader is hardened against hostile
 * input: no DTDs, only the five predefined entities, {@link ReaderLimits size limits}; every problem is a
 * {@link Diagnostic}, never an exception.
 *
 * <p>Immutable and thread-safe; configure with the {@code with...} methods.
 */
public final class PolicyReader {
  private final NamedValueResolver namedValues;
  private final ReaderLimits limits;
  private final boolean unknownNamedValuesAreWarnings;

  private PolicyReader(NamedValueResolver namedValues, ReaderLimits limits, boolean unknownNamedValuesAreWarnings) {
    this.namedValues = Objects.requireNonNull(namedValues, "namedValues");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.unknownNamedValuesAreWarnings = unknownNamedValuesAreWarnings;
  }

  /** A reader without named values, with {@link ReaderLimits#DEFAULT} limits. */
  public static PolicyReader standard() {
    return new PolicyReader(NamedValueResolver.NONE, ReaderLimits.DEFAULT, false);
  }

  /** This reader resolving {@code {{name}}} references through {@code resolver}. */
  public PolicyReader withNamedValues(NamedValueResolver resolver) {
    return new PolicyReader(resolver, limits, unknownNamedValuesAreWarnings);
  }

  /** This reader with other size limits. */
  public PolicyReader withLimits(ReaderLimits newLimits) {
    return new PolicyReader(namedValues, newLimits, unknownNamedValuesAreWarnings);
  }

  /**
   * This reader reporting references to unknown named values as warnings instead of errors (for linting a lone file
   * whose named values are defined elsewhere). The reference is then kept as text.
   */
  public PolicyReader withUnknownNamedValuesAsWarnings(boolean warnings) {
    return new PolicyReader(namedValues, limits, warnings);
  }

  /**
   * Reads one document. Root must be {@code <policies>} or {@code <fragment>}.
   *
   * @return the document, or null when it is not readable (malformed XML, a limit exceeded); the reason is in
   *     {@code diagnostics}. Named-value errors are reported but still return a document (the reference kept as text).
   */
  public PolicyDocument read(PolicySource source, Diagnostics diagnostics) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(diagnostics, "diagnostics");
    return new DocumentParser(source, namedValues, limits, unknownNamedValuesAreWarnings, diagnostics).parse();
  }
}
