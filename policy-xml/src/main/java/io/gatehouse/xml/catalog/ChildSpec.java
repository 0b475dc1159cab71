package io.gatehouse.xml.catalog;

/**
 * A child element allowed inside an element, with how often it may occur.
 *
 * @param element the child's specification
 * @param min least number of occurrences
 * @param max most number of occurrences ({@link Integer#MAX_VALUE} for unbounded)
 */
public record ChildSpec(ElementSpec element, int min, int max) {}
