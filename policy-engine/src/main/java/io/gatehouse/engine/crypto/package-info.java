/** Cryptographic helpers shared by policies and stores. */
package io.gatehouse.engine.crypto;
