/**
 * The minimal LINQ to XML model of spec 8.6 ({@code XElement}, {@code XDocument}, {@code XAttribute}, {@code XName})
 * over the JDK DOM, parsed with DTDs and external entities disabled. Owned by the expression compiler until the
 * runtime library provides these types.
 */
package io.gatehouse.engine.expr.xml;
