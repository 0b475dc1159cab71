/** Network helpers shared by policies and hosts: IP address literals parsed without DNS. */
package io.gatehouse.engine.net;
