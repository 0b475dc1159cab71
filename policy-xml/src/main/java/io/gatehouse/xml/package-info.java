/**
 * Policy documents as Gatehouse reads them: a lenient reader for raw APIM policy XML that keeps file, line and
 * column for every node, diagnostics, named values, fragments and scope composition.
 */
package io.gatehouse.xml;
